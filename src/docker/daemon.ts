// Everything the action asks of the Docker daemon: connect, inspect, pull, save, tag and push.
// Pull and push progress arrives as a JSON stream whose HTTP status is 200 even when the
// operation failed: every event is inspected, and an `error` event is a failure.
import type { Readable } from 'node:stream';
import Docker from 'dockerode';
import { responseChunks } from './response-chunks';
import { DEFAULT_STALL_MS, saveChunks, type SaveEndpoint } from './save-stream';
import { ImageError, UsageError } from '../core/errors';
import type { ImageSource } from '../core/source/image-source';
import type { RegistryAuth } from './registry-auth';
import { envMs } from '../time-limits';

export interface Log {
  info(line: string): void;
  warning(line: string): void;
}

export interface ImageInfo {
  id: string;
  size: number;
  repoTags: string[];
  diffIds: string[];
  /** Set by ensureImage: whether it had to pull the image. */
  pulled?: boolean;
}

/**
 * Runs a short request (ping, inspect, tag) that may go unanswered for `defaultMs` at most. It
 * is aborted then, not only given up on: a request left waiting would keep the process alive
 * after the error.
 */
async function withinTime<T>(defaultMs: number, request: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  const ms = envMs('MODELARTS_IMAGE_CHECK_DAEMON_TIMEOUT_SECONDS') ?? defaultMs;
  const abortSignal = AbortSignal.timeout(ms);
  try {
    return await request(abortSignal);
  } catch (err) {
    throw abortSignal.aborted ? new Error(`no answer within ${ms / 1000} s`) : err;
  }
}

export async function connectDaemon(timeoutMs = 15000): Promise<Docker> {
  // Every request dockerode makes is dropped after this long without a byte (docker-modem's
  // socket timeout), unless DOCKER_CLIENT_TIMEOUT sets it: over TLS or SSH, `docker save` goes
  // through dockerode, and a connection that goes quiet must not hold the job forever.
  const docker = new Docker(process.env.DOCKER_CLIENT_TIMEOUT ? {} : { timeout: saveStallMs() ?? DEFAULT_STALL_MS });
  // For an ssh:// host docker-modem builds each request's URL with url.parse from an address
  // that is no URL, and Node prints a deprecation warning (DEP0170) that users can do nothing
  // about: the requests go through the SSH tunnel, not to that URL.
  if ((docker.modem as unknown as ModemSettings).protocol === 'ssh') process.noDeprecation = true;
  // A password written into the address (tcp://user:password@host) is not repeated.
  const where = (process.env.DOCKER_HOST || 'unix:///var/run/docker.sock').replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
  // dockerode's ping takes an abort signal; its types do not say so.
  const pinging = docker as unknown as { ping(opts: { abortSignal: AbortSignal }): Promise<unknown> };
  try {
    await withinTime(timeoutMs, (abortSignal) => pinging.ping({ abortSignal }));
  } catch (err) {
    throw new UsageError(`cannot reach the Docker daemon at ${where}: ${shortError(err)}. Is Docker running, and is DOCKER_HOST right?`);
  }
  return docker;
}

export async function inspectImage(docker: Docker, ref: string): Promise<ImageInfo | undefined> {
  try {
    const info = await withinTime(2 * 60 * 1000, (abortSignal) => inspectRequest(docker, ref, abortSignal));
    return { id: info.Id, size: info.Size, repoTags: info.RepoTags ?? [], diffIds: info.RootFS?.Layers ?? [] };
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw new ImageError(`cannot inspect ${ref}: ${shortError(err)}`);
  }
}

/** dockerode's Image#inspect, with an abort signal (which Image#inspect does not pass on). */
function inspectRequest(docker: Docker, ref: string, abortSignal: AbortSignal): Promise<Docker.ImageInspectInfo> {
  return new Promise((resolve, reject) => {
    const request = {
      path: `/images/${ref}/json`,
      method: 'GET',
      options: {},
      abortSignal,
      statusCodes: { 200: true, 404: 'no such image', 500: 'server error' }
    };
    docker.modem.dial(request, (err: unknown, data: unknown) => (err ? reject(err) : resolve(data as Docker.ImageInspectInfo)));
  });
}

/** Makes `ref` available locally according to the pull policy and returns what it is. */
export async function ensureImage(
  docker: Docker,
  ref: string,
  policy: 'missing' | 'always' | 'never',
  auth: () => Promise<RegistryAuth | undefined>,
  log: Log
): Promise<ImageInfo> {
  let info = policy === 'always' ? undefined : await inspectImage(docker, ref);
  let pulled = false;
  if (!info && policy !== 'never' && !ref.startsWith('sha256:')) {
    // Credentials are looked up only for a pull: a credential helper may be slow, or ask.
    const authconfig = await auth();
    await retrying(`pull ${ref}`, log, async (abortSignal) => {
      const stream = await docker.pull(ref, { ...(authconfig && { authconfig }), abortSignal });
      await followProgress(docker, stream, log);
    });
    info = await inspectImage(docker, ref);
    pulled = true;
  }
  if (!info) {
    throw new ImageError(
      policy === 'never' ? `the image ${ref} is not in the local daemon and pull is "never"` : `the image ${ref} could not be found after pulling it`
    );
  }
  return { ...info, pulled };
}

/**
 * `docker save` of the exact image ID, as an image source for the validator core. The daemon
 * checks every layer against its diff_id as it exports it (moby's layer store streams a layer
 * through a digest verifier and fails the save on a mismatch; containerd's content store is
 * addressed by digest), so the validator does not hash the layers a second time: about a fifth
 * of its CPU while the daemon's own tar writer competes for the same cores. File digests and
 * the content scan are unchanged.
 */
export function daemonSource(docker: Docker, info: ImageInfo, name: string): ImageSource {
  return {
    name: `image ${name} (${info.id.slice(0, 19)})`,
    layout: 'docker-archive',
    size: info.size,
    layersVerified: true,
    repoTags: info.repoTags,
    open: () => ({
      // Read over HTTP/1.0, the save ends when the connection closes, whole or not (see
      // save-stream.ts); the daemon's archives always end with the end-of-archive marker.
      cutShortHint: "the daemon's stream ended early: did the Docker daemon stop?",
      [Symbol.asyncIterator]: async function* () {
        let bytes = 0;
        try {
          const endpoint = await saveEndpoint(docker, info.id);
          const chunks = endpoint ? saveChunks(endpoint) : responseChunks((await docker.getImage(info.id).get()) as Readable);
          for await (const chunk of chunks) {
            bytes += chunk.length;
            yield chunk;
          }
        } catch (err) {
          throw new ImageError(`docker save of ${name} broke off after ${bytes} bytes (${shortError(err)}); did the Docker daemon stop?`);
        }
      }
    })
  };
}

/**
 * Where to send `docker save` ourselves: the socket dockerode would use, when it is a Unix
 * socket or plain TCP. Over TLS or SSH the save goes through dockerode (slower, same bytes).
 */
async function saveEndpoint(docker: Docker, imageId: string): Promise<SaveEndpoint | undefined> {
  const modem = docker.modem as unknown as ModemSettings;
  // As docker-modem builds it: "/<version>/images/..." when a version is set.
  const requestPath = `${modem.version ? `/${modem.version}` : ''}/images/${encodeURIComponent(imageId)}/get`;
  if (modem.socketPath) {
    const path = await modem.getSocketPath();
    return typeof path === 'string' ? { connect: { path }, requestPath, stallMs: saveStallMs() } : undefined;
  }
  if (modem.protocol === 'http' && modem.host && Object.keys(modem.headers ?? {}).length === 0) {
    return { connect: { host: modem.host, port: Number(modem.port) || 2375 }, requestPath, stallMs: saveStallMs() };
  }
  return undefined;
}

/** The connection settings docker-modem keeps (not in dockerode's types). */
interface ModemSettings {
  socketPath?: unknown;
  getSocketPath(): Promise<unknown>;
  host?: string;
  port?: string | number;
  protocol?: string;
  version?: string;
  headers?: Record<string, string>;
}

/** Tags the validated image ID as `target` and pushes it; returns the registry digest. */
export async function pushImage(docker: Docker, imageId: string, target: string, auth: RegistryAuth | undefined, log: Log): Promise<string> {
  const { repo, tag } = splitTag(target);
  await withinTime(2 * 60 * 1000, (abortSignal) => docker.getImage(imageId).tag({ repo, tag, abortSignal } as Docker.ImageTagOptions)).catch((err: unknown) => {
    throw new ImageError(`cannot tag ${imageId} as ${target}: ${shortError(err)}`);
  });
  // What is pushed must be what was checked: the tag must still point at the validated ID.
  const tagged = await inspectImage(docker, target);
  if (tagged?.id !== imageId) throw new ImageError(`the tag ${target} no longer points at the checked image ${imageId}: not pushing`);
  let digest = '';
  await retrying(`push ${target}`, log, async (abortSignal) => {
    const stream = await docker.getImage(target).push({ ...(auth && { authconfig: auth }), abortSignal } as Docker.ImagePushOptions);
    const events = await followProgress(docker, stream, log);
    for (const e of events) {
      const d = (e.aux as { Digest?: string } | undefined)?.Digest ?? pushedDigest(e.status, tag);
      if (d) digest = d;
    }
  });
  if (!digest) throw new ImageError(`pushing ${target} finished without a digest from the registry`);
  return digest;
}

/**
 * The digest in the status line a push ends with ("TAG: digest: sha256:... size: N"). Docker 26
 * with the containerd image store sends only that line, not the aux message with the digest.
 */
function pushedDigest(status: string | undefined, tag: string): string | undefined {
  const m = /^(.+): digest: (sha256:[0-9a-f]{64}) size: \d+$/.exec(status ?? '');
  return m && m[1] === tag ? m[2] : undefined;
}

export function splitTag(reference: string): { repo: string; tag: string } {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (colon > slash) return { repo: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { repo: reference, tag: 'latest' };
}

interface ProgressEvent {
  id?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: unknown;
}

/** Follows a pull/push stream, logging one line per layer per state change. */
async function followProgress(docker: Docker, stream: NodeJS.ReadableStream, log: Log): Promise<ProgressEvent[]> {
  const lastStatus = new Map<string, string>();
  const events: ProgressEvent[] = [];
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null) => (err ? reject(err) : resolve()),
      (e: ProgressEvent) => {
        events.push(e);
        const status = e.status ?? '';
        const key = e.id ?? '';
        if (status && lastStatus.get(key) !== status) {
          lastStatus.set(key, status);
          log.info(key ? `${key}: ${status}` : status);
        }
      }
    );
  });
  const failure = events.find((e) => e.error || e.errorDetail?.message);
  if (failure) throw new RegistryError(failure.errorDetail?.message || failure.error || 'unknown error');
  return events;
}

export class RegistryError extends Error {
  override name = 'RegistryError';
}

const TRANSIENT =
  /\b(?:5\d\d|timeout|timed out|temporar|connection reset|reset by peer|EOF|TLS handshake|too many requests|429|ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|Service Unavailable|Bad Gateway|Internal Server Error)\b/i;

/** How long docker save may send nothing before it counts as stalled (save-stream's default: 30 min). */
const saveStallMs = () => envMs('MODELARTS_IMAGE_CHECK_SAVE_STALL_SECONDS');

/** How long one pull or push attempt may take (a stalled registry must not hang the job). */
const attemptTimeoutMs = () => envMs('MODELARTS_IMAGE_CHECK_REGISTRY_TIMEOUT_SECONDS') ?? 30 * 60 * 1000;

/**
 * Runs a registry operation, retrying transient failures with exponential backoff. Each
 * attempt is aborted after the attempt timeout; a timeout is not retried (the registry had
 * all that time).
 */
export async function retrying<T>(label: string, log: Log, work: (signal: AbortSignal) => Promise<T>, attempts = 4, firstDelayMs = 1000): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const timeoutMs = attemptTimeoutMs();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await work(controller.signal);
    } catch (err) {
      if (controller.signal.aborted) {
        throw new ImageError(`${label} failed: the registry did not finish within ${Math.round(timeoutMs / 1000)} s`);
      }
      const message = shortError(err);
      if (attempt >= attempts || !TRANSIENT.test(message)) {
        throw new ImageError(`${label} failed${attempt > 1 ? ` after ${attempt} attempts` : ''}: ${message}`);
      }
      const delay = firstDelayMs * 2 ** (attempt - 1);
      log.warning(`${label} failed (${message}); retrying in ${delay / 1000} s (attempt ${attempt + 1} of ${attempts})`);
      await new Promise((r) => setTimeout(r, delay));
    } finally {
      clearTimeout(timer);
    }
  }
}

function shortError(err: unknown): string {
  const e = err as { json?: { message?: string }; reason?: string; message?: string; statusCode?: number };
  const text = e?.json?.message || e?.message || String(err);
  return text
    .replace(/^\(HTTP code \d+\) [\w ]+ - /, '')
    .split('\n')[0]
    .trim();
}

/** What the action asks of the Docker daemon: a parameter of the action, so that its push gate is tested without Docker. */
export interface Daemon {
  ensureImage(ref: string, policy: 'missing' | 'always' | 'never', auth: () => Promise<RegistryAuth | undefined>, log: Log): Promise<ImageInfo>;
  imageSource(info: ImageInfo, name: string): ImageSource;
  pushImage(imageId: string, target: string, auth: RegistryAuth | undefined, log: Log): Promise<string>;
}

/** The daemon at DOCKER_HOST, connected and pinged. */
export async function openDaemon(): Promise<Daemon> {
  const docker = await connectDaemon();
  return {
    ensureImage: (ref, policy, auth, log) => ensureImage(docker, ref, policy, auth, log),
    imageSource: (info, name) => daemonSource(docker, info, name),
    pushImage: (imageId, target, auth, log) => pushImage(docker, imageId, target, auth, log)
  };
}
