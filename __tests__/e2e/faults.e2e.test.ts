// Faults around the daemon and the registry, with the real daemon and registry behind small
// fault-injecting proxies: transient errors are retried, permanent ones and stalls fail
// clearly, a broken `docker save` stream is "could not be checked", and nothing is pushed.
import {
  createE2eImages,
  dockerRequired,
  dockerUnavailable,
  registryTags,
  REGISTRY,
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  runAction,
  type E2eImages
} from '../../__fixtures__/docker-env';
import { daemonCutProxy, registryFaultProxy, type RunningProxy } from '../../__fixtures__/fault-proxy';

const unavailable = dockerUnavailable();
if (unavailable && dockerRequired) throw new Error(`the e2e suite is required here (MIC_REQUIRE_DOCKER=1) but ${unavailable}`);
const suite = unavailable ? describe.skip : describe;
if (unavailable) console.warn(`end-to-end fault suite skipped: ${unavailable}`);
if (unavailable) describe(`e2e faults: skipped because ${unavailable}`, () => it.skip('needs a Docker daemon (scripts/test-env.sh start)', () => undefined));

const run = 'f' + Date.now().toString(36);
const creds = { 'registry-username': REGISTRY_USER, 'registry-password': REGISTRY_PASSWORD };
const manifestPut = (req: { method?: string; url?: string }) => req.method === 'PUT' && /\/manifests\//.test(req.url ?? '');
let images: E2eImages;
let proxy: RunningProxy | undefined;

suite('faults around the registry and the daemon', () => {
  beforeAll(async () => {
    images = await createE2eImages(run);
  }, 300000);
  afterAll(() => images?.remove());
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  const push = (target: string, env: Record<string, string> = {}) =>
    runAction({ image: images.good, 'base-image': images.base, pull: 'never', push: 'true', 'push-image': target, ...creds }, images.goodDir, env);

  it('retries a transient 500 from the registry and then pushes', async () => {
    proxy = await registryFaultProxy(REGISTRY, [{ match: manifestPut, answer: 500, times: 1 }]);
    const r = await push(`${proxy.address}/e2e/retry-${run}:1`);
    expect(proxy.faulted).toHaveLength(1);
    expect(r.stdout).toMatch(/::warning::push .* failed \(.*500.*\); retrying in 1 s \(attempt 2 of 4\)/);
    expect(r.status).toBe(0);
    expect(r.outputs.pushed).toBe('true');
    expect(await registryTags(`e2e/retry-${run}`)).toEqual(['1']);
  }, 120000);

  it('fails at once on a 404, with pushed=false', async () => {
    proxy = await registryFaultProxy(REGISTRY, [{ match: manifestPut, answer: 404, times: 10 }]);
    const r = await push(`${proxy.address}/e2e/notfound-${run}:1`);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/::error::The image passed the check, but pushing it failed: push .* failed: /);
    expect(r.stdout).not.toMatch(/retrying/);
    expect(r.outputs.pushed).toBe('false');
    expect(await registryTags(`e2e/notfound-${run}`)).toEqual([]);
  }, 120000);

  it('gives up on a stalled registry after the attempt timeout', async () => {
    proxy = await registryFaultProxy(REGISTRY, [{ match: manifestPut, answer: 'stall', times: 10 }]);
    const started = Date.now();
    const r = await push(`${proxy.address}/e2e/stall-${run}:1`, { MODELARTS_IMAGE_CHECK_REGISTRY_TIMEOUT_SECONDS: '5' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/pushing it failed: push .* failed: the registry did not finish within 5 s/);
    expect(r.outputs.pushed).toBe('false');
    expect(Date.now() - started).toBeLessThan(60000);
    expect(await registryTags(`e2e/stall-${run}`)).toEqual([]);
  }, 120000);

  it('says "could not be checked" and pushes nothing when docker save breaks mid-stream', async () => {
    const daemon = (process.env.DOCKER_HOST ?? '').replace(/^unix:\/\//, '');
    proxy = await daemonCutProxy(daemon, `/tmp/mic-cut-${run}.sock`, 20000);
    const r = await push(`${REGISTRY}/e2e/cut-${run}:1`, { DOCKER_HOST: proxy.address });
    expect(proxy.faulted.length).toBeGreaterThan(0);
    expect(r.status).toBe(1);
    // Read over HTTP/1.0, a cut stream ends like a whole one: the missing tar end tells them apart.
    expect(r.stdout).toMatch(
      /::error::The image could not be checked: image .* is truncated: it ends at byte \d+.* \(the daemon's stream ended early: did the Docker daemon stop\?\)/
    );
    expect(r.outputs).toMatchObject({ passed: 'false', pushed: 'false' });
    expect(await registryTags(`e2e/cut-${run}`)).toEqual([]);
  }, 120000);

  it('fails clearly when a pull is denied', async () => {
    const r = await runAction({ image: `${REGISTRY}/e2e/private-${run}:1`, pull: 'always' }, images.goodDir);
    expect(r.status).toBe(1);
    // The daemon's own words vary (auth challenge, TLS fallback on loopback); the line must name the pull.
    expect(r.stdout).toMatch(/::error::The image could not be checked: pull 127\.0\.0\.1:\d+\/e2e\/private-\w+:1 failed: \S/);
    expect(r.outputs).toMatchObject({ passed: 'false', pushed: 'false' });
  }, 120000);
});
