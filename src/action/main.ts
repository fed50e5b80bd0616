// The GitHub Action: pull through the daemon, stream `docker save` of the exact image ID into
// the validator core, annotate the Dockerfile, write the job summary, and push to SWR only
// when the image passed (the push gate). Everything below this file knows nothing about GitHub.
// The daemon and the credential lookup are parameters of run(), so that the push gate is
// tested without Docker (__tests__/action/main.test.ts).
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseInputs, SECRET_INPUTS, type Inputs } from './inputs';
import { checkImage } from '../core/check-image';
import { describeError } from '../core/errors';
import { count } from '../core/text/plural';
import { resolveSettings } from '../core/settings/resolve-settings';
import { dockerfileLines } from '../dockerfile/dockerfile-lines';
import { formatSize } from '../core/settings/settings';
import { openDaemon, type Daemon, type Log } from '../docker/daemon';
import { credentialsFor, registryOf, swrLogin, type ExplicitCredentials, type RegistryAuth } from '../docker/registry-auth';
import { buildAnnotations } from '../report/annotations';
import { buildJsonReport } from '../report/json-report';
import { renderSummary, type SummaryExtras } from '../report/job-summary';
import { buildSarif } from '../report/sarif-report';

const log: Log = { info: (l) => core.info(l), warning: (l) => core.warning(l) };

async function group<T>(name: string, timings: { phase: string; ms: number }[], work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  core.startGroup(name);
  try {
    return await work();
  } finally {
    const ms = Date.now() - start;
    timings.push({ phase: name, ms });
    core.info(`${name}: ${(ms / 1000).toFixed(1)} s`);
    core.endGroup();
  }
}

function maskSecrets(): void {
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name);
    if (value) core.setSecret(value);
  }
  const ak = core.getInput('huaweicloud-ak');
  const sk = core.getInput('huaweicloud-sk');
  const region = core.getInput('swr-region');
  if (ak && sk && region) core.setSecret(swrLogin(ak.trim(), sk.trim(), region.trim()).password);
}

/** What the action uses outside itself: the Docker daemon, and the credentials for a registry. */
export interface Services {
  openDaemon(): Promise<Daemon>;
  credentialsFor(registry: string, explicit: ExplicitCredentials): Promise<RegistryAuth | undefined>;
}

const REAL: Services = { openDaemon, credentialsFor: (registry, explicit) => credentialsFor(registry, explicit) };

export async function run(services: Services = REAL): Promise<void> {
  try {
    maskSecrets();
    core.setOutput('passed', 'false');
    core.setOutput('pushed', 'false');
    const inputs = parseInputs((name) => core.getInput(name));
    await check(inputs, services);
  } catch (err) {
    core.setFailed(`The image could not be checked: ${describeError(err)}`);
  }
}

async function check(inputs: Inputs, services: Services): Promise<void> {
  const timings: { phase: string; ms: number }[] = [];
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const { settings } = resolveSettings({
    profile: inputs.profile,
    arch: inputs.arch,
    maxSize: inputs.maxSize,
    expectedUid: inputs.expectedUid,
    config: inputs.config && resolve(workspace, inputs.config),
    cwd: workspace
  });
  const explicit = {
    username: inputs.registryUsername,
    password: inputs.registryPassword,
    ak: inputs.huaweicloudAk,
    sk: inputs.huaweicloudSk,
    region: inputs.swrRegion
  };
  const auth = async (ref: string) => {
    const found = await services.credentialsFor(registryOf(ref), explicit);
    if (found) core.setSecret(found.password);
    return found;
  };

  const daemon = await services.openDaemon();
  const image = await group(`Pull ${inputs.image}`, timings, async () => daemon.ensureImage(inputs.image, inputs.pull, await auth(inputs.image), log));
  const base = inputs.baseImage
    ? await group(`Pull base ${inputs.baseImage}`, timings, async () => daemon.ensureImage(inputs.baseImage!, inputs.pull, await auth(inputs.baseImage!), log))
    : undefined;

  const result = await group('Check', timings, async () => {
    let lastLog = Date.now();
    return checkImage({
      image: daemon.imageSource(image, inputs.image),
      base: base && { name: inputs.baseImage!, id: base.id, diffIds: base.diffIds },
      settings,
      onProgress: (bytes) => {
        if (Date.now() - lastLog < 5000) return;
        lastLog = Date.now();
        core.info(`read ${formatSize(bytes)} of about ${formatSize(image.size)}`);
      }
    });
  });

  const report = buildJsonReport(result, inputs.failOn);
  const outDir = join(process.env.RUNNER_TEMP || join(workspace, '.modelarts-image-check'), 'modelarts-image-check');
  mkdirSync(outDir, { recursive: true });
  const reportPath = join(outDir, 'report.json');
  writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');

  const { dockerfile, lines, missing } = dockerfileLines(inputs.dockerfile, workspace, result.facts.config.history);
  if (missing) core.warning(`The dockerfile input names ${inputs.dockerfile}, which does not exist: annotations will not point at Dockerfile lines.`);
  if (inputs.sarifFile) {
    const sarifPath = resolve(workspace, inputs.sarifFile);
    mkdirSync(dirname(sarifPath), { recursive: true });
    writeFileSync(sarifPath, JSON.stringify(buildSarif(report, { dockerfile: dockerfile ?? 'Dockerfile', lines }), null, 2) + '\n');
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

  const extras: SummaryExtras = { reportPath, extraTimings: timings.filter((t) => t.phase !== 'Check') };
  if (!s.passed) {
    if (inputs.push) extras.push = { pushed: [], skipped: 'the image did not pass the check' };
    await writeSummary(report, extras);
    core.setFailed(
      `ModelArts would reject ${inputs.image}: ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')} (fail-on: ${inputs.failOn}).${inputs.push ? ' Nothing was pushed.' : ''}`
    );
    return;
  }
  if (inputs.push) {
    const pushed: { target: string; digest: string }[] = [];
    extras.push = { pushed };
    try {
      for (const target of inputs.pushImages) {
        const digest = await group(`Push ${target}`, timings, async () => daemon.pushImage(image.id, target, await auth(target), log));
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

async function writeSummary(report: ReturnType<typeof buildJsonReport>, extras: SummaryExtras): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(renderSummary(report, extras)).write();
}
