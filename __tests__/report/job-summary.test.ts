import { escapeHtml, renderSummary } from '../../src/report/job-summary';
import type { JsonReport } from '../../src/report/json-report';

describe('job summary', () => {
  const report = (findings: JsonReport['findings']): JsonReport =>
    ({
      schemaVersion: 1,
      tool: { name: 'modelarts-image-check', version: '0.1.0' },
      rulesOff: [],
      profile: 'legacy',
      profileReason: 'the base image has the user work (UID 1101)',
      software: {},
      image: {
        reference: 'img',
        id: 'sha256:' + 'a'.repeat(64),
        layout: 'docker-archive',
        repoTags: [],
        platform: 'linux/amd64',
        user: 'work',
        entrypoint: null,
        cmd: null,
        size: 1e6,
        maxSize: 9.5e9,
        files: 10
      },
      base: { given: false, reference: null, id: null, layers: 1, matches: true, guessed: true },
      findings,
      layers: [
        { number: 1, diffId: 'sha256:x', size: 1e6, compression: 'none', entries: 10, base: true, contentScanned: false, createdBy: '<script>layer</script>' }
      ],
      largestFiles: [],
      scan: { truncatedFiles: 0, unscannedBytes: 0 },
      timings: [{ phase: 'read image', ms: 1200 }],
      summary: { errors: findings.length, warnings: 0, notices: 0, waived: 0, passed: findings.length === 0 }
    }) as JsonReport;

  it('escapes everything that comes from the image', () => {
    const html = renderSummary(report([{ rule: 'setuid-setgid', severity: 'error', message: 'bad <img src=x onerror=alert(1)>', path: '/opt/<b>x</b>' }]));
    expect(html).toMatch(/^<h2>❌ ModelArts image check failed<\/h2>/);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml('/opt/<b>x</b>'));
    expect(html).toContain('```mermaid');
  });

  it('shows the bytes of a name that are not UTF-8 as \\xNN', () => {
    const html = renderSummary(report([{ rule: 'setuid-setgid', severity: 'error', message: '/usr/bin/x\udc80 is setuid', path: '/usr/bin/x\udc80' }]));
    expect(html).toContain('/usr/bin/x\\x80');
    expect(html).not.toMatch(/[\udc80-\udcff]/);
  });

  it("names the image's short ID once, also when its reference already shows it (a daemon image)", () => {
    const archive = renderSummary(report([]));
    expect(archive).toContain(`<code>img</code> <code>sha256:${'a'.repeat(12)}</code>`);
    const daemon = report([]);
    daemon.image.reference = `image real/x (sha256:${'a'.repeat(12)})`;
    expect(renderSummary(daemon).split(`sha256:${'a'.repeat(12)}`)).toHaveLength(2);
  });

  it('stays under 1 MiB with 100k findings, pointing at the JSON report', () => {
    const many = Array.from({ length: 100000 }, (_, i) => ({
      rule: 'protected-path',
      severity: 'error' as const,
      message: `/usr/lib/file-${i} from the base image was modified ${'y'.repeat(50)}`,
      path: `/usr/lib/file-${i}`
    }));
    const html = renderSummary(report(many));
    expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024);
    expect(html).toMatch(/and \d+ more: see the JSON report/);
  });
});
