// The action as it runs in a team's real repository: credentials that stay with their registry,
// an image given as the archive buildx writes, and a credential in ENV on its Dockerfile line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  registryTags,
  runAction,
  dockerBuild,
  type E2eImages
} from '../../__fixtures__/docker-env';
import { registryFaultProxy, type RunningProxy } from '../../__fixtures__/fault-proxy';

const unavailable = dockerUnavailable();
if (unavailable && dockerRequired) throw new Error(`the e2e suite is required here (MIC_REQUIRE_DOCKER=1) but ${unavailable}`);
const suite = unavailable ? describe.skip : describe;
if (unavailable) describe(`e2e: skipped because ${unavailable}`, () => it.skip('needs a Docker daemon (scripts/test-env.sh start)', () => undefined));

const run = Date.now().toString(36);

suite('the action in a real repository', () => {
  let images: E2eImages;
  let proxy: RunningProxy;
  /** Every Authorization header the registry the base comes from received. */
  const authorizations: string[] = [];
  beforeAll(async () => {
    images = await createE2eImages(`${run}-repo`);
    proxy = await registryFaultProxy(OTHER_REGISTRY, [], {
      upstreamTls: false,
      onRequest: (req) => {
        if (req.headers.authorization) authorizations.push(req.headers.authorization);
      }
    });
  }, 300000);
  afterAll(async () => {
    images?.remove();
    await proxy?.close();
  });

  /** A docker config with a login for the other registry only, under both its names (an earlier docker/login-action step). */
  function loginToOther(): string {
    const config = mkdtempSync(join(tmpdir(), 'mic-e2e-docker-config-'));
    const auth = Buffer.from(`${OTHER_REGISTRY_USER}:${OTHER_REGISTRY_PASSWORD}`).toString('base64');
    writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { [proxy.address]: { auth }, [OTHER_REGISTRY]: { auth } } }));
    return config;
  }

  it("pulls a base from another registry with that registry's login, never with the push credentials", async () => {
    const config = loginToOther();
    // Pushed straight to the registry (the test's synchronous docker calls would block the proxy), pulled through the proxy.
    const pushedRef = `${OTHER_REGISTRY}/e2e/base:${run}`;
    docker(['tag', images.base, pushedRef]);
    docker(['--config', config, 'push', pushedRef]);
    docker(['rmi', pushedRef]);
    const baseRef = `${proxy.address}/e2e/base:${run}`;
    authorizations.length = 0;
    const target = `${REGISTRY}/e2e/scoped-${run}:1`;
    const r = await runAction(
      {
        image: images.good,
        'base-image': baseRef,
        'push-image': target,
        push: 'true',
        'registry-username': REGISTRY_USER,
        'registry-password': REGISTRY_PASSWORD
      },
      images.goodDir,
      { DOCKER_CONFIG: config }
    );
    expect(r.stdout).toMatch(/Pull base .*e2e\/base/);
    expect(r.status).toBe(0);
    expect(await registryTags(`e2e/scoped-${run}`)).toEqual(['1']);
    // The base's registry saw its own login, and nothing else.
    const pushCredentials = Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64');
    expect(authorizations.length).toBeGreaterThan(0);
    expect(authorizations.filter((a) => a.includes(pushCredentials))).toEqual([]);
    expect(authorizations.every((a) => a === `Basic ${Buffer.from(`${OTHER_REGISTRY_USER}:${OTHER_REGISTRY_PASSWORD}`).toString('base64')}`)).toBe(true);
  });

  it('checks the archive a buildx step wrote (outputs: type=docker,dest=...), with no daemon', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'mic-e2e-workspace-'));
    docker(['save', '-o', join(workspace, 'image.tar'), images.bad]);
    docker(['save', '-o', join(workspace, 'base.tar'), images.base]);
    writeFileSync(join(workspace, 'Dockerfile'), readFileSync(join(images.badDir, 'Dockerfile')));
    const r = await runAction({ image: 'docker-archive:image.tar', 'base-image': 'docker-archive:base.tar' }, workspace, {
      DOCKER_HOST: 'unix:///nonexistent/docker.sock'
    });
    expect(r.stdout).toContain('::error title=setuid-setgid,file=Dockerfile,line=3,endLine=3::/opt/tool is owned by root');
    expect(r.outputs).toMatchObject({ passed: 'false', errors: '2' });
    expect(r.outputs.report).toMatch(/report-docker-archive-image\.tar-[0-9a-f]{8}\.json$/);
  });

  it('puts a credential set with ENV on its Dockerfile line, once (the classic builder on Engine 20.10, BuildKit on Docker 26)', async () => {
    const sk = 'Zx81kQ7sKd93nFh27dkLs0Pq8ZrT5vXwYb1cNm4o';
    const tag = `mic-e2e/env-secret:${run}`;
    const dir = dockerBuild(tag, { Dockerfile: [`FROM ${images.base}`, 'USER work', `ENV OBS_SK ${sk}`, 'LABEL team=train', ''].join('\n') });
    try {
      const r = await runAction({ image: tag, 'base-image': images.base, pull: 'never' }, dir);
      const secrets = r.stdout.split('\n').filter((l) => l.includes('title=secrets'));
      expect(secrets).toEqual([
        expect.stringMatching(/^::error title=secrets,file=Dockerfile,line=3,endLine=3::The image environment sets OBS_SK=\*+ \(40 characters, masked\)/)
      ]);
      expect(r.stdout).not.toContain(sk);
    } finally {
      docker(['rmi', tag]);
    }
  });
});
