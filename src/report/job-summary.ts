// The job summary a reviewer reads: verdict first, then rules, findings, layers, size, timings.
// Everything that comes from the image is untrusted and HTML-escaped. The runner drops a
// summary over 1 MiB entirely, so the findings are cut to fit and point at the JSON report.
import { RULES } from '../core/rules';
import { docsUrl } from '../core/rules/rule';
import { escapeUndecodable } from '../core/text/byte-strings';
import { shortInstruction } from '../core/text/excerpt';
import { theFirst, was } from '../core/text/plural';
import { formatSize } from '../core/settings/settings';
import { findingCounts, headingId, profileLine, type JsonReport } from './json-report';

const LIMIT = 900 * 1024;
const PER_RULE = 200;

/** HTML-escaped, and the bytes of names that are not UTF-8 shown as \xNN (text/byte-strings.ts). */
export function escapeHtml(s: string): string {
  return escapeUndecodable(s).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const code = (s: string) => `<code>${escapeHtml(s)}</code>`;

/** Characters of an instruction shown in a table cell or beside a finding. */
const INSTRUCTION_SHOWN = 120;

export interface SummaryExtras {
  /** Where the image was pushed (target -> digest), or why not. */
  push?: { pushed: { target: string; digest: string }[]; skipped?: string };
  reportPath?: string;
  extraTimings?: { phase: string; ms: number }[];
}

export function renderSummary(report: JsonReport, extras: SummaryExtras = {}): string {
  const s = report.summary;
  const img = report.image;
  const id = headingId(img);
  const parts: string[] = [];
  parts.push(s.passed ? '<h2>✅ ModelArts image check passed</h2>' : '<h2>❌ ModelArts image check failed</h2>');
  parts.push(
    `<p>${code(img.reference)}${id ? ` ${code(id)}` : ''}: ${findingCounts(s)}. ` +
      `Size ${formatSize(img.size)} of ${formatSize(img.maxSize)} allowed. ` +
      (report.base.given
        ? `Base ${code(String(report.base.reference))}${report.base.matches ? '' : ' (<b>not a prefix of the image</b>)'}.`
        : `Base not given${report.base.guessed ? `; ${theFirst(report.base.layers, 'layer')} ${was(report.base.layers)} guessed to be the base` : ''}.`) +
      '</p>'
  );
  parts.push(`<p>Judged by the ${escapeHtml(profileLine(report))}.</p>`);
  if (extras.push) {
    if (extras.push.pushed.length) parts.push(`<p>Pushed: ${extras.push.pushed.map((p) => `${code(p.target)} ${code(p.digest)}`).join(', ')}</p>`);
    // A push that failed part way names what did reach the registry above, and why the rest did not.
    if (extras.push.skipped) parts.push(`<p>Not pushed${extras.push.pushed.length ? ' to the other targets' : ''}: ${escapeHtml(extras.push.skipped)}</p>`);
  }

  const rows = RULES.map((r) => {
    const found = report.findings.filter((f) => f.rule === r.id && !f.waived);
    const worst = report.rulesOff.includes(r.id)
      ? '⏸️ off'
      : found.some((f) => f.severity === 'error')
        ? '❌ error'
        : found.some((f) => f.severity === 'warning')
          ? '⚠️ warning'
          : found.length
            ? 'ℹ️ notice'
            : '✅ pass';
    return `<tr><td><a href="${docsUrl(r.id)}">${r.id}</a></td><td>${worst}</td><td>${found.length}</td><td>${escapeHtml(r.description)}</td></tr>`;
  });
  parts.push(`<h3>Rules</h3><table><tr><th>Rule</th><th>Status</th><th>Findings</th><th>Requirement</th></tr>${rows.join('')}</table>`);

  const layerRows = report.layers.map((l) => {
    const n = report.findings.filter((f) => f.layer?.number === l.number && !f.waived).length;
    return `<tr><td>${l.number}</td><td>${l.base ? 'base' : 'custom'}</td><td>${code((l.createdBy && shortInstruction(l.createdBy, INSTRUCTION_SHOWN)) || '(unknown)')}</td><td>${formatSize(l.size)}</td><td>${l.entries}</td><td>${n}</td></tr>`;
  });
  const tail: string[] = [];
  tail.push(
    `<h3>Layers</h3><table><tr><th>#</th><th>Part</th><th>Instruction</th><th>Size</th><th>Entries</th><th>Findings</th></tr>${layerRows.join('')}</table>`
  );
  const chart = report.layers.filter((l) => l.size > 0).map((l) => `    "layer ${l.number} ${l.base ? 'base' : 'custom'}" : ${(l.size / 1e6).toFixed(1)}`);
  if (chart.length) tail.push(['', '```mermaid', 'pie showData title Layer sizes (MB)', ...chart, '```', ''].join('\n'));
  if (report.largestFiles.length) {
    tail.push(
      `<details><summary>Largest files added by custom layers</summary><table><tr><th>Path</th><th>Size</th><th>Layer</th></tr>${report.largestFiles.map((f) => `<tr><td>${code(f.path)}</td><td>${formatSize(f.size)}</td><td>${f.layer + 1}</td></tr>`).join('')}</table></details>`
    );
  }
  const timings = [...report.timings, ...(extras.extraTimings ?? [])];
  tail.push(
    `<details><summary>Timings</summary><table>${timings.map((t) => `<tr><td>${escapeHtml(t.phase)}</td><td>${(t.ms / 1000).toFixed(2)} s</td></tr>`).join('')}</table></details>`
  );
  if (extras.reportPath) tail.push(`<p>Full report: ${code(extras.reportPath)} (the action's <code>report</code> output).</p>`);

  const fixed = parts.join('\n') + tail.join('\n');
  let budget = LIMIT - Buffer.byteLength(fixed);
  const findingParts: string[] = ['<h3>Findings</h3>'];
  for (const r of RULES) {
    const found = report.findings.filter((f) => f.rule === r.id);
    if (!found.length) continue;
    const items: string[] = [];
    let cut = 0;
    for (const f of found) {
      const where = [
        f.path ? code(f.path) : '',
        f.layer ? `layer ${f.layer.number}` : '',
        f.instruction ? code(shortInstruction(f.instruction, INSTRUCTION_SHOWN)) : ''
      ]
        .filter(Boolean)
        .join(' · ');
      const item = `<li><b>${f.waived ? 'waived' : f.severity}</b> ${escapeHtml(f.message)}${where ? `<br>${where}` : ''}${f.waived ? `<br><i>waived: ${escapeHtml(f.waived.reason)}</i>` : ''}</li>`;
      if (items.length >= PER_RULE || Buffer.byteLength(item) > budget) {
        cut++;
        continue;
      }
      budget -= Buffer.byteLength(item);
      items.push(item);
    }
    const more = cut ? `<li>… and ${cut} more: see the JSON report.</li>` : '';
    findingParts.push(
      `<details${found.length <= 10 ? ' open' : ''}><summary><b>${r.id}</b> (${found.length})</summary><ul>${items.join('')}${more}</ul></details>`
    );
  }
  return parts.join('\n') + '\n' + (findingParts.length > 1 ? findingParts.join('\n') + '\n' : '') + tail.join('\n') + '\n';
}
