// SARIF 2.1.0 for GitHub code scanning. Code scanning needs every result to point at a file of
// the repository, so results point at the Dockerfile instruction behind them (line 1 when the
// history could not be matched); rules carry the descriptions and help that ingestion requires.
import { createHash } from 'node:crypto';
import type { DockerfileInstruction } from '../dockerfile/dockerfile-map';
import { RULES } from '../core/rules';
import { docsUrl } from '../core/rules/rule';
import type { JsonReport } from './json-report';
import { VERSION } from '../version';
import { shortInstruction } from '../core/text/excerpt';
import { encodeBytes, escapeUndecodable } from '../core/text/byte-strings';

const LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

export interface SarifOptions {
  /** Repository-relative path of the Dockerfile. */
  dockerfile: string;
  lines: Map<string, DockerfileInstruction>;
  /**
   * The code scanning category (automationDetails.id modelarts-image-check/<category>/): the same
   * for every build of one image, so that code scanning closes the alerts a new build fixed.
   */
  category: string;
}

/** The default category for an image: its repository without tag or digest; a fixed one for an image ID or an archive. */
export function sarifCategoryOf(reference: string): string {
  if (/^(?:docker|oci)-archive:/.test(reference)) {
    return (
      reference
        .slice(reference.indexOf(':') + 1)
        .split('/')
        .pop()!
        .replace(/\.(?:tar|tgz|tar\.gz|tar\.zst|oci)$/, '') || 'modelarts-image-check'
    );
  }
  if (reference.startsWith('sha256:') || /^[a-f0-9]{12,64}$/.test(reference) || reference === '') return 'modelarts-image-check';
  return reference
    .replace(/^docker-daemon:/, '')
    .replace(/@sha256:[a-f0-9]{64}$/, '')
    .replace(/:[^/:]*$/, '');
}

const title = (id: string) => id.replace(/(^|-)(\w)/g, (_m, _d, ch: string) => ch.toUpperCase());

export function buildSarif(report: JsonReport, options: SarifOptions) {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'modelarts-image-check',
            semanticVersion: VERSION,
            informationUri: 'https://github.com/modelarts-image-check/modelarts-image-check',
            rules: RULES.map((r) => ({
              id: r.id,
              name: title(r.id),
              shortDescription: { text: r.description },
              fullDescription: { text: `${r.description} ModelArts specification: "${r.spec}"` },
              help: {
                text: `${r.description}\nModelArts specification: ${r.spec}\nSee ${docsUrl(r.id)}`,
                markdown: `${r.description}\n\n> ${r.spec}\n\n[Rule documentation](${docsUrl(r.id)})`
              },
              helpUri: docsUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { tags: ['container', 'modelarts', r.id === 'secrets' || r.id === 'malicious-code' ? 'security' : 'compliance'], precision: 'high' }
            }))
          }
        },
        automationDetails: { id: `modelarts-image-check/${options.category}/` },
        results: report.findings
          .filter((f) => ruleIndex.has(f.rule))
          .map((f) => {
            const ins = f.instruction ? options.lines.get(f.instruction) : undefined;
            const where = [f.path, f.layer ? `layer ${f.layer.number}` : ''].filter(Boolean).join(', ');
            return {
              ruleId: f.rule,
              ruleIndex: ruleIndex.get(f.rule),
              level: LEVEL[f.severity],
              message: { text: escapeUndecodable(where ? `${f.message} (${where})` : f.message) },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: options.dockerfile },
                    region: ins ? { startLine: ins.line, endLine: ins.endLine } : { startLine: 1 }
                  }
                }
              ],
              // Stable across builds: the rule, the path and the Dockerfile line (or the instruction as written).
              partialFingerprints: {
                'modelartsImageCheck/v1': createHash('sha256')
                  .update(encodeBytes(`${f.rule}\0${f.path ?? ''}\0${ins ? `line ${ins.line}` : f.instruction ? shortInstruction(f.instruction, 1000) : ''}`))
                  .digest('hex')
                  .slice(0, 32)
              },
              ...(f.waived && { suppressions: [{ kind: 'external', justification: f.waived.reason }] })
            };
          })
      }
    ]
  };
}
