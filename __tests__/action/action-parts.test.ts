import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInputs } from '../../src/action/inputs';
import { mapHistoryToDockerfile, parseDockerfile } from '../../src/dockerfile/dockerfile-map';
import type { Finding } from '../../src/core/facts';
import { credentialsFor, registryOf, swrLogin } from '../../src/docker/registry-auth';
import { splitTag } from '../../src/docker/daemon';
import { buildAnnotations } from '../../src/report/annotations';
import { escapeHtml, renderSummary } from '../../src/report/job-summary';
import type { JsonReport } from '../../src/report/json-report';

const inputs = (values: Record<string, string>) => parseInputs((name) => values[name] ?? '');

describe('action inputs', () => {
  it('applies defaults and splits push targets', () => {
    const i = inputs({
      image: 'train:1',
      push: 'true',
      'push-image': 'swr.cn-north-4.myhuaweicloud.com/org/train:1\nswr.cn-north-4.myhuaweicloud.com/org/train:latest\n'
    });
    expect(i).toMatchObject({ image: 'train:1', pull: 'missing', failOn: 'error', push: true });
    expect(i.pushImages).toEqual(['swr.cn-north-4.myhuaweicloud.com/org/train:1', 'swr.cn-north-4.myhuaweicloud.com/org/train:latest']);
  });

  it.each([
    [{}, /input image is required/],
    [{ image: 'Bad Name' }, /not an image reference/],
    [{ image: 'x', 'base-image': '/tmp/base.tar' }, /input base-image "\/tmp\/base.tar" is not an image reference/],
    [{ image: 'x', pull: 'sometimes' }, /input pull is "sometimes": use one of missing, always, never/],
    [{ image: 'x', 'fail-on': 'fatal' }, /fail-on/],
    [{ image: 'x', push: 'yes' }, /input push/],
    [{ image: 'x', push: 'true' }, /push-image names no target/],
    [{ image: 'x', push: 'true', 'push-image': 'repo@sha256:' + 'a'.repeat(64) }, /not a tag reference/],
    [{ image: 'x', 'registry-username': 'u' }, /go together/],
    [{ image: 'x', 'huaweicloud-ak': 'AK' }, /huaweicloud-ak, huaweicloud-sk and swr-region go together/],
    [{ image: 'x', 'huaweicloud-ak': 'AK', 'huaweicloud-sk': 'SK', 'swr-region': 'north' }, /swr-region "north"/]
  ])('rejects %p', (values, message) => {
    expect(() => inputs(values as Record<string, string>)).toThrow(message);
  });
});

describe('registry credentials', () => {
  it('derives the SWR long-term login (vector computed with openssl dgst -sha256 -hmac)', () => {
    expect(swrLogin('AKTEST1234567890ABCD', 'SKtest0987654321abcdefghijABCDEFGHIJ0123', 'cn-north-4')).toEqual({
      username: 'cn-north-4@AKTEST1234567890ABCD',
      password: '65c3adec6225221465bff40e52447cddfa607142d14c27a4dfe3fdcfea8dc60d'
    });
  });

  it('finds the registry of a reference', () => {
    expect(registryOf('swr.cn-north-4.myhuaweicloud.com/org/x:1')).toBe('swr.cn-north-4.myhuaweicloud.com');
    expect(registryOf('127.0.0.1:5443/org/x')).toBe('127.0.0.1:5443');
    expect(registryOf('library/ubuntu:22.04')).toBe('docker.io');
    expect(registryOf('ubuntu')).toBe('docker.io');
    expect(splitTag('127.0.0.1:5443/org/x:1.2')).toEqual({ repo: '127.0.0.1:5443/org/x', tag: '1.2' });
    expect(splitTag('127.0.0.1:5443/org/x')).toEqual({ repo: '127.0.0.1:5443/org/x', tag: 'latest' });
  });

  it('uses SWR keys only for their region, then what docker login stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-docker-config-'));
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: { 'reg.example.com': { auth: Buffer.from('bob:s3cret:with:colons').toString('base64') } },
        credHelpers: { 'helped.example.com': 'fake' }
      })
    );
    const env = { DOCKER_CONFIG: dir };
    const explicit = { ak: 'AK', sk: 'SK', region: 'cn-north-4' };
    const noHelper = async () => undefined;
    expect(await credentialsFor('swr.cn-north-4.myhuaweicloud.com', explicit, env, noHelper)).toMatchObject({ username: 'cn-north-4@AK' });
    expect(await credentialsFor('reg.example.com', explicit, env, noHelper)).toEqual({
      username: 'bob',
      password: 's3cret:with:colons',
      serveraddress: 'reg.example.com'
    });
    const helper = async (name: string, server: string) =>
      name === 'fake' && server === 'helped.example.com' ? { Username: 'h', Secret: 'from-helper' } : undefined;
    expect(await credentialsFor('helped.example.com', {}, env, helper)).toMatchObject({ password: 'from-helper' });
    expect(await credentialsFor('other.example.com', {}, env, noHelper)).toBeUndefined();
  });
});

describe('Dockerfile to history matching', () => {
  const dockerfile = [
    '# syntax=docker/dockerfile:1',
    'FROM python:3.11 AS build',
    'RUN pip wheel -w /wheels torch',
    '',
    'FROM swr.cn-north-4.myhuaweicloud.com/modelarts-job-dev-image/custom-cpu-base:1.3',
    'ARG SK',
    'COPY --chown=1101:1101 train.py /home/work/',
    'RUN apt-get update && \\',
    '    # a comment inside the continuation',
    '    apt-get install -y curl',
    'ENV MODE prod',
    'USER work',
    'CMD ["python3", "/home/work/train.py"]'
  ].join('\n');
  const ins = parseDockerfile(dockerfile);

  it('parses the last stage with continuation lines', () => {
    expect(ins.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['ARG', 6, 6],
      ['COPY', 7, 7],
      ['RUN', 8, 10],
      ['ENV', 11, 11],
      ['USER', 12, 12],
      ['CMD', 13, 13]
    ]);
  });

  it('matches classic builder history', () => {
    const history = [
      '/bin/sh -c #(nop)  CMD ["/bin/bash"]',
      '/bin/sh -c #(nop)  ARG SK',
      '/bin/sh -c #(nop) COPY file:0af3e1c2d4 in /home/work/ ',
      '|1 SK=****** /bin/sh -c apt-get update &&     apt-get install -y curl',
      '/bin/sh -c #(nop)  ENV MODE=prod',
      '/bin/sh -c #(nop)  USER work',
      '/bin/sh -c #(nop)  CMD ["python3" "/home/work/train.py"]'
    ];
    const map = mapHistoryToDockerfile(ins, history);
    expect(history.map((h) => map.get(h)?.line)).toEqual([undefined, 6, 7, 8, 11, 12, 13]);
  });

  it('matches BuildKit history', () => {
    const history = [
      'CMD ["/bin/bash"]',
      'ARG SK',
      'COPY --chown=1101:1101 train.py /home/work/ # buildkit',
      'RUN |1 SK=****** /bin/sh -c apt-get update &&     apt-get install -y curl # buildkit',
      'ENV MODE=prod',
      'USER work',
      'CMD ["python3" "/home/work/train.py"]'
    ];
    const map = mapHistoryToDockerfile(ins, history);
    expect(history.map((h) => map.get(h)?.line)).toEqual([undefined, 6, 7, 8, 11, 12, 13]);
  });

  it('matches build steps whose arguments were masked or hold spaces', () => {
    // Findings carry the masked history, and a masked value reads "*** (3 characters, masked)".
    const history = [
      '|1 SK=****** (6 characters, masked) /bin/sh -c apt-get update &&     apt-get install -y curl',
      'RUN |2 SK=****** (6 characters, masked) NOTE=two words /bin/sh -c apt-get update &&     apt-get install -y curl # buildkit'
    ];
    const map = mapHistoryToDockerfile(ins, history.slice(0, 1));
    expect(map.get(history[0])?.line).toBe(8);
    expect(mapHistoryToDockerfile(ins, history.slice(1)).get(history[1])?.line).toBe(8);
  });

  it('matches a RUN written as ["/bin/sh", "-c", ...], which the classic builder records as a shell command', () => {
    const exec = parseDockerfile('FROM base\nRUN ["/bin/sh", "-c", "touch /usr/bin/b && chmod 4755 /usr/bin/b"]\nRUN ["python3", "setup.py"]\n');
    const history = ['/bin/sh -c touch /usr/bin/b && chmod 4755 /usr/bin/b', 'python3 setup.py'];
    const map = mapHistoryToDockerfile(exec, history);
    expect(history.map((h) => map.get(h)?.line)).toEqual([2, 3]);
  });

  it('matches a classic COPY --chown, whose history glues the flag to the source ("--chown=1101:1101file:...")', () => {
    const copy = parseDockerfile('FROM base\nCOPY --chown=1101:1101 \\\n     newlib /bin/busybox\nUSER work\n');
    const history = ['/bin/sh -c #(nop) COPY --chown=1101:1101file:cbb68132005fcbec in /bin/busybox '];
    expect(mapHistoryToDockerfile(copy, history).get(history[0])?.line).toBe(2);
  });

  it('leaves unmatched history unmapped', () => {
    expect(mapHistoryToDockerfile(ins, ['/bin/sh -c something else']).size).toBe(0);
  });
});

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

describe('job summary', () => {
  const report = (findings: JsonReport['findings']): JsonReport =>
    ({
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
        { index: 0, diffId: 'sha256:x', size: 1e6, compression: 'none', entries: 10, base: true, contentScanned: false, createdBy: '<script>layer</script>' }
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
