// The GitHub Action: find the image (through the daemon, or an archive in the workspace), stream
// it into the validator core, annotate the Dockerfile, write the job summary, and push to SWR
// only when the image passed (the push gate). Everything below this file knows nothing about
// GitHub. The daemon and the credential lookup are parameters of run(), so that the push gate
// is tested without Docker (__tests__/action/main.test.ts).
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseInputs, SECRET_INPUTS, type ImageInput, type Inputs } from './inputs';
import { checkImage, type KnownBase } from '../core/check-image';
import { describeError, UsageError } from '../core/errors';
import { count } from '../core/text/plural';
import { resolveSettings } from '../core/settings/resolve-settings';
import { archiveSource, type ImageSource } from '../core/source/image-source';
import { dockerfileLines } from '../dockerfile/dockerfile-lines';
import { formatSize } from '../core/settings/settings';
import { openDaemon, type Daemon, type ImageInfo, type Log } from '../docker/daemon';
import { credentialsFor, registryOf, secretsOf, swrLogin, swrRegionOf, type CredentialSources, type RegistryAuth } from '../docker/registry-auth';
import { buildAnnotations } from '../report/annotations';
import { buildJsonReport } from '../report/json-report';
import { renderSummary, type SummaryExtras } from '../report/job-summary';
import { buildSarif } from '../report/sarif-report';
import { RegistryClient, type RegistryClientOptions } from '../registry/registry-client';
import { clientOptions } from '../registry/registry-access';
import { parseRegistryReference } from '../registry/registry-reference';
import { registryBase, registrySource, resolveRegistryImage, type RegistryImage } from '../registry/registry-source';
import { promote } from '../registry/promote';
import { normalizeArch } from '../core/settings/settings';

const log: Log = { info: (l) => core.info(l), warning: (l) => core.warning(l) };

type Timings = { phase: string; ms: number }[];

/** Runs `work` in a log group titled `title`; its time goes into the summary as `phase(result)`. */
async function group<T>(title: string, timings: Timings, work: () => Promise<T>, phase: (result: T) => string = () => title): Promise<T> {
  const start = Date.now();
  core.startGroup(title);
  let name = title;
  try {
    const result = await work();
    name = phase(result);
    return result;
  } finally {
    const ms = Date.now() - start;
    timings.push({ phase: name, ms });
    core.info(`${name}: ${(ms / 1000).toFixed(1)} s`);
    core.endGroup();
  }
}

/** Every credential input, and the SWR passwords derived from the keys, are masked before anything is logged. */
function maskSecrets(): void {
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name).trim();
    if (value) core.setSecret(value);
  }
  const [ak, sk] = [core.getInput('huaweicloud-ak').trim(), core.getInput('huaweicloud-sk').trim()];
  if (!ak || !sk) return;
  const targets = core.getInput('push-image').split(/[\n,]/);
  const regions = new Set([core.getInput('swr-region').trim(), ...targets.map((t) => swrRegionOf(registryOf(t.trim())) ?? '')]);
  for (const region of regions) if (region) core.setSecret(swrLogin(ak, sk, region).password);
}

/** What the action uses outside itself: the Docker daemon, the credentials for a registry, and registries themselves. */
export interface Services {
  openDaemon(): Promise<Daemon>;
  credentialsFor(registry: string, sources: CredentialSources): Promise<RegistryAuth | undefined>;
  registryClient(host: string, options: RegistryClientOptions): RegistryClient;
}

const REAL: Services = {
  openDaemon,
  credentialsFor: (registry, sources) => credentialsFor(registry, sources),
  registryClient: (host, options) => new RegistryClient(host, options)
};

export async function run(services: Services = REAL): Promise<void> {
  try {
    maskSecrets();
    core.setOutput('passed', 'false');
    core.setOutput('pushed', 'false');
    const inputs = parseInputs((name) => core.getInput(name));
    for (const notice of inputs.notices) core.notice(notice);
    await check(inputs, services);
  } catch (err) {
    core.setFailed(`The image could not be checked: ${describeError(err)}`);
  }
}

async function check(inputs: Inputs, services: Services): Promise<void> {
  const timings: Timings = [];
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const { settings } = resolveSettings({
    profile: inputs.profile,
    arch: inputs.arch,
    maxSize: inputs.maxSize,
    expectedUid: inputs.expectedUid,
    config: inputs.config && resolve(workspace, inputs.config),
    cwd: workspace
  });
  const auth = async (ref: string) => {
    const found = await services.credentialsFor(registryOf(ref), inputs.credentials);
    if (found) for (const secret of secretsOf(found)) core.setSecret(secret);
    return found;
  };
  // A push needs credentials for every target: found out now, not after a long check.
  const pushAuth = new Map<string, RegistryAuth>();
  if (inputs.push) {
    for (const target of inputs.pushImages) {
      const found = await auth(target);
      if (!found) throw new UsageError(missingCredentials(target));
      pushAuth.set(target, found);
    }
  }

  let daemon: Promise<Daemon> | undefined;
  const theDaemon = () => (daemon ??= services.openDaemon());
  /** An image in the daemon, pulled by the pull policy (the archive inputs need no daemon). */
  const inDaemon = async (ref: string, what: string): Promise<{ daemon: Daemon; info: ImageInfo }> => {
    const d = await theDaemon();
    const title = `${inputs.pull === 'always' ? 'Pull' : 'Inspect'} ${what}${inputs.pull === 'missing' ? ', pulling it if missing' : ''}`;
    const info = await group(
      title,
      timings,
      () => d.ensureImage(ref, inputs.pull, () => auth(ref), log),
      (found) => `${found.pulled ? 'Pull' : 'Inspect'} ${what}`
    );
    return { daemon: d, info };
  };
  const fromArchive = (input: Extract<ImageInput, { kind: 'archive' }>) => {
    const colon = input.spec.indexOf(':');
    return archiveSource(`${input.spec.slice(0, colon)}:${resolve(workspace, input.spec.slice(colon + 1))}`);
  };
  /** An image in a registry (docker://): its manifest and config fetched, its layers streamed by the check. */
  const clients: RegistryClient[] = [];
  const inRegistry = async (input: Extract<ImageInput, { kind: 'registry' }>, what: string) => {
    const found = await services.credentialsFor(input.ref.registry, inputs.credentials);
    if (found) for (const secret of secretsOf(found)) core.setSecret(secret);
    const client = services.registryClient(input.ref.host, clientOptions(found, { insecureHosts: inputs.insecureRegistries, log }));
    clients.push(client);
    const image = await group(`Read the manifest of ${what}`, timings, () =>
      resolveRegistryImage(client, input.ref, inputs.arch && `linux/${normalizeArch(inputs.arch)}`)
    );
    return { client, image };
  };
  try {
    await checkAndPush(inputs, services, { workspace, settings, timings, pushAuth, inDaemon, inRegistry, fromArchive });
  } finally {
    for (const client of clients) client.close();
  }
}

/** What check() found out before the image is read: settings, push credentials, and how to reach each kind of image. */
interface CheckContext {
  workspace: string;
  settings: ReturnType<typeof resolveSettings>['settings'];
  timings: Timings;
  pushAuth: Map<string, RegistryAuth>;
  inDaemon(ref: string, what: string): Promise<{ daemon: Daemon; info: ImageInfo }>;
  inRegistry(input: Extract<ImageInput, { kind: 'registry' }>, what: string): Promise<{ client: RegistryClient; image: RegistryImage }>;
  fromArchive(input: Extract<ImageInput, { kind: 'archive' }>): ImageSource;
}

async function checkAndPush(inputs: Inputs, services: Services, context: CheckContext): Promise<void> {
  const { workspace, settings, timings, pushAuth, inDaemon, inRegistry, fromArchive } = context;
  const label = imageLabel(inputs.image);
  const found = inputs.image.kind === 'daemon' ? await inDaemon(inputs.image.ref, inputs.image.ref) : undefined;
  const registry = inputs.image.kind === 'registry' ? await inRegistry(inputs.image, label) : undefined;
  const imageSource = found
    ? found.daemon.imageSource(found.info, label)
    : registry
      ? registrySource(registry.client, registry.image)
      : fromArchive(inputs.image as Extract<ImageInput, { kind: 'archive' }>);
  // A base in the daemon or a registry is known by its layer list alone: no docker save of it, no layer fetched.
  const given = inputs.baseImage;
  let baseSource: ImageSource | KnownBase | undefined;
  if (given?.kind === 'daemon') {
    const base = await inDaemon(given.ref, `base ${given.ref}`);
    baseSource = { name: given.ref, id: base.info.id, diffIds: base.info.diffIds };
  } else if (given?.kind === 'registry') baseSource = registryBase((await inRegistry(given, `base ${given.text}`)).image);
  else if (given) baseSource = fromArchive(given);

  const result = await group(inputs.image.kind === 'archive' ? 'Read and check' : 'Check', timings, async () => {
    let lastLog = Date.now();
    return checkImage({
      image: imageSource,
      base: baseSource,
      settings,
      onProgress: (bytes) => {
        if (Date.now() - lastLog < 5000) return;
        lastLog = Date.now();
        core.info(`read ${formatSize(bytes)}${imageSource.size ? ` of about ${formatSize(imageSource.size)}` : ''}`);
      }
    });
  });

  const { dockerfile, lines, missing } = dockerfileLines(inputs.dockerfile, workspace, result.facts.config.history);
  if (missing) core.warning(`The dockerfile input names ${inputs.dockerfile}, which does not exist: annotations will not point at Dockerfile lines.`);
  const report = buildJsonReport(result, inputs.failOn, dockerfile ? { path: dockerfile, lines } : undefined);
  const outDir = join(process.env.RUNNER_TEMP || join(workspace, '.modelarts-image-check'), 'modelarts-image-check');
  mkdirSync(outDir, { recursive: true });
  // One report per image: a matrix of images in one job must not overwrite one file.
  const reportPath = join(outDir, `report-${fileSlug(imageLabel(inputs.image))}.json`);
  writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');

  if (inputs.sarifFile) {
    const sarifPath = resolve(workspace, inputs.sarifFile);
    mkdirSync(dirname(sarifPath), { recursive: true });
    writeFileSync(
      sarifPath,
      JSON.stringify(buildSarif(report, { dockerfile: dockerfile ?? 'Dockerfile', lines, category: inputs.sarifCategory }), null, 2) + '\n'
    );
    core.setOutput('sarif', sarifPath);
  }
  for (const a of buildAnnotations(report.findings, lines, dockerfile)) {
    const props = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }

  const s = report.summary;
  core.setOutput('passed', String(s.passed));
  core.setOutput('errors', String(s.errors));
  core.setOutput('warnings', String(s.warnings));
  core.setOutput('report', reportPath);

  const extras: SummaryExtras = { reportPath, extraTimings: timings.filter((t) => t.phase !== 'Check' && t.phase !== 'Read and check') };
  if (!s.passed) {
    if (inputs.push) extras.push = { pushed: [], skipped: 'the image did not pass the check' };
    await writeSummary(report, extras);
    core.setFailed(
      `ModelArts would reject ${label}: ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')} (fail-on: ${inputs.failOn}).${inputs.push ? ' Nothing was pushed.' : ''}`
    );
    return;
  }
  if (inputs.push && (found || registry)) {
    const pushed: { target: string; digest: string }[] = [];
    extras.push = { pushed };
    // From a daemon, the checked image ID is tagged and pushed; from a registry, the checked
    // manifest is promoted, registry to registry, with no daemon.
    const pushOne = found
      ? (target: string) => found.daemon.pushImage(found.info.id, target, pushAuth.get(target), log)
      : (target: string) => {
          const ref = parseRegistryReference(`docker://${target}`);
          const client = services.registryClient(ref.host, clientOptions(pushAuth.get(target), { insecureHosts: inputs.insecureRegistries, log }));
          return promote(registry!.client, registry!.image, { client, ref }, log).finally(() => client.close());
        };
    try {
      for (const target of inputs.pushImages) {
        const digest = await group(`${found ? 'Push' : 'Promote to'} ${target}`, timings, () => pushOne(target));
        pushed.push({ target, digest });
        core.setOutput('digest', digest);
      }
      core.setOutput('pushed', 'true');
    } catch (err) {
      extras.push.skipped = `push failed: ${describeError(err)}`;
      await writeSummary(report, extras);
      core.setFailed(`The image passed the check, but pushing it failed: ${describeError(err)}`);
      return;
    }
  }
  await writeSummary(report, extras);
}

function imageLabel(input: ImageInput): string {
  return input.kind === 'daemon' ? input.ref : input.kind === 'registry' ? input.text : input.spec;
}

/** A file name part for an image: readable, and distinct for distinct images. */
function fileSlug(label: string): string {
  const readable = label
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(-60);
  return `${readable}-${createHash('sha256').update(label).digest('hex').slice(0, 8)}`;
}

/** What to set for a push target that has no credentials. */
function missingCredentials(target: string): string {
  const host = registryOf(target);
  const swr = swrRegionOf(host) !== undefined ? ` or huaweicloud-ak and huaweicloud-sk (SWR's long-term login for ${host})` : '';
  return `push is true, but there are no credentials for ${host} (push-image ${target}): set registry-username and registry-password (with registry: ${host} when push-image names several registries)${swr}, or run docker login ${host} in an earlier step. On a pull request from a fork, secrets are empty: push only on your own branches (push: \${{ github.event_name == 'push' }}).`;
}

async function writeSummary(report: ReturnType<typeof buildJsonReport>, extras: SummaryExtras): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(renderSummary(report, extras)).write();
}
