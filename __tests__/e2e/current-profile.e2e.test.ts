// New-version training end to end: a base with ma-user (UID 1000, GID 100), images built on it
// by a real daemon that each make one mistake of the current specification, and the bundled
// action run on them as the runner runs it. The profile is chosen from the base (no input).
import { readFileSync } from 'node:fs';
import { dockerBuild, createE2eImages, docker, dockerRequired, dockerUnavailable, runAction, type E2eImages } from '../../__fixtures__/docker-env';
import { layerTar, withParentDirectories, type EntrySpec } from '../../__fixtures__/image-builder';

const unavailable = dockerUnavailable();
if (unavailable && dockerRequired) throw new Error(`the e2e suite is required here (MIC_REQUIRE_DOCKER=1) but ${unavailable}`);
const suite = unavailable ? describe.skip : describe;
if (unavailable) describe(`e2e: skipped because ${unavailable}`, () => it.skip('needs a Docker daemon (scripts/test-env.sh start)', () => undefined));

const run = Date.now().toString(36);
const BASE = `mic-e2e/ma-user-base:${run}`;
const tags: string[] = [];

/** A new-version training base: busybox for RUN steps, ma-user in ma-group, a python3 and a conda that do nothing. */
async function importBase(): Promise<void> {
  const script = (text: string): EntrySpec['content'] => `#!/bin/sh\n${text}\n`;
  const entries: EntrySpec[] = [
    { path: 'bin/busybox', content: readFileSync('/bin/busybox'), mode: 0o755 },
    ...['sh', 'chmod', 'chown', 'mkdir', 'rm', 'cat', 'ls', 'id'].map((tool): EntrySpec => ({ path: `bin/${tool}`, type: 'symlink', link: 'busybox' })),
    { path: 'usr/bin/python3', content: script('exec /bin/cat "$@"'), mode: 0o755 },
    { path: 'usr/bin/tool-from-base', content: 'base tool', mode: 0o755 },
    { path: 'usr/local/bin/conda', content: script('exit 0'), mode: 0o755 },
    { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\nma-user:x:1000:100::/home/ma-user:/bin/sh\n' },
    { path: 'etc/group', content: 'root:x:0:\nma-group:x:100:\n' },
    { path: 'home/ma-user', type: 'dir', uid: 1000, gid: 100 },
    { path: 'tmp', type: 'dir', mode: 0o1777 }
  ];
  docker(['import', '--change', 'WORKDIR /home/ma-user', '--change', 'USER ma-user', '-', BASE], await layerTar(withParentDirectories([{ entries }])[0]));
  tags.push(BASE);
}

/** Builds an image from the lines after FROM (and context files); returns its tag and build directory. */
function image(name: string, lines: string[], files: Record<string, string | { content: string; mode: number }> = {}) {
  const tag = `mic-e2e/current-${name}:${run}`;
  const dir = dockerBuild(tag, { Dockerfile: [`FROM ${BASE}`, ...lines, ''].join('\n'), ...files });
  tags.push(tag);
  return { tag, dir };
}

/** The annotations of an action run: [level, rule, Dockerfile line]. */
function annotations(stdout: string): [string, string, number | undefined][] {
  return [...stdout.matchAll(/^::(error|warning|notice) title=([\w-]+)(?:,file=Dockerfile,line=(\d+))?/gm)].map((m) => [
    m[1],
    m[2],
    m[3] ? Number(m[3]) : undefined
  ]);
}

const train = { 'train.py': 'print("training")\n' };
const clean = ['COPY --chown=1000:100 train.py /home/ma-user/train.py', 'ENV PYTHONUNBUFFERED=1', 'CMD ["python3", "train.py"]'];

suite('new-version training (the current profile) against a real daemon', () => {
  let legacy: E2eImages;
  beforeAll(async () => {
    await importBase();
    legacy = await createE2eImages(`${run}-legacy`);
  }, 300000);
  afterAll(() => {
    legacy?.remove();
    for (const tag of tags.reverse()) {
      try {
        docker(['rmi', '-f', tag]);
      } catch {
        // already gone
      }
    }
  });

  it('passes a clean image with no error and no warning, and says the current profile applied because of ma-user', async () => {
    const { tag, dir } = image('clean', clean, train);
    const r = await runAction({ image: tag, 'base-image': BASE, pull: 'never' }, dir);
    expect(annotations(r.stdout).filter(([level]) => level !== 'notice')).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '0' });
    expect(r.summary).toContain(
      'Judged by the current profile (new-version training), because the base image has the user ma-user (UID 1000, home /home/ma-user).'
    );
    const report = JSON.parse(readFileSync(r.outputs.report, 'utf8'));
    expect(report).toMatchObject({ profile: 'current', image: { maxSize: 30e9 } });
  });

  it.each([
    [
      'a script the user cannot read',
      ['COPY run.sh /home/ma-user/run.sh', 'USER root', 'RUN chmod 700 /home/ma-user/run.sh', 'USER ma-user', 'CMD ["sh", "/home/ma-user/run.sh"]'],
      { 'run.sh': { content: '#!/bin/sh\necho hi\n', mode: 0o755 } },
      [
        ['error', 'user-access', 6],
        ['warning', 'user-access', 4]
      ]
    ],
    [
      'the GPU driver installed',
      ['USER root', 'RUN mkdir -p /usr/lib/x86_64-linux-gnu && echo driver > /usr/lib/x86_64-linux-gnu/libcuda.so.535.104.05', 'USER ma-user', ...clean],
      train,
      [['error', 'gpu-driver', 3]]
    ],
    [
      'an NCCL older than 2.7.8',
      ['COPY libnccl.so.2.4.8 /usr/local/nccl/lib/libnccl.so.2.4.8', ...clean],
      { ...train, 'libnccl.so.2.4.8': 'nccl' },
      [
        ['error', 'software-versions', 2],
        ['notice', 'software-versions', undefined]
      ]
    ],
    [
      'conda activate in the boot command',
      ['COPY --chown=1000:100 train.py /home/ma-user/train.py', 'ENV PYTHONUNBUFFERED=1', 'CMD ["/bin/sh", "-c", "conda activate torch && python3 train.py"]'],
      train,
      [['warning', 'boot-command', 4]]
    ],
    [
      'a WORKDIR that is not the home',
      ['USER root', 'RUN mkdir /workspace && chown 1000:100 /workspace', 'USER ma-user', 'WORKDIR /workspace'],
      {},
      [['warning', 'boot-command', 5]]
    ],
    ['a default user with another primary group', ['USER 1000:1000'], {}, [['warning', 'default-user', 2]]],
    ['root as the default user', ['USER root'], {}, [['error', 'default-user', 2]]],
    [
      'Python logging through a buffer',
      ['COPY --chown=1000:100 train.py /home/ma-user/train.py', 'CMD ["python3", "train.py"]'],
      train,
      [['notice', 'log-stdout', 3]]
    ],
    ['a base file deleted (a warning in current)', ['USER root', 'RUN rm /usr/bin/tool-from-base', 'USER ma-user'], {}, [['warning', 'protected-path', 3]]]
  ] as const)('reports %s with exactly its rule, on its Dockerfile line', async (name, lines, files, expected) => {
    const { tag, dir } = image(name.toLowerCase().replace(/\W+/g, '-').replace(/-$/, ''), [...lines], files);
    const r = await runAction({ image: tag, 'base-image': BASE, pull: 'never' }, dir);
    expect(annotations(r.stdout).sort()).toEqual([...expected].sort());
    expect(r.status).toBe(expected.some(([level]) => level === 'error') ? 1 : 0);
  });

  it('checks the architecture the arch input names', async () => {
    const { tag, dir } = image('arch', clean, train);
    const r = await runAction({ image: tag, 'base-image': BASE, pull: 'never', arch: 'arm64' }, dir);
    expect(r.stdout).toMatch(/::error title=base-image::The image's config says it is built for amd64, and the arch setting asks for arm64/);
    expect(r.status).toBe(1);
  });

  it('judges the images of a base with work (UID 1101) exactly as before, saying the legacy profile applied', async () => {
    const bad = await runAction({ image: legacy.bad, 'base-image': legacy.base, pull: 'never' }, legacy.badDir);
    expect(bad.outputs).toMatchObject({ passed: 'false', errors: '2', warnings: '2' });
    expect(annotations(bad.stdout).filter(([level]) => level !== 'notice')).toEqual([
      ['error', 'default-user', 5],
      ['error', 'setuid-setgid', 3],
      ['warning', 'log-stdout', 4],
      ['warning', 'offline-deps', 4]
    ]);
    expect(bad.summary).toContain('Judged by the legacy profile (old-version training), because the base image has the user work (UID 1101).');
    const good = await runAction({ image: legacy.good, 'base-image': legacy.base, pull: 'never' }, legacy.goodDir);
    expect(good.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '0' });
  });
});
