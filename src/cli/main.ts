// The command-line interface: modelarts-image-check [options] IMAGE.
// Exit codes: 0 passed, 1 findings at or above --fail-on, 2 the image could not be checked.
import { Command, CommanderError, Option } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { checkImage, type KnownBase } from '../core/check-image';
import { parseClamdAddress } from '../core/scan/clamd-client';
import { describeError, ImageError, UsageError } from '../core/errors';
import { archiveSource, type ImageSource } from '../core/source/image-source';
import { resolveSettings } from '../core/settings/resolve-settings';
import { buildJsonReport } from '../report/json-report';
import { Progress } from './progress';
import { buildSarif, sarifCategoryOf } from '../report/sarif-report';
import { renderText } from '../report/text-report';
import { parseFailOn } from '../report/verdict';
import { dockerfileLines } from '../dockerfile/dockerfile-lines';
import { VERSION } from '../version';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  /** Opens image references that are not archives (the daemon); absent: archives only. */
  openReference?: (ref: string) => Promise<ImageSource>;
  /** A base image in the daemon: only its layer list is needed (no docker save). */
  inspectReference?: (ref: string) => Promise<KnownBase>;
}

function program(): Command {
  return new Command('modelarts-image-check')
    .description('Check a Docker image against the Huawei Cloud ModelArts custom training image specification.')
    .argument('<IMAGE>', 'docker-archive:PATH, oci-archive:PATH, a path to an archive, or (with a Docker daemon) docker-daemon:REF / an image reference')
    .option('--base <IMAGE>', 'the ModelArts base image the image was built on (same forms as IMAGE); without it the base is guessed from the history')
    .addOption(
      new Option(
        '--profile <name>',
        "which ModelArts specification: auto (from the base image's users), legacy (old-version training: work, UID 1101, 9.5 GB) or current (new-version training: ma-user, UID 1000, 30 GB)"
      )
        .choices(['auto', 'legacy', 'current'])
        .default(undefined, 'auto, or the config file')
    )
    .option('--max-size <size>', 'largest allowed uncompressed size: 9.5GB, 9.5GiB or bytes (default from the profile: 9.5GB legacy, 30GB current)')
    .option('--expected-uid <uid>', 'UID the default user must have (default from the profile: 1101 legacy, 1000 current)')
    .addOption(
      new Option('--arch <arch>', 'the CPU architecture the image must be built for: amd64 (CPU and GPU pools) or arm64 (Ascend pools)').choices([
        'amd64',
        'arm64',
        'x86_64',
        'aarch64'
      ])
    )
    .option('--config <file>', 'configuration file (default: .modelarts-image-check.yml in the working directory, if present)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--output <file>', 'write the report to this file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(['error', 'warning', 'notice', 'never']).default('error')
    )
    .option('--dockerfile <file>', 'the Dockerfile the image was built from, to point findings at its lines (SARIF)')
    .option('--platform <os/arch>', 'platform to pick from a multi-platform OCI archive (default: linux/amd64)')
    .option('--scan-limit <size>', 'bytes of each file the content scan reads at most (default: 64MiB)')
    .option('--max-uncompressed <size>', 'stop reading after this much uncompressed data; guards against decompression bombs (default: 4 x max-size)')
    .option(
      '--clamd <address>',
      'also stream every file to a ClamAV daemon: tcp://HOST:PORT or unix:PATH (detections in custom layers are malicious-code findings)'
    )
    .option('-q, --quiet', 'no progress output')
    .version(VERSION)
    .showHelpAfterError(false)
    .exitOverride();
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const cmd = program();
  cmd.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: () => undefined });
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return 0;
      io.stderr.write(`modelarts-image-check: ${err.message.replace(/^error: /, '')} (see --help)\n`);
      return 2;
    }
    throw err;
  }
  const opts = cmd.opts<Record<string, string | boolean | undefined>>();
  try {
    if (opts.clamd) parseClamdAddress(String(opts.clamd));
    const failOn = parseFailOn(String(opts.failOn));
    const { settings } = resolveSettings({
      profile: opts.profile as string | undefined,
      maxSize: opts.maxSize as string | undefined,
      expectedUid: opts.expectedUid as string | undefined,
      arch: opts.arch as string | undefined,
      config: opts.config as string | undefined,
      platform: opts.platform as string | undefined,
      scanLimit: opts.scanLimit as string | undefined,
      maxUncompressed: opts.maxUncompressed as string | undefined,
      cwd: io.cwd
    });
    const image = await openImage(cmd.args[0], io);
    const base = opts.base ? await openBase(String(opts.base), io) : undefined;
    const progress = opts.quiet ? undefined : new Progress(io.stderr, image.size);
    let result;
    try {
      result = await checkImage({ image, base, settings, clamd: opts.clamd as string | undefined, onProgress: progress && ((b) => progress.update(b)) });
    } finally {
      progress?.stop();
    }
    const report = buildJsonReport(result, failOn);
    let output: string;
    if (opts.format === 'json') output = JSON.stringify(report, null, 2) + '\n';
    else if (opts.format === 'sarif') {
      const found = dockerfileLines(opts.dockerfile as string | undefined, io.cwd, result.facts.config.history);
      if (found.missing) throw new UsageError(`cannot read the Dockerfile ${opts.dockerfile}`);
      output =
        JSON.stringify(
          buildSarif(report, { dockerfile: found.dockerfile ?? 'Dockerfile', lines: found.lines, category: sarifCategoryOf(cmd.args[0]) }),
          null,
          2
        ) + '\n';
    } else output = renderText(report, !opts.output && !!io.stdout.isTTY && !process.env.NO_COLOR);
    if (opts.output) writeFileSync(String(opts.output), output);
    else io.stdout.write(output);
    return report.summary.passed ? 0 : 1;
  } catch (err) {
    io.stderr.write(`modelarts-image-check: ${describeError(err)}\n`);
    if (!(err instanceof ImageError || err instanceof UsageError) && process.env.MODELARTS_IMAGE_CHECK_DEBUG)
      io.stderr.write(String((err as Error).stack) + '\n');
    return 2;
  }
}

const inDaemon = (ref: string, io: CliIo) =>
  ref.startsWith('docker-daemon:') || (!/^(docker|oci)-archive:/.test(ref) && !existsSync(ref) && io.openReference !== undefined);

/** A base in the daemon is known by its layer list alone: no docker save of it. */
async function openBase(ref: string, io: CliIo): Promise<ImageSource | KnownBase> {
  if (io.inspectReference && inDaemon(ref, io)) return io.inspectReference(ref.replace(/^docker-daemon:/, ''));
  return openImage(ref, io);
}

async function openImage(ref: string, io: CliIo): Promise<ImageSource> {
  const daemon = inDaemon(ref, io);
  if (daemon && io.openReference) return io.openReference(ref.replace(/^docker-daemon:/, ''));
  if (daemon) throw new UsageError('docker-daemon: references need a Docker daemon; save the image first (docker save -o image.tar IMAGE)');
  return archiveSource(ref);
}
