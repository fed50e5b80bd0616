// The action's decisions, without Docker: the daemon and the credential lookup are handed to
// run() (as the typescript-action template mocks @actions/core, so does this test).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recorded, reset } from '../../__fixtures__/core';
import { BASE_METADATA, baseLayers, buildImage, memorySource, onBase, type ImageSpec } from '../../__fixtures__/image-builder';
import { run, type Services } from '../../src/action/main';
import type { Daemon, ImageInfo } from '../../src/docker/daemon';
import { credentialsFor, type RegistryAuth } from '../../src/docker/registry-auth';

// @actions/core 3 is ESM-only, which jest's CommonJS resolver cannot find: the mock stands in for it whole.
jest.mock('@actions/core', () => require('../../__fixtures__/core'), { virtual: true });

const TARGETS = ['swr.cn-north-4.myhuaweicloud.com/org/train:1', 'swr.cn-north-4.myhuaweicloud.com/org/train:latest'];

/** A daemon that holds `image` (as train:1) and the test base (as base:1), and records every call. */
async function fakeDaemon(image: ImageSpec, failPushOf?: string) {
  const built = await buildImage(image);
  const base = await buildImage({ layers: baseLayers(), metadata: BASE_METADATA, config: { User: 'work' } });
  const infos: Record<string, ImageInfo> = {
    'train:1': { id: built.configDigest, size: built.archive.length, repoTags: ['train:1'], diffIds: built.diffIds },
    'train:2': { id: built.configDigest, size: built.archive.length, repoTags: ['train:2'], diffIds: built.diffIds },
    'base:1': { id: base.configDigest, size: base.archive.length, repoTags: ['base:1'], diffIds: base.diffIds }
  };
  const calls: string[] = [];
  const pushed: { imageId: string; target: string; auth?: RegistryAuth }[] = [];
  const daemon: Daemon = {
    async ensureImage(ref) {
      calls.push(`ensure ${ref}`);
      const info = infos[ref];
      if (!info) throw new Error(`pull access denied for ${ref}`);
      return info;
    },
    imageSource(info, name) {
      calls.push(`check ${info.id}`);
      return memorySource(built.archive, name);
    },
    async pushImage(imageId, target, auth) {
      calls.push(`push ${imageId} ${target}`);
      if (target === failPushOf) throw new Error('unauthorized: authentication required');
      pushed.push({ imageId, target, auth });
      return `sha256:${'d'.repeat(63)}${pushed.length}`;
    }
  };
  const services: Services = {
    openDaemon: async () => daemon,
    // The real lookup, without a docker login of the machine's.
    credentialsFor: (registry, sources) => credentialsFor(registry, sources, { DOCKER_CONFIG: '/nonexistent' }),
    registryClient: () => {
      throw new Error('no registry in these tests');
    }
  };
  return { services, calls, pushed, imageId: built.configDigest };
}

const clean = onBase([{ entries: [{ path: 'opt/app/train.py', content: 'print(1)\n' }], createdBy: 'COPY train.py /opt/app/ # buildkit' }], { User: 'work' });
const rootUser = onBase([{ entries: [{ path: 'opt/app/train.py', content: 'print(1)\n' }] }], { User: 'root' });

function inputs(extra: Record<string, string> = {}) {
  const workspace = mkdtempSync(join(tmpdir(), 'mic-action-'));
  process.env.GITHUB_WORKSPACE = workspace;
  process.env.RUNNER_TEMP = workspace;
  process.env.GITHUB_STEP_SUMMARY = join(workspace, 'summary.md');
  writeFileSync(process.env.GITHUB_STEP_SUMMARY, '');
  reset({ image: 'train:1', 'base-image': 'base:1', pull: 'missing', 'fail-on': 'error', push: 'false', ...extra });
}

const pushInputs = { push: 'true', 'push-image': TARGETS.join('\n'), 'registry-username': 'ci-user', 'registry-password': 'ci-password-9f8e' };

describe('the action (push gate)', () => {
  it('pushes exactly the image ID it checked, to every target, only after the check passed', async () => {
    const d = await fakeDaemon(clean);
    inputs(pushInputs);
    await run(d.services);
    expect(recorded.failed).toEqual([]);
    expect(d.calls).toEqual(['ensure train:1', `check ${d.imageId}`, 'ensure base:1', `push ${d.imageId} ${TARGETS[0]}`, `push ${d.imageId} ${TARGETS[1]}`]);
    expect(d.pushed.map((p) => p.auth?.username)).toEqual(['ci-user', 'ci-user']);
    expect(recorded.outputs).toMatchObject({ passed: 'true', pushed: 'true', errors: '0', digest: `sha256:${'d'.repeat(63)}2` });
    expect(JSON.parse(readFileSync(recorded.outputs.report, 'utf8')).summary.passed).toBe(true);
  });

  it('pushes nothing when the image fails the check, and says so in the failure and the summary', async () => {
    const d = await fakeDaemon(rootUser);
    inputs(pushInputs);
    await run(d.services);
    expect(d.pushed).toEqual([]);
    expect(d.calls.some((c) => c.startsWith('push'))).toBe(false);
    expect(recorded.outputs).toMatchObject({ passed: 'false', pushed: 'false', errors: '1' });
    expect(recorded.outputs.digest).toBeUndefined();
    expect(recorded.failed).toEqual([expect.stringMatching(/^ModelArts would reject train:1: 1 error, 0 warnings \(fail-on: error\)\. Nothing was pushed\.$/)]);
    expect(recorded.annotations).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('root (UID 0)') }));
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY!, 'utf8') + recorded.summary).toContain('Not pushed: the image did not pass the check');
  });

  it('fails the step with pushed=false when a push fails, after pushing the targets before it', async () => {
    const d = await fakeDaemon(clean, TARGETS[1]);
    inputs(pushInputs);
    await run(d.services);
    expect(d.pushed.map((p) => p.target)).toEqual([TARGETS[0]]);
    expect(recorded.outputs).toMatchObject({ passed: 'true', pushed: 'false' });
    expect(recorded.failed).toEqual(['The image passed the check, but pushing it failed: unauthorized: authentication required']);
    expect(recorded.summary).toContain(`Pushed: <code>${TARGETS[0]}</code>`);
    expect(recorded.summary).toContain('Not pushed to the other targets: push failed: unauthorized: authentication required');
  });

  it('checks nothing and pushes nothing when the image cannot be had, with passed=false', async () => {
    const d = await fakeDaemon(clean);
    inputs({ ...pushInputs, image: 'missing:1' });
    await run(d.services);
    expect(d.calls).toEqual(['ensure missing:1']);
    expect(recorded.outputs).toMatchObject({ passed: 'false', pushed: 'false' });
    expect(recorded.failed).toEqual(['The image could not be checked: pull access denied for missing:1']);
  });

  it('does not push when push is false, whatever the result', async () => {
    const d = await fakeDaemon(clean);
    inputs({ ...pushInputs, push: 'false' });
    await run(d.services);
    expect(d.calls.some((c) => c.startsWith('push'))).toBe(false);
    expect(recorded.outputs).toMatchObject({ passed: 'true', pushed: 'false' });
  });

  it('masks every credential input before it logs anything', async () => {
    const d = await fakeDaemon(clean);
    inputs({ 'huaweicloud-ak': 'AKTEST1234567890ABCD', 'huaweicloud-sk': 'SKtest0987654321abcdefghijABCDEFGHIJ0123', 'swr-region': 'cn-north-4' });
    await run(d.services);
    // The SWR password derived from the keys is a secret too.
    expect(recorded.secrets).toEqual(
      expect.arrayContaining([
        'SKtest0987654321abcdefghijABCDEFGHIJ0123',
        'AKTEST1234567890ABCD',
        '65c3adec6225221465bff40e52447cddfa607142d14c27a4dfe3fdcfea8dc60d'
      ])
    );
    const everything = JSON.stringify(recorded);
    expect(everything.split('SKtest0987654321abcdefghijABCDEFGHIJ0123')).toHaveLength(2); // only in the secrets list
  });

  it('masks an identity token that docker login stored, and gives it to the daemon for the push', async () => {
    const d = await fakeDaemon(clean);
    const stored: RegistryAuth = { username: '', password: '', serveraddress: 'swr.cn-north-4.myhuaweicloud.com', identitytoken: 'refresh-token-from-oidc' };
    d.services.credentialsFor = async () => stored;
    inputs({ push: 'true', 'push-image': TARGETS[0] });
    await run(d.services);
    expect(recorded.failed).toEqual([]);
    expect(recorded.secrets).toContain('refresh-token-from-oidc');
    expect(d.pushed).toEqual([{ imageId: d.imageId, target: TARGETS[0], auth: stored }]);
    expect(JSON.stringify(recorded).split('refresh-token-from-oidc')).toHaveLength(2); // only in the secrets list
  });

  it('fails before checking anything when a push has no credentials, naming what to set', async () => {
    const d = await fakeDaemon(clean);
    inputs({ push: 'true', 'push-image': TARGETS[0] });
    await run(d.services);
    expect(d.calls).toEqual([]);
    expect(recorded.failed).toEqual([
      expect.stringMatching(
        /^The image could not be checked: push is true, but there are no credentials for swr\.cn-north-4\.myhuaweicloud\.com \(push-image .*\): set registry-username and registry-password .* or huaweicloud-ak and huaweicloud-sk .*, or run docker login swr\.cn-north-4\.myhuaweicloud\.com/
      )
    ]);
  });

  it("checks a fork's pull request, whose secrets are empty, and says why it does not use them", async () => {
    const d = await fakeDaemon(clean);
    inputs({ push: 'false', 'push-image': TARGETS[0], 'swr-region': 'cn-north-4', 'huaweicloud-ak': 'AK', 'huaweicloud-sk': '' });
    await run(d.services);
    expect(recorded.failed).toEqual([]);
    expect(recorded.outputs).toMatchObject({ passed: 'true', pushed: 'false' });
    expect(recorded.annotations).toContainEqual(
      expect.objectContaining({ level: 'notice', message: expect.stringMatching(/^huaweicloud-ak and huaweicloud-sk go together/) })
    );
  });

  it('checks an archive in the workspace without a daemon, its base too', async () => {
    const image = await buildImage(clean, { layout: 'docker-oci' });
    const base = await buildImage({ layers: baseLayers(), metadata: BASE_METADATA, config: { User: 'work' } }, { layout: 'oci' });
    inputs({ image: 'docker-archive:out/image.tar', 'base-image': 'oci-archive:out/base.tar' });
    mkdirSync(join(process.env.GITHUB_WORKSPACE!, 'out'));
    writeFileSync(join(process.env.GITHUB_WORKSPACE!, 'out/image.tar'), image.archive);
    writeFileSync(join(process.env.GITHUB_WORKSPACE!, 'out/base.tar'), base.archive);
    const noDaemon: Services = {
      openDaemon: () => Promise.reject(new Error('no daemon here')),
      credentialsFor: async () => undefined,
      registryClient: () => {
        throw new Error('no registry here');
      }
    };
    await run(noDaemon);
    expect(recorded.failed).toEqual([]);
    expect(recorded.outputs).toMatchObject({ passed: 'true', pushed: 'false' });
    const report = JSON.parse(readFileSync(recorded.outputs.report, 'utf8'));
    expect(report.base).toMatchObject({ given: true, matches: true });
    expect(recorded.log).toContain('::group::Read and check');
  });

  it('writes one report per image, and SARIF whose category and fingerprints stay the same from tag to tag', async () => {
    const d = await fakeDaemon(rootUser);
    const sarifOf = async (image: string) => {
      inputs({ image, 'sarif-file': 'out/results.sarif' });
      await run(d.services);
      return { report: recorded.outputs.report, sarif: JSON.parse(readFileSync(recorded.outputs.sarif, 'utf8')) };
    };
    const [a, b] = [await sarifOf('train:1'), await sarifOf('train:2')];
    expect(a.report).not.toBe(b.report);
    expect(a.report).toMatch(/report-train-1-[0-9a-f]{8}\.json$/);
    expect(a.sarif.runs[0].automationDetails.id).toBe('modelarts-image-check/train/');
    expect(b.sarif.runs[0].automationDetails.id).toBe('modelarts-image-check/train/');
    const prints = (sarif: { runs: { results: { partialFingerprints: object }[] }[] }) => sarif.runs[0].results.map((r) => r.partialFingerprints);
    expect(prints(a.sarif).length).toBeGreaterThan(0);
    expect(prints(b.sarif)).toEqual(prints(a.sarif));
  });
});
