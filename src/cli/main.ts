// The command-line interface: modelarts-image-check [options] IMAGE.
// Exit codes: 0 passed, 1 findings at or above --fail-on, 2 the image could not be checked.
import { Command, CommanderError, Option } from 'commander';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkImage, type KnownBase } from '../core/check-image';
import { parseClamdAddress } from '../core/scan/clamd-client';
import { describeError, escapeControl, ImageError, UsageError } from '../core/errors';
import { archiveSource, stdinSource, type ImageSource } from '../core/source/image-source';
import { resolveSettings } from '../core/settings/resolve-settings';
import { buildJsonReport } from '../report/json-report';
import { Progress } from './progress';
import { buildSarif, sarifCategoryOf } from '../report/sarif-report';
import { renderText } from '../report/text-report';
import { parseFailOn } from '../report/verdict';
import { dockerfileLines } from '../dockerfile/dockerfile-lines';
import { VERSION } from '../version';
import { registryClientFor, type RegistryAccess } from '../registry/registry-access';
import type { RegistryClient } from '../registry/registry-client';
import { isRegistryReference, parseRegistryReference } from '../registry/registry-reference';
import { registryBase, registrySource, resolveRegistryImage } from '../registry/registry-source';

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
    .argument(
      '<IMAGE>',
      'docker://HOST/NAME[:TAG][@DIGEST] (an image in a registry), docker-archive:PATH, oci-archive:PATH, a path to an archive (plain, gzip or zstd), - for an archive on standard input, or (with a Docker daemon) docker-daemon:REF / an image reference'
    )
    .option('-b, --base <IMAGE>', 'the ModelArts base image the image was built on (same forms as IMAGE); without it the base is guessed from the history')
    .addOption(
      new Option(
        '--profile <name>',
        "which ModelArts specification: auto (from the base image's users), legacy (old-version training: work, UID 1101, 9.5 GB) or current (new-version training: ma-user, UID 1000, 30 GB)"
      )
        .choices(['auto', 'legacy', 'current'])
        .default(undefined, 'auto, or the config file')
    )
    .option('--max-size <size>', 'largest allowed uncompressed size: 9.5GB, 9.5GiB or whole bytes (default from the profile: 9.5GB legacy, 30GB current)')
    .option('--expected-uid <uid>', 'UID the default user must have (default from the profile: 1101 legacy, 1000 current)')
    .addOption(
      new Option('--arch <arch>', 'the CPU architecture the image must be built for: amd64 (CPU and GPU pools) or arm64 (Ascend pools)').choices([
        'amd64',
        'arm64',
        'x86_64',
        'aarch64'
      ])
    )
    .option('-c, --config <file>', 'configuration file (default: .modelarts-image-check.yml or .yaml in the working directory, if present)')
    .option('--ignore <rule>', 'turn a rule off (repeatable); the report lists it as off', (id: string, all: string[]) => [...all, id], [] as string[])
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif']).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(['error', 'warning', 'notice', 'never']).default('error')
    )
    .option('--dockerfile <file>', 'the Dockerfile the image was built from, to point findings at its lines (default: ./Dockerfile, if present)')
    .option('--platform <os/arch>', 'the platform to check: picked from an archive of several (default: its only one, or linux/amd64)')
    .option('--scan-limit <size>', 'bytes of each file the content scan reads at most (default: 64MiB)')
    .option('--max-uncompressed <size>', 'stop reading after this much uncompressed data; guards against decompression bombs (default: 4 x max-size)')
    .option(
      '--clamd <address>',
      'also stream every file to a ClamAV daemon: tcp://HOST:PORT or unix:PATH (detections in custom layers are malicious-code findings)'
    )
    .option(
      '--insecure-registry <host>',
      "reach this registry over plain HTTP or unverified TLS, as Docker's insecure-registries (repeatable; loopback hosts always are)",
      (host: string, all: string[]) => [...all, host],
      [] as string[]
    )
    .option('--no-progress', 'no progress bar or progress lines')
    .option('-q, --quiet', 'nothing on stderr but errors (implies --no-progress)')
    .version(VERSION, '-V, --version')
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
  const opts = cmd.opts<Record<string, string | boolean | string[] | undefined>>();
  let registries: CliRegistries | undefined;
  const option = (name: string) => (typeof opts[name] === 'string' ? (opts[name] as string) : undefined);
  try {
    const clamd = option('clamd');
    if (clamd) parseClamdAddress(clamd);
    const failOn = parseFailOn(String(opts.failOn));
    const { settings } = resolveSettings({
      profile: option('profile'),
      maxSize: option('maxSize'),
      expectedUid: option('expectedUid'),
      arch: option('arch'),
      config: option('config'),
      ignore: opts.ignore as string[],
      platform: option('platform'),
      scanLimit: option('scanLimit'),
      maxUncompressed: option('maxUncompressed'),
      cwd: io.cwd
    });
    // What can be known before the check is checked first: a long check must not end in a typo.
    const output = option('output');
    if (output) checkOutputPath(resolve(io.cwd, output));
    const dockerfilePath = option('dockerfile');
    if (dockerfilePath && !existsSync(resolve(io.cwd, dockerfilePath))) throw new UsageError(`no such Dockerfile: ${dockerfilePath}`);

    registries = { insecureHosts: opts.insecureRegistry as string[], log: opts.quiet ? undefined : stderrLog(io), clients: [] };
    const image = await openImage(cmd.args[0], io, registries, settings.platform);
    const base = opts.base ? await openBase(String(opts.base), io, registries, settings.platform) : undefined;
    const progress = opts.quiet || opts.progress === false ? undefined : new Progress(io.stderr, image.size);
    let result;
    try {
      result = await checkImage({ image, base, settings, clamd, onProgress: progress && ((b) => progress.update(b)) });
    } finally {
      progress?.stop();
    }
    const found = dockerfileLines(dockerfilePath, io.cwd, result.facts.config.history);
    const report = buildJsonReport(result, failOn, found.dockerfile ? { path: found.dockerfile, lines: found.lines } : undefined);
    let text: string;
    if (opts.format === 'json') text = JSON.stringify(report, null, 2) + '\n';
    else if (opts.format === 'sarif') {
      text =
        JSON.stringify(
          buildSarif(report, { dockerfile: found.dockerfile ?? 'Dockerfile', lines: found.lines, category: sarifCategoryOf(cmd.args[0]) }),
          null,
          2
        ) + '\n';
    } else text = renderText(report, !output && !!io.stdout.isTTY && !process.env.NO_COLOR);
    if (output) writeOutput(resolve(io.cwd, output), text);
    else io.stdout.write(text);
    return report.summary.passed ? 0 : 1;
  } catch (err) {
    io.stderr.write(`modelarts-image-check: ${describeError(err)}\n`);
    if (!(err instanceof ImageError || err instanceof UsageError) && process.env.MODELARTS_IMAGE_CHECK_DEBUG)
      io.stderr.write(String((err as Error).stack) + '\n');
    return 2;
  } finally {
    // Their connections are kept alive for the next blob; the program must not wait on them.
    for (const client of registries?.clients ?? []) client.close();
  }
}

/** How the registries of docker:// references are reached, and the clients opened for them. */
interface CliRegistries extends RegistryAccess {
  clients: RegistryClient[];
}

/** The report can be written there: an existing directory holds it, and it is no directory itself. */
function checkOutputPath(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) throw new UsageError(`cannot write the report to ${path}: the directory ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`cannot write the report to ${path}: ${dir} is not a directory`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`cannot write the report to ${path}: it is a directory (name a file)`);
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new UsageError(`cannot write the report to ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/**
 * Whether IMAGE names an image in the daemon: docker-daemon:REF, or a name that is neither an
 * existing file nor one that looks like a file (a path, an archive's extension), so that a
 * mistyped archive name says "no such file" instead of reaching for a registry.
 */
const inDaemon = (ref: string, io: CliIo) =>
  ref.startsWith('docker-daemon:') ||
  (!/^(docker|oci)-archive:/.test(ref) && ref !== '-' && !existsSync(ref) && !looksLikeFile(ref) && io.openReference !== undefined);

function looksLikeFile(ref: string): boolean {
  return /^(\.{0,2}\/|~)/.test(ref) || /\.(tar|tgz|tar\.gz|tar\.zst|tzst|gz|zst|oci)$/i.test(ref);
}

/** A base in the daemon or a registry is known by its layer list alone: no docker save of it, no layer fetched. */
async function openBase(ref: string, io: CliIo, registries: CliRegistries, platform: string | undefined): Promise<ImageSource | KnownBase> {
  if (isRegistryReference(ref)) return registryBase(await fromRegistry(ref, registries, platform).then((r) => r.image));
  if (io.inspectReference && inDaemon(ref, io)) return io.inspectReference(ref.replace(/^docker-daemon:/, ''));
  return openImage(ref, io, registries, platform);
}

async function fromRegistry(text: string, registries: CliRegistries, platform: string | undefined) {
  const ref = parseRegistryReference(text);
  // One client per registry: an image and its base there share its login and its challenge.
  let client = registries.clients.find((c) => c.host === ref.host);
  if (!client) {
    client = await registryClientFor(ref, registries);
    registries.clients.push(client);
  }
  return { client, image: await resolveRegistryImage(client, ref, platform) };
}

function stderrLog(io: CliIo) {
  return { info: (line: string) => void io.stderr.write(`${line}\n`), warning: (line: string) => void io.stderr.write(`warning: ${escapeControl(line)}\n`) };
}

async function openImage(ref: string, io: CliIo, registries: CliRegistries, platform: string | undefined): Promise<ImageSource> {
  if (isRegistryReference(ref)) {
    const { client, image } = await fromRegistry(ref, registries, platform);
    return registrySource(client, image);
  }
  const daemon = inDaemon(ref, io);
  if (daemon && io.openReference) return io.openReference(ref.replace(/^docker-daemon:/, ''));
  if (daemon) throw new UsageError('docker-daemon: references need a Docker daemon; save the image first (docker save -o image.tar IMAGE)');
  if (ref === '-') return stdinSource();
  return archiveSource(ref);
}
