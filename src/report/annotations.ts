// PR annotations, aggregated to fit GitHub's limits: at most 10 annotations of each level per
// step (50 per job) are shown and messages are cut at 4096 characters. One annotation per
// rule per instruction names the first paths and the count; a last notice points at the
// summary when findings had to be left out.
import type { DockerfileInstruction } from '../dockerfile/dockerfile-map';
import { shortInstruction } from '../core/text/excerpt';
import { escapeControl } from '../core/errors';
import type { Finding } from '../core/facts';
import { count, is } from '../core/text/plural';
import { docsUrl } from '../core/rules/rule';
import type { Severity } from '../core/settings/settings';

export interface Annotation {
  level: Severity;
  title: string;
  message: string;
  file?: string;
  startLine?: number;
  endLine?: number;
}

const PER_LEVEL = 10;
const MAX_MESSAGE = 4000;
const FIRST_PATHS = 5;

/** What an annotation tells of a finding (the core's findings and the JSON report's both have it). */
type Annotated = Pick<Finding, 'rule' | 'severity' | 'message' | 'path' | 'instruction' | 'waived'>;

export function buildAnnotations(findings: Annotated[], lines: Map<string, DockerfileInstruction>, dockerfile: string | undefined): Annotation[] {
  const groups = new Map<string, Annotated[]>();
  for (const f of findings) {
    if (f.waived) continue;
    const key = `${f.severity}\0${f.rule}\0${f.instruction ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const order: Severity[] = ['error', 'warning', 'notice'];
  const sorted = [...groups.values()].sort((a, b) => order.indexOf(a[0].severity) - order.indexOf(b[0].severity));
  const out: Annotation[] = [];
  const shown: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  let omitted = 0;
  for (const group of sorted) {
    const first = group[0];
    // Keep one notice slot free for the pointer to the summary.
    const room = first.severity === 'notice' ? PER_LEVEL - 1 : PER_LEVEL;
    if (shown[first.severity] >= room) {
      omitted += group.length;
      continue;
    }
    shown[first.severity]++;
    const ins = first.instruction ? lines.get(first.instruction) : undefined;
    // Text from the image is escaped; the annotation's own line breaks stay.
    let message = escapeControl(first.message);
    if (group.length > 1) {
      const paths = group.map((f) => f.path).filter((p): p is string => !!p);
      const named = escapeControl(paths.slice(0, FIRST_PATHS).join(', '));
      message = `${group.length} findings${named ? ` (${named}${paths.length > FIRST_PATHS ? `, and ${paths.length - FIRST_PATHS} more` : ''})` : ''}. First: ${message}`;
    }
    if (!ins && first.instruction) message += `\nInstruction: ${escapeControl(shortInstruction(first.instruction, 300))}`;
    message += `\nHow to fix: ${docsUrl(first.rule)}`;
    out.push({
      level: first.severity,
      title: first.rule,
      message: message.length > MAX_MESSAGE ? message.slice(0, MAX_MESSAGE - 3) + '...' : message,
      ...(ins && dockerfile && { file: dockerfile, startLine: ins.line, endLine: ins.endLine })
    });
  }
  if (omitted > 0) {
    out.push({
      level: 'notice',
      title: 'modelarts-image-check',
      message: `${count(omitted, 'more finding')} ${is(omitted)} not shown as annotations (GitHub shows at most ${PER_LEVEL} per level): see the job summary and the JSON report.`
    });
  }
  return out;
}
