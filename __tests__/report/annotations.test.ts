import type { Finding } from '../../src/core/facts';
import { buildAnnotations } from '../../src/report/annotations';

const finding = (over: Partial<Finding>): Finding => ({ rule: 'protected-path', severity: 'error', message: 'changed', ...over });

describe('annotations', () => {
  const lines = new Map([['/bin/sh -c rm -rf /usr/share', { keyword: 'RUN', args: 'rm -rf /usr/share', line: 5, endLine: 6 }]]);

  it('aggregates one annotation per rule and instruction, pointing at the Dockerfile', () => {
    const many = Array.from({ length: 30 }, (_, i) => finding({ path: `/usr/share/f${i}`, instruction: '/bin/sh -c rm -rf /usr/share' }));
    const [a] = buildAnnotations(many, lines, 'docker/Dockerfile');
    expect(a).toMatchObject({ level: 'error', title: 'protected-path', file: 'docker/Dockerfile', startLine: 5, endLine: 6 });
    expect(a.message).toMatch(/^30 findings \(\/usr\/share\/f0, .*\/usr\/share\/f4, and 25 more\)\. First: changed/);
  });

  it('keeps within 10 per level, adds a pointer to the summary, and skips waived findings', () => {
    const findings = Array.from({ length: 25 }, (_, i) => finding({ instruction: `/bin/sh -c step ${i}`, message: 'x'.repeat(5000) }));
    findings.push(finding({ severity: 'warning', rule: 'log-stdout', waived: { reason: 'ok' } }));
    const out = buildAnnotations(findings, new Map(), undefined);
    expect(out.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(out.filter((a) => a.level === 'warning')).toHaveLength(0);
    expect(out[out.length - 1]).toMatchObject({ level: 'notice', message: expect.stringMatching(/^15 more findings are not shown/) });
    expect(Math.max(...out.map((a) => a.message.length))).toBeLessThanOrEqual(4096);
    const eleven = buildAnnotations(findings.slice(0, 11), new Map(), undefined);
    expect(eleven[eleven.length - 1].message).toMatch(/^1 more finding is not shown as annotations/);
  });

  it('names an instruction no Dockerfile line matches as it was written, not as its history line', () => {
    const [a] = buildAnnotations([finding({ rule: 'default-user', instruction: '/bin/sh -c #(nop)  USER root' })], new Map(), undefined);
    expect(a.message).toContain('\nInstruction: USER root\n');
  });
});
