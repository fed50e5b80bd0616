// End to end: real images built by a real daemon, the bundled action run as the runner runs it,
// and a real registry with TLS and a password standing in for SWR.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dockerBuild,
  createE2eImages,
  docker,
  dockerRequired,
  type E2eImages,
  dockerUnavailable,
  imageStore,
  registryDigest,
  registryHoldsImage,
  registryTags,
  REGISTRY,
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  runAction
} from '../../__fixtures__/docker-env';
import { connectDaemon, inspectImage, pushImage } from '../../src/docker/daemon';

const unavailable = dockerUnavailable();
if (unavailable && dockerRequired) throw new Error(`the e2e suite is required here (MIC_REQUIRE_DOCKER=1) but ${unavailable}`);
const suite = unavailable ? describe.skip : describe;
if (unavailable) {
  // Reported as skipped, with the reason (jest hides the names of tests in a skipped file).
  console.warn(`end-to-end suite skipped: ${unavailable}`);
  describe(`e2e: skipped because ${unavailable}`, () => it.skip('needs a Docker daemon (scripts/test-env.sh start)', () => undefined));
}

const run = Date.now().toString(36);
let images: E2eImages;
let BASE = '';
let BAD = '';
let GOOD = '';
let badDir = '';
let goodDir = '';
const creds = { 'registry-username': REGISTRY_USER, 'registry-password': REGISTRY_PASSWORD };

suite('the action against a real daemon and registry', () => {
  beforeAll(async () => {
    images = await createE2eImages(run);
    ({ base: BASE, bad: BAD, good: GOOD, badDir, goodDir } = images);
  }, 300000);

  afterAll(() => images?.remove());

  it('annotates a failing image at the right Dockerfile lines, writes the summary, and pushes nothing', async () => {
    const r = await runAction({ image: BAD, 'base-image': BASE, pull: 'never', push: 'true', 'push-image': `${REGISTRY}/e2e/bad-${run}:1`, ...creds }, badDir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error title=setuid-setgid,file=Dockerfile,line=3,endLine=3::/opt/tool is owned by root');
    expect(r.stdout).toContain('::error title=default-user,file=Dockerfile,line=5,endLine=5::The default user "root" is root (UID 0)');
    expect(r.stdout).toMatch(
      /::warning title=log-stdout,file=Dockerfile,line=4,endLine=4::\/opt\/start\.sh:3: output is redirected to the file \/var\/log\/train\.log/
    );
    expect(r.stdout).toMatch(/::warning title=offline-deps,file=Dockerfile,line=4,endLine=4::\/opt\/start\.sh:2 installs Python packages/);
    expect(r.stdout).toMatch(/::error::ModelArts would reject .*: 2 errors, 2 warnings \(fail-on: error\)\. Nothing was pushed\./);
    expect(r.outputs).toMatchObject({ passed: 'false', errors: '2', warnings: '2', pushed: 'false' });
    expect(r.summary).toMatch(/^<h2>❌ ModelArts image check failed<\/h2>/);
    expect(r.summary).toContain('<code>/opt/tool</code>');
    expect(r.summary).toContain('Not pushed: the image did not pass the check');
    expect(r.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain(REGISTRY_PASSWORD);
    expect(await registryTags(`e2e/bad-${run}`)).toEqual([]);
  });

  it('pushes a passing image, exactly the image it checked, and sets the digest', async () => {
    const target = `${REGISTRY}/e2e/good-${run}:1`;
    const r = await runAction({ image: GOOD, 'base-image': BASE, pull: 'never', push: 'true', 'push-image': target, ...creds }, goodDir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ passed: 'true', errors: '0', pushed: 'true', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(await registryTags(`e2e/good-${run}`)).toEqual(['1']);
    expect(await registryDigest(`e2e/good-${run}`, '1')).toBe(r.outputs.digest);
    expect(await registryHoldsImage(`e2e/good-${run}`, '1', docker(['inspect', '--format', '{{.Id}}', GOOD]))).toBe(true);
    expect(r.summary).toMatch(/^<h2>✅ ModelArts image check passed<\/h2>/);
    expect(r.summary).toContain(`Pushed: <code>${target}</code>`);
  });

  it('fails clearly and pushes nothing with a wrong password', async () => {
    const r = await runAction(
      {
        image: GOOD,
        'base-image': BASE,
        pull: 'never',
        push: 'true',
        'push-image': `${REGISTRY}/e2e/wrong-${run}:1`,
        'registry-username': REGISTRY_USER,
        'registry-password': 'not-the-password'
      },
      goodDir
    );
    expect(r.status).toBe(1);
    // The daemon's words: "unauthorized" (classic store), "401 Unauthorized" (containerd store).
    expect(r.stdout).toMatch(/::error::The image passed the check, but pushing it failed: push .* failed: .*unauthorized/i);
    expect(r.outputs.pushed).toBe('false');
    expect(r.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain('not-the-password');
    expect(await registryTags(`e2e/wrong-${run}`)).toEqual([]);
  });

  it('pushes with the credentials an earlier docker login stored', async () => {
    const config = mkdtempSync(join(tmpdir(), 'mic-e2e-docker-config-'));
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({ auths: { [REGISTRY]: { auth: Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64') } } })
    );
    const r = await runAction({ image: GOOD, 'base-image': BASE, pull: 'never', push: 'true', 'push-image': `${REGISTRY}/e2e/login-${run}:2` }, goodDir, {
      DOCKER_CONFIG: config
    });
    expect(r.status).toBe(0);
    expect(await registryTags(`e2e/login-${run}`)).toEqual(['2']);
  });

  it('pushes the validated image ID even when the tag moved after the check', async () => {
    const daemon = await connectDaemon();
    const checked = (await inspectImage(daemon, GOOD))!;
    const moving = `mic-e2e/moving:${run}`;
    docker(['tag', BAD, moving]);
    const target = `${REGISTRY}/e2e/moving-${run}:1`;
    const log = { info: () => undefined, warning: () => undefined };
    await pushImage(daemon, checked.id, target, { username: REGISTRY_USER, password: REGISTRY_PASSWORD, serveraddress: REGISTRY }, log);
    expect(await registryHoldsImage(`e2e/moving-${run}`, '1', checked.id)).toBe(true);
    docker(['rmi', moving]);
  });

  it('fails with a clear message when the daemon is unreachable or the image is missing', async () => {
    const gone = await runAction({ image: GOOD }, goodDir, { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(gone.status).toBe(1);
    expect(gone.stdout).toMatch(/::error::The image could not be checked: cannot reach the Docker daemon at unix:\/\/\/nonexistent\/docker\.sock/);
    expect(gone.outputs).toMatchObject({ passed: 'false', pushed: 'false' });
    const missing = await runAction({ image: `mic-e2e/none:${run}`, pull: 'never' }, goodDir);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain(`::error::The image could not be checked: the image mic-e2e/none:${run} is not in the local daemon and pull is "never"`);
    for (const r of [gone, missing]) expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\(.*\.js:\d+/);
  });

  it('the bundled CLI reads the same image from the daemon (docker-daemon:REF, --base docker-daemon:REF)', () => {
    const r = spawnSync(
      process.execPath,
      [join(__dirname, '../../dist/cli.js'), '--format', 'json', '--quiet', '--base', `docker-daemon:${BASE}`, `docker-daemon:${BAD}`],
      { encoding: 'utf8', env: process.env }
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.base).toMatchObject({ given: true, matches: true });
    // docker save of an image ID names no tag: the daemon's tags are the report's.
    expect(report.image.repoTags).toEqual([BAD]);
    expect(
      report.findings
        .filter((f: { severity: string }) => f.severity === 'error')
        .map((f: { rule: string }) => f.rule)
        .sort()
    ).toEqual(['default-user', 'setuid-setgid']);
    // The base layers are not content-scanned where the archive names them before they come:
    // Engine 20.10 saves the legacy layout, whose directories are predicted from the base's
    // diff_ids; Docker 25+ with the classic store names uncompressed blobs by their diff_ids. The
    // containerd store saves its compressed blobs, whose digests the daemon does not tell for the
    // base: those are scanned, and known as the base's once hashed.
    const layers = report.layers as { base: boolean; contentScanned: boolean }[];
    expect(layers.some((l) => l.base)).toBe(true);
    if (imageStore() === 'containerd') expect(layers.every((l) => l.contentScanned)).toBe(true);
    else expect(layers.every((l) => l.contentScanned === !l.base)).toBe(true);
  });

  it('the bundled CLI gives the same report through the daemon, where unneeded bytes skip the workers, as from the saved archive', () => {
    // A model file far past the scan limit (a key before the limit and one after it) and a big
    // library under /usr: through the daemon the model's bytes past the limit are not copied to
    // the worker; from the archive every byte is (the layers are hashed).
    const KEY = 'AKIA' + 'Q'.repeat(16);
    const model = 'weights '.repeat(1_000_000);
    const tag = `mic-e2e/big:${run}`;
    const dir = dockerBuild(tag, {
      Dockerfile: [`FROM ${BASE}`, 'COPY model.bin /opt/model.bin', 'COPY libbig.so /usr/lib/libbig.so', 'USER work', ''].join('\n'),
      'model.bin': model.slice(0, 1000) + KEY + model.slice(1000, 6_000_000) + KEY + model.slice(6_000_000),
      'libbig.so': 'library '.repeat(200_000)
    });
    const archive = join(dir, 'image.tar');
    try {
      docker(['save', '-o', archive, tag]);
      const cli = (image: string) =>
        spawnSync(
          process.execPath,
          [join(__dirname, '../../dist/cli.js'), '--format', 'json', '--quiet', '--fail-on', 'never', '--scan-limit', '64KiB', image],
          { encoding: 'utf8', env: process.env }
        );
      const [daemon, saved] = [cli(`docker-daemon:${tag}`), cli(archive)];
      expect(daemon.stderr).toBe('');
      expect(daemon.status).toBe(0);
      const strip = (out: string) => {
        const { findings, scan, layers } = JSON.parse(out);
        return { findings, scan, layers: layers.map((l: { diffId: string; size: number }) => [l.diffId, l.size]) };
      };
      expect(strip(daemon.stdout)).toEqual(strip(saved.stdout));
      const report = strip(daemon.stdout);
      expect(report.findings.filter((f: { rule: string }) => f.rule === 'secrets').map((f: { path: string }) => f.path)).toEqual(['/opt/model.bin']);
      expect(report.scan.unscannedBytes).toBeGreaterThan(7_000_000);
    } finally {
      docker(['rmi', '-f', tag]);
    }
  });

  it('the bundled CLI says clearly when a reference is neither an archive nor an image reference', () => {
    const cli = (base: string) =>
      spawnSync(process.execPath, [join(__dirname, '../../dist/cli.js'), '--base', base, `docker-daemon:${BAD}`], { encoding: 'utf8' });
    const file = cli('/nonexistent/base.tar');
    expect([file.status, file.stderr]).toEqual([2, 'modelarts-image-check: no such file: /nonexistent/base.tar\n']);
    const neither = cli('Base Image!');
    expect([neither.status, neither.stderr]).toEqual([
      2,
      'modelarts-image-check: "Base Image!" is neither an archive that exists nor an image reference (NAME[:TAG][@DIGEST] or an image ID)\n'
    ]);
  });
});
