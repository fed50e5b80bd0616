// Images read straight from real registries (docker://), with no daemon: Debian's
// docker-registry with TLS and a password (Basic), one with Bearer tokens from a token server of
// ours, and anonymous pulls; OCI manifests and a multi-platform index, gzip and zstd layers.
// Faults come from a proxy in front of the registry; promotion puts exactly the checked digest
// under the targets. scripts/test-env.sh starts the registries.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createE2eImages,
  docker,
  dockerRequired,
  dockerUnavailable,
  OTHER_REGISTRY,
  OTHER_REGISTRY_PASSWORD,
  OTHER_REGISTRY_USER,
  REGISTRY,
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  runAction
} from '../../__fixtures__/docker-env';
import { registryFaultProxy, type Fault } from '../../__fixtures__/fault-proxy';
import { BASE_METADATA, baseLayers, buildImage, entriesOf, onBase, zstdAvailable, type ImageSpec } from '../../__fixtures__/image-builder';
import { pushOciArchive, putManifest, registryRequest, type PushTarget } from '../../__fixtures__/registry-push';
import { startTokenServer, type TokenServer } from '../../__fixtures__/token-server';

const TOKEN_REGISTRY = process.env.MIC_TEST_TOKEN_REGISTRY;
const unavailable = process.env.MIC_TEST_REGISTRY && TOKEN_REGISTRY ? undefined : 'no test registries (scripts/test-env.sh start, then source its env)';
if (unavailable && dockerRequired) throw new Error(`the e2e suite is required here (MIC_REQUIRE_DOCKER=1) but ${unavailable}`);
const suite = unavailable ? describe.skip : describe;
if (unavailable) describe(`e2e registry: skipped because ${unavailable}`, () => it.skip('needs the test registries', () => undefined));

const CLI = join(__dirname, '../../dist/cli.js');
const run = 'r' + Date.now().toString(36);
const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
const main: PushTarget = { registry: REGISTRY, secure: true, username: REGISTRY_USER, password: REGISTRY_PASSWORD };
const other: PushTarget = { registry: OTHER_REGISTRY, secure: false, username: OTHER_REGISTRY_USER, password: OTHER_REGISTRY_PASSWORD };
const zstdReadable = 'createZstdDecompress' in require('node:zlib');

/** The CLI, run asynchronously: proxies and the token server answer in this process meanwhile. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

suite('images in a registry (docker://)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mic-e2e-registry-'));
  /** A docker config whose `auths` hold the logins of the test registries (and of proxies in front of them). */
  const dockerConfig = (extra: Record<string, [string, string]> = {}) => {
    const config = join(dir, `docker-config-${Object.keys(extra).join('-').replace(/\W/g, '_') || 'plain'}`);
    mkdirSync(config, { recursive: true });
    const auths: Record<string, { auth: string }> = { [REGISTRY]: { auth: basic(REGISTRY_USER, REGISTRY_PASSWORD) } };
    for (const [host, [user, password]] of Object.entries(extra)) auths[host] = { auth: basic(user, password) };
    writeFileSync(join(config, 'config.json'), JSON.stringify({ auths }));
    return config;
  };
  let tokens: TokenServer;
  // A big layer of random bytes (gzip cannot shrink it): a connection can be cut in its middle.
  const bigFile = randomBytes(6 << 20);
  const badSpec: ImageSpec = onBase(
    [
      {
        compression: 'gzip',
        createdBy: '/bin/sh -c make',
        entries: [
          { path: 'opt/tool', content: 'x', mode: 0o4755 },
          { path: 'opt/data/weights.bin', content: bigFile }
        ]
      },
      { compression: 'gzip', entries: [{ path: 'usr/share/doc', type: 'whiteout' }] }
    ],
    { User: 'root' }
  );
  const baseSpec: ImageSpec = { layers: baseLayers().map((l) => ({ ...l, compression: 'gzip' })), metadata: BASE_METADATA, config: { User: 'work' } };
  const bad = `e2e/bad-${run}`;
  const base = `e2e/base-${run}`;
  let badArchive: string;
  let badDigest: string;

  beforeAll(async () => {
    tokens = await startTokenServer({
      listen: process.env.MIC_TEST_TOKEN_REALM!,
      keyFile: process.env.MIC_TEST_TOKEN_KEY!,
      certFile: process.env.MIC_TEST_TOKEN_CERT!,
      users: { 'token-user': 'token-password' },
      refreshTokens: { 'identity-token-of-token-user': 'token-user' }
    });
    const built = await buildImage(badSpec, { layout: 'oci' });
    badArchive = join(dir, 'bad.tar');
    writeFileSync(badArchive, built.archive);
    badDigest = await pushOciArchive(main, bad, '1', built.archive);
    await pushOciArchive(main, base, '1', (await buildImage(baseSpec, { layout: 'oci' })).archive);
  }, 120000);
  afterAll(async () => {
    await tokens?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const findings = (stdout: string) => (JSON.parse(stdout) as { findings: unknown[] }).findings;

  it('reads an image over TLS with the docker login, with the findings of its archive, and its base from the manifest and config alone', async () => {
    const requests: string[] = [];
    const proxy = await registryFaultProxy(REGISTRY, [], { onRequest: (req) => requests.push(`${req.method} ${req.url}`) });
    try {
      const env = { DOCKER_CONFIG: dockerConfig({ [proxy.address]: [REGISTRY_USER, REGISTRY_PASSWORD] }) };
      const fromRegistry = await cli(['-q', '-f', 'json', '-b', `docker://${proxy.address}/${base}:1`, `docker://${proxy.address}/${bad}:1`], env);
      expect(fromRegistry.stderr).toBe('');
      expect(fromRegistry.status).toBe(1);
      const report = JSON.parse(fromRegistry.stdout);
      expect(report.image.layout).toBe('registry');
      expect(report.base).toMatchObject({ given: true, matches: true });
      expect(report.layers.map((l: { base: boolean; contentScanned: boolean }) => [l.base, l.contentScanned])).toEqual([
        [true, false],
        [false, true],
        [false, true]
      ]);
      const fromArchive = await cli(['-q', '-f', 'json', '-b', `docker://${proxy.address}/${base}:1`, badArchive], env);
      expect(findings(fromRegistry.stdout)).toEqual(findings(fromArchive.stdout));
      expect(findings(fromRegistry.stdout).map((f) => (f as { rule: string }).rule)).toEqual(
        expect.arrayContaining(['setuid-setgid', 'default-user', 'protected-path'])
      );
      // The base: its manifest and config, no layer (a first request answered 401 included).
      const baseRequests = requests.filter((r) => r.includes(`/v2/${base}/`));
      expect(baseRequests.length).toBeLessThanOrEqual(3 * 2); // two runs
      expect(baseRequests.filter((r) => /\/blobs\//.test(r))).toHaveLength(2); // its config, once per run
    } finally {
      await proxy.close();
    }
  }, 120000);

  it('checks the platform asked for in a multi-platform index (linux/amd64 by default), zstd layers included', async () => {
    const arm = await buildImage(
      onBase([{ compression: zstdAvailable() ? 'zstd' : 'gzip', entries: [{ path: 'opt/arm-only', content: 'y', mode: 0o4755 }] }]),
      {
        layout: 'oci',
        platform: { os: 'linux', architecture: 'arm64' }
      }
    );
    const amd = await buildImage(onBase([{ compression: 'gzip', entries: [{ path: 'opt/amd-only', content: 'x', mode: 0o4755 }] }]), { layout: 'oci' });
    const repo = `e2e/multi-${run}`;
    const armDigest = await pushOciArchive(main, repo, 'arm', arm.archive);
    const amdDigest = await pushOciArchive(main, repo, 'amd', amd.archive);
    const sizeOf = async (archive: Buffer, digest: string) => (await entriesOf(archive)).find((e) => e.name === `blobs/sha256/${digest.slice(7)}`)!.data.length;
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: armDigest,
            size: await sizeOf(arm.archive, armDigest),
            platform: { os: 'linux', architecture: 'arm64' }
          },
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: amdDigest,
            size: await sizeOf(amd.archive, amdDigest),
            platform: { os: 'linux', architecture: 'amd64' }
          }
        ]
      })
    );
    await putManifest(main, repo, 'multi', index);
    const env = { DOCKER_CONFIG: dockerConfig() };
    const paths = (stdout: string) => findings(stdout).map((f) => (f as { path?: string }).path);
    const amdRun = await cli(['-q', '-f', 'json', `docker://${REGISTRY}/${repo}:multi`], env);
    expect(amdRun.stderr).toBe('');
    expect(paths(amdRun.stdout)).toContain('/opt/amd-only');
    const armRun = await cli(['-q', '-f', 'json', '--platform', 'linux/arm64', `docker://${REGISTRY}/${repo}:multi`], env);
    if (!zstdAvailable() || zstdReadable) {
      expect(armRun.stderr).toBe('');
      expect(paths(armRun.stdout)).toContain('/opt/arm-only');
    } else expect(armRun.stderr).toMatch(/zstd-compressed, and this Node\.js .* has no zstd support/);
    const none = await cli(['-q', '--platform', 'linux/s390x', `docker://${REGISTRY}/${repo}:multi`], env);
    expect([none.status, none.stderr]).toEqual([2, expect.stringMatching(/has no image for platform linux\/s390x \(it has linux\/arm64, linux\/amd64\)/)]);
    // Pinned by digest: the index must be that one.
    const pinned = await cli(['-q', '-f', 'json', `docker://${REGISTRY}/${repo}@${amdDigest}`], env);
    expect(paths(pinned.stdout)).toContain('/opt/amd-only');
  }, 120000);

  it('gets Bearer tokens from the token server, with the login or anonymously where the registry allows it', async () => {
    const token: PushTarget = { registry: TOKEN_REGISTRY!, secure: false, username: 'token-user', password: 'token-password' };
    const { archive } = await buildImage(badSpec, { layout: 'oci' });
    await pushOciArchive(token, `private/bad-${run}`, '1', archive);
    await pushOciArchive(token, `public/bad-${run}`, '1', archive);
    const login = { DOCKER_CONFIG: dockerConfig({ [TOKEN_REGISTRY!]: ['token-user', 'token-password'] }) };
    const anonymous = { DOCKER_CONFIG: join(dir, 'no-config') };
    const withLogin = await cli(['-q', '-f', 'json', `docker://${TOKEN_REGISTRY}/private/bad-${run}:1`], login);
    expect(withLogin.stderr).toBe('');
    expect(findings(withLogin.stdout)).toEqual(findings((await cli(['-q', '-f', 'json', badArchive])).stdout));
    expect(tokens.requests).toContainEqual({ user: 'token-user', scopes: [`repository:private/bad-${run}:pull`] });
    const publicRun = await cli(['-q', '-f', 'json', `docker://${TOKEN_REGISTRY}/public/bad-${run}:1`], anonymous);
    expect(publicRun.stderr).toBe('');
    expect(tokens.requests).toContainEqual({ user: 'anonymous', scopes: [`repository:public/bad-${run}:pull`] });
    const denied = await cli(['-q', `docker://${TOKEN_REGISTRY}/private/bad-${run}:1`], anonymous);
    expect([denied.status, denied.stderr]).toEqual([
      2,
      expect.stringMatching(/^modelarts-image-check: the manifest of docker:\/\/.*private\/bad-.*:1: HTTP 401 unauthorized/)
    ]);
    const wrong = await cli(['-q', `docker://${TOKEN_REGISTRY}/private/bad-${run}:1`], {
      DOCKER_CONFIG: dockerConfig({ [TOKEN_REGISTRY!]: ['token-user', 'not-it'] })
    });
    expect([wrong.status, wrong.stderr]).toEqual([
      2,
      expect.stringMatching(/token server http:\/\/127\.0\.0\.1:\d+ refused the login \(HTTP 401: wrong or missing credentials\)\n$/)
    ]);
    expect(wrong.stderr).not.toContain('not-it');
  }, 120000);

  it('trades an identity token that docker login stored for access tokens (refresh_token grant), and never sends it as a password', async () => {
    const token: PushTarget = { registry: TOKEN_REGISTRY!, secure: false, username: 'token-user', password: 'token-password' };
    await pushOciArchive(token, `private/oidc-${run}`, '1', (await buildImage(badSpec, { layout: 'oci' })).archive);
    const configWith = (identitytoken: string) => {
      const config = mkdtempSync(join(dir, 'identity-'));
      // What `docker login` writes for an OAuth login: a user name of zeros and the token.
      const auth = Buffer.from('00000000-0000-0000-0000-000000000000:').toString('base64');
      writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { [`https://${TOKEN_REGISTRY}`]: { auth, identitytoken } } }));
      return { DOCKER_CONFIG: config };
    };
    const before = tokens.requests.length;
    const r = await cli(['-q', '-f', 'json', `docker://${TOKEN_REGISTRY}/private/oidc-${run}:1`], configWith('identity-token-of-token-user'));
    expect(r.stderr).toBe('');
    expect(findings(r.stdout)).toEqual(findings((await cli(['-q', '-f', 'json', badArchive])).stdout));
    expect(tokens.requests.slice(before)).toEqual([{ user: 'token-user', scopes: [`repository:private/oidc-${run}:pull`], grant: 'refresh_token' }]);
    const expired = await cli(['-q', `docker://${TOKEN_REGISTRY}/private/oidc-${run}:1`], configWith('expired-identity-token'));
    expect([expired.status, expired.stderr]).toEqual([
      2,
      expect.stringMatching(
        /token server http:\/\/127\.0\.0\.1:\d+ refused the identity token docker login stored \(HTTP 400: wrong or expired; run docker login again\)\n$/
      )
    ]);
    expect(expired.stderr).not.toContain('expired-identity-token');
    if (dockerUnavailable()) return;
    // The action hands it to the daemon, which trades it the same way to pull the image.
    const workspace = mkdtempSync(join(dir, 'ws-'));
    const image = `${TOKEN_REGISTRY}/private/oidc-${run}:1`;
    const pulled = tokens.requests.length;
    try {
      const action = await runAction({ image, pull: 'always' }, workspace, configWith('identity-token-of-token-user'));
      expect(action.outputs).toMatchObject({ passed: 'false', pushed: 'false' });
      expect(action.stdout).toMatch(/::error title=setuid-setgid/);
      // Masked before anything is logged, and nowhere else.
      expect((action.stdout + action.stderr).split('identity-token-of-token-user')).toHaveLength(2);
      expect(action.stdout).toContain('::add-mask::identity-token-of-token-user');
      expect(tokens.requests.slice(pulled)).toContainEqual(
        expect.objectContaining({ user: 'token-user', scopes: [`repository:private/oidc-${run}:pull`], grant: 'refresh_token' })
      );
    } finally {
      docker(['rmi', image]);
    }
  }, 120000);

  (dockerUnavailable() ? it.skip : it)(
    'gives the same findings for an image pushed by Docker (schema 2 or OCI) read via docker://, through the daemon, and as its saved archive',
    async () => {
      const images = await createE2eImages(`reg-${run}`);
      const target = `${REGISTRY}/e2e/pushed-${run}:1`;
      const config = dockerConfig();
      try {
        docker(['tag', images.bad, target]);
        docker(['--config', config, 'push', target]);
        const archive = join(dir, 'pushed.tar');
        docker(['save', '-o', archive, images.bad]);
        const env = { DOCKER_CONFIG: config, DOCKER_HOST: process.env.DOCKER_HOST ?? '' };
        const runs = await Promise.all(
          [`docker://${target}`, `docker-daemon:${images.bad}`, archive].map((image) =>
            cli(['-q', '-f', 'json', '-b', `docker-daemon:${images.base}`, image], env)
          )
        );
        for (const r of runs) expect(r.stderr).toBe('');
        const [viaRegistry, viaDaemon, viaArchive] = runs.map((r) => findings(r.stdout));
        expect(viaRegistry).toEqual(viaDaemon);
        expect(viaRegistry).toEqual(viaArchive);
        expect(viaRegistry.map((f) => (f as { rule: string }).rule)).toEqual(expect.arrayContaining(['setuid-setgid', 'default-user']));
      } finally {
        docker(['rmi', target]);
        images.remove();
      }
    },
    300000
  );

  describe('faults between the check and the registry', () => {
    const layerOf = (req: IncomingMessage) => req.method === 'GET' && /\/blobs\/sha256:/.test(req.url ?? '') && !req.headers.range;
    let bigLayer: string;
    beforeAll(async () => {
      // The layer with the random file: the biggest blob.
      const entries = await entriesOf(
        (await buildImage(badSpec, { layout: 'oci' })).archive // built again: the same bytes
      );
      const blobs = entries.filter((e) => e.name.startsWith('blobs/')).sort((a, b) => b.data.length - a.data.length);
      bigLayer = `sha256:${blobs[0].name.slice('blobs/sha256/'.length)}`;
    });
    const through = async (faults: Fault[], onRequest?: (req: IncomingMessage) => void, extraEnv: Record<string, string> = {}) => {
      const proxy = await registryFaultProxy(REGISTRY, faults, { onRequest });
      const env = { DOCKER_CONFIG: dockerConfig({ [proxy.address]: [REGISTRY_USER, REGISTRY_PASSWORD] }), ...extraEnv };
      try {
        return { ...(await cli(['-f', 'json', '--no-progress', `docker://${proxy.address}/${bad}:1`], env)), faulted: proxy.faulted };
      } finally {
        await proxy.close();
      }
    };
    let expected: unknown[];
    beforeAll(async () => {
      expected = findings((await cli(['-q', '-f', 'json', badArchive])).stdout);
    });

    it('waits as a 429 says (Retry-After), and retries a 500', async () => {
      const started = Date.now();
      const r = await through([
        { match: (req) => /\/manifests\//.test(req.url ?? ''), answer: 429, headers: { 'Retry-After': '2' }, times: 1 },
        { match: layerOf, answer: 500, times: 1 }
      ]);
      expect(r.faulted).toHaveLength(2);
      expect(r.status).toBe(1);
      expect(findings(r.stdout)).toEqual(expected);
      expect(r.stderr).toMatch(/HTTP 429; trying again in 2\.0 s/);
      expect(r.stderr).toMatch(/HTTP 500; trying again in/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    }, 120000);

    it('resumes a blob whose connection was cut in the middle, with the same result', async () => {
      const ranges: string[] = [];
      const r = await through([{ match: (req) => layerOf(req) && req.url!.endsWith(bigLayer), answer: { cutAfter: 3 << 20 }, times: 1 }], (req) => {
        if (req.headers.range) ranges.push(String(req.headers.range));
      });
      expect(r.faulted).toHaveLength(1);
      expect(r.stderr).toMatch(/the connection broke after \d+ bytes .*; resuming/);
      expect(ranges).toEqual([expect.stringMatching(/^bytes=\d+-$/)]);
      expect(r.status).toBe(1);
      expect(findings(r.stdout)).toEqual(expected);
    }, 120000);

    it('follows a redirect to blob storage elsewhere without the Authorization header', async () => {
      const blob = (await entriesOf(await (async () => (await buildImage(badSpec, { layout: 'oci' })).archive)())).find(
        (e) => e.name === `blobs/sha256/${bigLayer.slice(7)}`
      )!.data;
      const seen: (string | undefined)[] = [];
      const storage = createServer((req, res) => {
        seen.push(req.headers.authorization);
        res.writeHead(200, { 'Content-Length': String(blob.length) }).end(blob);
      });
      await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve));
      try {
        const port = (storage.address() as AddressInfo).port;
        const r = await through([
          { match: (req) => layerOf(req) && req.url!.endsWith(bigLayer), answer: { redirect: `http://127.0.0.1:${port}/presigned?sig=x` }, times: 1 }
        ]);
        expect(r.stderr).toBe('');
        expect(findings(r.stdout)).toEqual(expected);
        expect(seen).toEqual([undefined]);
      } finally {
        storage.close();
      }
    }, 120000);

    it('resumes a blob whose registry went silent in the middle, after the stall time', async () => {
      const r = await through([{ match: (req) => layerOf(req) && req.url!.endsWith(bigLayer), answer: { stallAfter: 3 << 20 }, times: 1 }], undefined, {
        MODELARTS_IMAGE_CHECK_REGISTRY_STALL_SECONDS: '1'
      });
      expect(r.faulted).toHaveLength(1);
      expect(r.stderr).toMatch(/the connection broke after 3145728 bytes \(the registry sent nothing for 1 s\); resuming/);
      expect(r.status).toBe(1);
      expect(findings(r.stdout)).toEqual(expected);
    }, 60000);

    it('gives up on a registry that stops answering, after its tries, in one line naming the image', async () => {
      const started = Date.now();
      const r = await through([{ match: (req) => layerOf(req) && req.url!.endsWith(bigLayer), answer: 'stall', times: 100 }], undefined, {
        MODELARTS_IMAGE_CHECK_REGISTRY_STALL_SECONDS: '1'
      });
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines.slice(0, -1).every((l) => /no answer within 1 s; trying again in/.test(l))).toBe(true);
      expect(lines.at(-1)).toMatch(/^modelarts-image-check: .*docker:\/\/127\.0\.0\.1:\d+\/e2e\/bad-\w+:1.*no answer within 1 s \(after 4 tries\)$/);
      expect(r.stdout).toBe('');
      expect(Date.now() - started).toBeLessThan(30000);
    }, 60000);

    // Outside loopback, TLS is verified as Docker verifies it: against the system's CAs and
    // NODE_EXTRA_CA_CERTS, or not at all for a host named insecure.
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a?.family === 'IPv4' && !a.internal)?.address;
    (outside ? it : it.skip)(
      `verifies TLS outside loopback: NODE_EXTRA_CA_CERTS adds a CA, --insecure-registry skips it (${outside ?? 'no address'})`,
      async () => {
        const certs = mkdtempSync(join(dir, 'tls-'));
        const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: certs, stdio: 'pipe' });
        openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=mic-test-ca');
        openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'req.csr', '-subj', `/CN=${outside}`);
        writeFileSync(join(certs, 'san.ext'), `subjectAltName=IP:${outside}\n`);
        openssl(
          'x509',
          '-req',
          '-in',
          'req.csr',
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca-key.pem',
          '-CAcreateserial',
          '-out',
          'cert.pem',
          '-days',
          '1',
          '-extfile',
          'san.ext'
        );
        const tls = { key: readFileSync(join(certs, 'key.pem'), 'utf8'), cert: readFileSync(join(certs, 'cert.pem'), 'utf8') };
        const proxy = await registryFaultProxy(REGISTRY, [], { listen: { host: outside, tls } });
        try {
          const env = { DOCKER_CONFIG: dockerConfig({ [proxy.address]: [REGISTRY_USER, REGISTRY_PASSWORD] }) };
          const image = `docker://${proxy.address}/${bad}:1`;
          const untrusted = await cli(['-q', '-f', 'json', image], env);
          expect(untrusted.status).toBe(2);
          expect(untrusted.stderr.trim().split('\n')).toHaveLength(1);
          expect(untrusted.stderr).toMatch(/the TLS certificate of [\d.]+:\d+ is not trusted \(.+\); give its CA in NODE_EXTRA_CA_CERTS/);
          expect(untrusted.stderr).not.toContain(REGISTRY_PASSWORD);
          const trusted = await cli(['-q', '-f', 'json', image], { ...env, NODE_EXTRA_CA_CERTS: join(certs, 'ca.pem') });
          expect(trusted.stderr).toBe('');
          expect(trusted.status).toBe(1);
          expect(findings(trusted.stdout)).toEqual(expected);
          const insecure = await cli(['-q', '-f', 'json', '--insecure-registry', proxy.address, image], env);
          expect(insecure.stderr).toBe('');
          expect(findings(insecure.stdout)).toEqual(expected);
        } finally {
          await proxy.close();
        }
      },
      120000
    );

    it('refuses a blob changed on the way (exit 2), and says no credential', async () => {
      const r = await through([{ match: (req) => layerOf(req) && req.url!.endsWith(bigLayer), answer: { tamperAt: 4096 }, times: 1 }]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/does not match its digest|cannot be decompressed/);
      expect(r.stderr).not.toContain(REGISTRY_PASSWORD);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }, 120000);

    it('says clearly when the login is wrong', async () => {
      const proxy = await registryFaultProxy(REGISTRY, []);
      try {
        const r = await cli(['-q', `docker://${proxy.address}/${bad}:1`], {
          DOCKER_CONFIG: dockerConfig({ [proxy.address]: [REGISTRY_USER, 'wrong-password'] })
        });
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/^modelarts-image-check: the manifest of docker:\/\/127\.0\.0\.1:\d+\/e2e\/bad-\w+:1: HTTP 401 unauthorized/);
        expect(r.stderr).not.toContain('wrong-password');
      } finally {
        await proxy.close();
      }
    }, 60000);
  });

  describe('promotion by the action, with no daemon', () => {
    const creds = (registry: string, user: string, password: string) => ({ registry, 'registry-username': user, 'registry-password': password });
    const workspace = () => mkdtempSync(join(dir, 'ws-'));
    const manifestDigest = async (target: PushTarget, repo: string, tag: string) =>
      (
        await registryRequest(
          target,
          'HEAD',
          `/v2/${repo}/manifests/${tag}`,
          undefined,
          { Accept: 'application/vnd.oci.image.manifest.v1+json' },
          `repository:${repo}:pull`
        )
      ).headers['docker-content-digest'];

    it('mounts the blobs of a passing image within its registry and puts the checked manifest: same digest', async () => {
      const good = await buildImage(onBase([{ compression: 'gzip', entries: [{ path: 'opt/app/train.py', content: 'print(1)\n' }] }], { User: 'work' }), {
        layout: 'oci'
      });
      const source = `e2e/good-${run}`;
      const digest = await pushOciArchive(main, source, '1', good.archive);
      const requests: string[] = [];
      const proxy = await registryFaultProxy(REGISTRY, [], { onRequest: (req) => requests.push(`${req.method} ${req.url}`) });
      try {
        const r = await runAction(
          {
            image: `docker://${proxy.address}/${source}:1`,
            'base-image': `docker://${proxy.address}/${base}:1`,
            push: 'true',
            'push-image': `${proxy.address}/e2e/promoted-${run}:1`,
            ...creds(proxy.address, REGISTRY_USER, REGISTRY_PASSWORD)
          },
          workspace(),
          { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }
        );
        expect(r.stdout).not.toMatch(/::error/);
        expect(r.status).toBe(0);
        expect(r.outputs).toMatchObject({ passed: 'true', pushed: 'true', digest });
        expect(await manifestDigest(main, `e2e/promoted-${run}`, '1')).toBe(digest);
        expect(requests.filter((q) => /^POST .*\?mount=/.test(q)).length).toBeGreaterThan(0);
        expect(requests.filter((q) => /^PUT .*\/blobs\/uploads\//.test(q))).toEqual([]);
        expect(r.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain(REGISTRY_PASSWORD);
      } finally {
        await proxy.close();
      }
    }, 180000);

    it('copies the blobs to another registry, and promotes nothing of a failing image', async () => {
      // A layer and a config of several MiB: they come in more than one reused buffer.
      const entries = [
        { path: 'opt/app/train.py', content: 'print(2)\n' },
        { path: 'opt/app/model.bin', content: randomBytes(3 << 20) }
      ];
      const good = await buildImage(onBase([{ compression: 'gzip', entries }], { User: 'work', Labels: { notes: 'n'.repeat(2 << 20) } }), { layout: 'oci' });
      const source = `e2e/copy-${run}`;
      const digest = await pushOciArchive(main, source, '1', good.archive);
      const env = { DOCKER_HOST: 'unix:///nonexistent/docker.sock', DOCKER_CONFIG: dockerConfig() };
      const promoteTo = (image: string, target: string) =>
        runAction({ image, push: 'true', 'push-image': target, ...creds(OTHER_REGISTRY, OTHER_REGISTRY_USER, OTHER_REGISTRY_PASSWORD) }, workspace(), env);
      const copied = await promoteTo(`docker://${REGISTRY}/${source}:1`, `${OTHER_REGISTRY}/e2e/copied-${run}:1`);
      expect(copied.status).toBe(0);
      expect(copied.outputs).toMatchObject({ pushed: 'true', digest });
      expect(await manifestDigest(other, `e2e/copied-${run}`, '1')).toBe(digest);
      const failing = await promoteTo(`docker://${REGISTRY}/${bad}:1`, `${OTHER_REGISTRY}/e2e/never-${run}:1`);
      expect(failing.status).toBe(1);
      expect(failing.outputs.pushed).toBe('false');
      expect(await manifestDigest(other, `e2e/never-${run}`, '1')).toBeUndefined();
      expect(badDigest).toMatch(/^sha256:/);
    }, 180000);
  });
});
