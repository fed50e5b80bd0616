// End to end with what BuildKit users write (heredocs, COPY --chmod and --link, cache and secret
// mounts, multi-stage builds, ADD of a local tar) and with real packages installed by apt-get:
// built by the engine's BuildKit (Docker 26, classic and containerd image stores; .ci/run runs
// this suite on both), checked through the daemon, findings on their Dockerfile lines.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builder, createE2eImages, docker, dockerBuild, dockerRequired, dockerUnavailable, runAction, type E2eImages } from '../../__fixtures__/docker-env';
import { tarOf } from '../../__fixtures__/image-builder';

const unavailable = dockerUnavailable() ?? (builder() === 'buildkit' ? undefined : "the engine's builder is the classic one (Engine 20.10)");
if (unavailable && dockerRequired && !/classic one/.test(unavailable))
  throw new Error(`the e2e suite is required here (MIC_REQUIRE_DOCKER=1) but ${unavailable}`);
const suite = unavailable ? describe.skip : describe;
if (unavailable)
  describe(`e2e BuildKit: skipped because ${unavailable}`, () => it.skip('needs Docker 23+ (scripts/test-env.sh, engine-26-*.env)', () => undefined));

const SK = 'Qh7sKd93nFh27dkLs0Pq8ZrT5vXwYb1cNm4oEjGa';

interface Located {
  level: string;
  rule: string;
  line: number;
  text: string;
}

/** The action's annotations: level, rule, Dockerfile line, message. */
function annotations(stdout: string): Located[] {
  return [...stdout.matchAll(/^::(error|warning|notice) title=([\w-]+),file=Dockerfile,line=(\d+),endLine=\d+::(.*)$/gm)].map((m) => ({
    level: m[1],
    rule: m[2],
    line: Number(m[3]),
    text: m[4]
  }));
}

suite('images built with BuildKit', () => {
  const run = Date.now().toString(36);
  let images: E2eImages;
  beforeAll(async () => {
    images = await createE2eImages(`bk-${run}`);
  }, 120000);
  afterAll(() => images?.remove());

  it('puts every finding on its Dockerfile line: heredocs, COPY --chmod, multi-stage, mounts, ADD of a local tar', async () => {
    const tag = `mic-e2e/buildkit:${run}`;
    const dockerfile = [
      `FROM ${images.base} AS builder`,
      'RUN <<EOT',
      '/bin/busybox mkdir -p /out',
      'echo built > /out/artifact',
      'EOT',
      '',
      `FROM ${images.base}`,
      'COPY --from=builder /out/artifact /opt/app/artifact',
      'COPY --link train.py /home/work/train.py',
      'ADD data.tar /opt/data/',
      'RUN --mount=type=cache,target=/root/.cache echo cached > /root/.cache/x',
      'RUN --mount=type=secret,id=obs_sk /bin/busybox wc -c /run/secrets/obs_sk',
      'COPY --chmod=4755 tool /opt/tool',
      'RUN <<EOT',
      'chmod 4755 /opt/app/artifact',
      'EOT',
      'COPY <<EOT /opt/start.sh',
      '#!/bin/sh',
      `export OBS_SK=${SK}`,
      'exec python3 /home/work/train.py',
      'EOT',
      'USER work',
      'CMD ["/bin/sh", "/opt/start.sh"]',
      ''
    ].join('\n');
    const dir = dockerBuild(
      tag,
      {
        Dockerfile: dockerfile,
        'train.py': 'print("training")\n',
        tool: { content: 'a tool\n', mode: 0o755 },
        'data.tar': await tarOf([{ name: 'labels.txt', data: Buffer.from('cat\ndog\n') }])
      },
      { secrets: { obs_sk: SK } }
    );
    try {
      // What BuildKit built: the tar unpacked, the secret and the cache left out.
      const history = docker(['history', '--no-trunc', '--format', '{{.CreatedBy}}', tag]);
      expect(history).toContain('COPY <<EOT /opt/start.sh # buildkit');
      expect(history).toContain('COPY --chmod=4755 tool /opt/tool # buildkit');

      const r = await runAction({ image: tag, 'base-image': images.base, pull: 'never', dockerfile: 'Dockerfile', 'sarif-file': 'out.sarif' }, dir);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      const found = annotations(r.stdout);
      const at = (rule: string, path: string) => found.filter((a) => a.rule === rule && a.text.includes(path)).map((a) => a.line);
      expect(at('setuid-setgid', '/opt/tool')).toEqual([13]);
      expect(at('setuid-setgid', '/opt/app/artifact')).toEqual([14]);
      expect(at('secrets', '/opt/start.sh')).toEqual([17]);
      // Nothing else is an error: not the tar ADD unpacked, the cache or the mounted secret.
      expect(found.filter((a) => a.level === 'error').map((a) => [a.rule, a.line])).toEqual(
        expect.arrayContaining([
          ['setuid-setgid', 13],
          ['setuid-setgid', 14]
        ])
      );
      expect(found.filter((a) => a.level === 'error' && a.rule !== 'setuid-setgid' && a.rule !== 'secrets')).toEqual([]);
      expect(r.stdout).not.toMatch(/\/run\/secrets|\/root\/\.cache|\/opt\/data\/labels/);

      const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
      const lines = (
        sarif.runs[0].results as { ruleId: string; message: { text: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[]
      )
        .filter((x) => x.ruleId === 'setuid-setgid' || x.ruleId === 'secrets')
        .map((x) => [x.ruleId, x.locations[0].physicalLocation.region.startLine, /\/opt\/[\w/.]+/.exec(x.message.text)?.[0]]);
      expect(lines.sort()).toEqual(
        [
          ['secrets', 17, '/opt/start.sh'],
          ['setuid-setgid', 13, '/opt/tool'],
          ['setuid-setgid', 14, '/opt/app/artifact']
        ].sort()
      );
    } finally {
      docker(['rmi', '-f', tag]);
    }
  }, 180000);

  // A Debian root filesystem (scripts/test-env.sh install makes one with mmdebstrap).
  const rootfs = process.env.MIC_TEST_DEBIAN_ROOTFS;
  if (!rootfs && dockerRequired) throw new Error('the e2e suite is required here (MIC_REQUIRE_DOCKER=1) but MIC_TEST_DEBIAN_ROOTFS is not set');
  (rootfs ? it : it.skip)(
    'passes, with no finding at all, an image that apt-get installs python3-numpy from the mirror over the host network',
    () => {
      const [debian, base, tag] = [`mic-e2e/debian:${run}`, `mic-e2e/ma-base:${run}`, `mic-e2e/numpy:${run}`];
      try {
        docker(['import', rootfs!, debian]);
        // A new-version training base: ma-user (UID 1000, GID 100), as Huawei's base images have it.
        dockerBuild(base, {
          Dockerfile: [
            `FROM ${debian}`,
            'RUN useradd --uid 1000 --gid 100 --create-home --home-dir /home/ma-user --shell /bin/bash ma-user',
            'USER ma-user',
            'WORKDIR /home/ma-user',
            ''
          ].join('\n')
        });
        const dir = dockerBuild(
          tag,
          {
            Dockerfile: [
              `FROM ${base}`,
              'USER root',
              'RUN apt-get update \\',
              ' && apt-get install -y --no-install-recommends python3-numpy \\',
              ' && rm -rf /var/lib/apt/lists/*',
              'USER ma-user',
              'WORKDIR /home/ma-user',
              'ENV PYTHONUNBUFFERED=1',
              'COPY --chown=ma-user:users train.py /home/ma-user/train.py',
              'CMD ["python3", "/home/ma-user/train.py"]',
              ''
            ].join('\n'),
            'train.py': 'import numpy\nprint(numpy.arange(4).sum())\n'
          },
          { network: 'host' }
        );
        expect(docker(['run', '--rm', '--network', 'none', tag])).toBe('6');
        const r = spawnSync(
          process.execPath,
          [
            join(__dirname, '../../dist/cli.js'),
            '--format',
            'json',
            '--quiet',
            '--dockerfile',
            join(dir, 'Dockerfile'),
            '--base',
            `docker-daemon:${base}`,
            `docker-daemon:${tag}`
          ],
          { encoding: 'utf8' }
        );
        expect(r.stderr).toBe('');
        const report = JSON.parse(r.stdout);
        expect(report.profile).toBe('current');
        expect(report.findings).toEqual([]);
        expect(r.status).toBe(0);
        expect(report.software.python).toMatch(/^3\.\d+$/);
      } finally {
        for (const t of [tag, base, debian]) spawnSync('docker', ['rmi', '-f', t]);
      }
    },
    600000
  );
});
