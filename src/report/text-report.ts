// The report for people at a terminal: findings grouped by rule, then a one-line verdict.
import { RULES } from '../core/rules';
import { docsUrl } from '../core/rules/rule';
import { shortInstruction } from '../core/text/excerpt';
import { escapeControl } from '../core/errors';
import { count, theFirst, was } from '../core/text/plural';
import { formatSize } from '../core/settings/settings';
import { findingCounts, headingId, profileLine, type JsonReport } from './json-report';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', notice: '\x1b[36m', bold: '\x1b[1m', dim: '\x1b[2m', green: '\x1b[32m', reset: '\x1b[0m' };

export function renderText(report: JsonReport, color: boolean): string {
  const c = (name: keyof typeof COLORS, s: string) => (color ? COLORS[name] + s + COLORS.reset : s);
  const lines: string[] = [];
  const img = report.image;
  const id = headingId(img);
  lines.push(
    c('bold', `${img.reference}`) +
      c('dim', ` (${id ? `${id}, ` : ''}${count(report.layers.length, 'layer')}, ${formatSize(img.size)} of ${formatSize(img.maxSize)})`)
  );
  if (report.base.given)
    lines.push(`base: ${report.base.reference} (${count(report.base.layers, 'layer')}${report.base.matches ? '' : ', NOT a prefix of the image'})`);
  else lines.push(`base: not given; ${report.base.guessed ? `guessed as ${theFirst(report.base.layers, 'layer')} from the history` : 'could not be guessed'}`);
  lines.push(`judged by the ${profileLine(report)}`);
  if (report.rulesOff.length > 0) lines.push(`rules turned off: ${report.rulesOff.join(', ')}`);
  for (const rule of RULES) {
    const found = report.findings.filter((f) => f.rule === rule.id);
    if (found.length === 0) continue;
    lines.push('');
    lines.push(c('bold', `${rule.id}`) + c('dim', ` - ${rule.description} ${docsUrl(rule.id)}`));
    for (const f of found) {
      const tag = f.waived ? c('dim', 'waived ') : c(f.severity, f.severity.padEnd(7) + ' ');
      lines.push(`  ${tag} ${escapeControl(f.message)}`);
      const where = [f.layer ? `layer ${f.layer.number}` : '', f.instruction ? shortInstruction(f.instruction, 100) : ''].filter(Boolean).join(': ');
      if (where) lines.push(c('dim', `           ${escapeControl(where)}`));
      if (f.dockerfile) lines.push(c('dim', `           ${escapeControl(f.dockerfile.path)}:${f.dockerfile.line}`));
      if (f.waived) lines.push(c('dim', `           waived: ${f.waived.reason}${f.waived.expires ? ` (until ${f.waived.expires})` : ''}`));
    }
  }
  if (report.scan.truncatedFiles > 0) {
    lines.push('');
    lines.push(
      c(
        'dim',
        `${count(report.scan.truncatedFiles, 'file')} ${was(report.scan.truncatedFiles)} scanned only in part (${formatSize(report.scan.unscannedBytes)} not scanned; large files are scanned up to --scan-limit).`
      )
    );
  }
  const s = report.summary;
  lines.push('');
  const counts = findingCounts(s);
  lines.push(
    s.passed ? c('green', `PASSED: ModelArts should accept this image (${counts}).`) : c('error', `FAILED: ModelArts would reject this image (${counts}).`)
  );
  return lines.join('\n') + '\n';
}
