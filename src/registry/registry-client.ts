// A client of the registry HTTP API (the OCI distribution spec), small and on Node's http and
// https modules: blobs are streamed to the caller as they arrive, never buffered or written
// to disk, which the libraries looked at do not offer (@snyk/docker-registry-v2-client returns a
// layer as one Buffer or writes it to a file; docker-registry-client is unmaintained).
//
// As Docker talks to registries:
//  - authentication: anonymous first; on 401 the challenge says Basic or Bearer. Bearer tokens
//    come from the challenge's realm (with the credentials, if any, as Basic, or an identity
//    token in OAuth2's refresh_token grant), one per set of repository scopes, fetched again on
//    a later 401 (expired);
//  - HTTPS with the system's CAs (NODE_EXTRA_CA_CERTS adds to them); plain HTTP and unverified
//    TLS only for loopback hosts and those named insecure (Docker's insecure-registries);
//  - a redirect to another host (blob storage behind a presigned URL) is followed without the
//    Authorization header;
//  - 429 and 5xx are retried with backoff, honouring Retry-After; a blob cut mid-stream is
//    resumed with a Range request (or fetched again where the registry ignores Range).
// Every failure is one line naming what was asked for and the HTTP status, never a credential.
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { ImageError } from '../core/errors';
import { isIP } from 'node:net';
import { httpGetChunks, HttpStatusError } from '../net/http-get-stream';
import { isLoopbackRegistry } from './registry-reference';

export interface RegistryCredentials {
  username: string;
  password: string;
  /** An OAuth refresh token (docker login's identity token): traded at the token realm for access tokens. */
  identityToken?: string;
}

export interface RegistryLog {
  info(line: string): void;
  warning(line: string): void;
}

export interface RegistryClientOptions {
  /** For this registry only; none: anonymous. */
  credentials?: RegistryCredentials;
  /** Hosts named insecure (--insecure-registry): plain HTTP and unverified TLS allowed, as for loopback. */
  insecureHosts?: readonly string[];
  log?: RegistryLog;
  /** Tries per request, the first included (4). */
  attempts?: number;
  /** The first wait before a retry (1 s), doubled each time; a Retry-After answer is honoured up to `maxWaitMs`. */
  backoffMs?: number;
  maxWaitMs?: number;
  /** A request with no answer, or a body with no bytes, for this long fails (60 s). */
  timeoutMs?: number;
}

export interface RegistryResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: http.IncomingMessage;
}

interface RequestSpec {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A path on the registry (/v2/...) or an absolute URL (an upload location). */
  path: string;
  /** The repository scopes a Bearer token must grant ("repository:NAME:pull"). */
  scopes: string[];
  headers?: Record<string, string>;
  /** A body, made afresh for each try. */
  body?: () => { length: number; chunks: AsyncIterable<Buffer> | Buffer };
  /** What is asked for, in messages ("the manifest of docker://..."). */
  what: string;
}

/** Media types a manifest may come in: OCI and Docker schema 2, images and indexes. */
export const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
];

const MAX_MANIFEST = 4 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const MAX_RESUMES = 5;

export class RegistryClient {
  /** Requests sent, tries and token requests included (the bench counts them). */
  requests = 0;
  private scheme: 'https' | 'http' = 'https';
  private schemeSettled = false;
  private challenge?: { type: 'basic' } | { type: 'bearer'; realm: string; service?: string };
  private readonly tokens = new Map<string, string>();
  /** The identity token as the token server last rotated it. */
  private refreshToken?: string;
  private readonly agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;
  private readonly timeoutMs: number;

  constructor(
    /** host[:port] of the API. */
    readonly host: string,
    private readonly options: RegistryClientOptions = {}
  ) {
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 60000;
    this.timeoutMs = options.timeoutMs ?? 60000;
  }

  /** Whether TLS may go unverified and HTTP be used for `host`. */
  private insecure(host: string): boolean {
    return isLoopbackRegistry(host) || (this.options.insecureHosts ?? []).some((h) => h.toLowerCase() === host.toLowerCase());
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** A manifest or index, read whole (they are small), checked against a digest it is asked by or its registry names. */
  async manifest(repository: string, reference: string, what: string): Promise<{ bytes: Buffer; mediaType: string; digest: string }> {
    const res = await this.request({
      method: 'GET',
      path: `/v2/${repository}/manifests/${reference}`,
      scopes: [`repository:${repository}:pull`],
      headers: { Accept: MANIFEST_TYPES.join(', ') },
      what
    });
    if (res.status !== 200) throw await statusError(res, what);
    const bytes = await readBody(res.body, MAX_MANIFEST, what);
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (reference.startsWith('sha256:') && digest !== reference) {
      throw new ImageError(`${what}: the registry answered with a manifest whose digest is ${digest}, not ${reference}`);
    }
    const named = res.headers['docker-content-digest'];
    if (typeof named === 'string' && named.startsWith('sha256:') && named !== digest) {
      throw new ImageError(`${what}: the manifest does not match the digest its registry gives (${named}; its content is ${digest})`);
    }
    let mediaType = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    try {
      mediaType = (JSON.parse(bytes.toString('utf8')) as { mediaType?: string }).mediaType ?? mediaType;
    } catch {
      throw new ImageError(`${what}: the manifest is not JSON`);
    }
    return { bytes, mediaType, digest };
  }

  /** A small blob (an image config), read whole and checked against its digest. */
  async smallBlob(repository: string, digest: string, maxBytes: number, what: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.blob(repository, digest, undefined, what)) {
      size += chunk.length;
      if (size > maxBytes) throw new ImageError(`${what} is larger than ${maxBytes} bytes`);
      chunks.push(Buffer.from(chunk)); // a chunk's buffer is reused for the next one
    }
    const bytes = Buffer.concat(chunks);
    const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (actual !== digest)
      throw new ImageError(`${what} does not match its digest (content is ${actual}): the registry's copy is damaged or was tampered with`);
    return bytes;
  }

  /**
   * A blob's bytes as they arrive. A connection that breaks mid-stream is resumed where it
   * stopped (Range), or the blob is fetched again and the bytes already handed on skipped.
   * The bytes are not checked here: the archive reader hashes every blob against its name.
   */
  async *blob(repository: string, digest: string, size: number | undefined, what: string): AsyncGenerator<Buffer> {
    let received = 0;
    // The fast way once the registry is known (a manifest came already): the body read straight
    // from its socket. Whatever it does not handle (a redirect, a login, a retry, a break) goes
    // on the general way below, from the byte reached.
    if (this.schemeSettled) {
      try {
        for await (const chunk of this.rawBlob(repository, digest)) {
          received += chunk.length;
          yield chunk;
        }
        if (size === undefined || received >= size) return;
      } catch (err) {
        if (err instanceof HttpStatusError && (err.status === 429 || err.status >= 500)) await this.wait(1, undefined, what, `HTTP ${err.status}`);
        else if (received > 0) this.options.log?.warning(`${what}: the connection broke after ${received} bytes (${describe(err)}); resuming`);
      }
    }
    for (let resumes = 0; ; resumes++) {
      const res = await this.request({
        method: 'GET',
        path: `/v2/${repository}/blobs/${digest}`,
        scopes: [`repository:${repository}:pull`],
        headers: received > 0 ? { Range: `bytes=${received}-` } : {},
        what
      });
      let skip = 0;
      if (res.status === 206 && received > 0) {
        const from = /^bytes (\d+)-/.exec(String(res.headers['content-range'] ?? ''));
        if (!from || Number(from[1]) !== received) {
          res.body.resume();
          throw new ImageError(`${what}: the registry resumed the blob at another place than asked (${res.headers['content-range'] ?? 'no Content-Range'})`);
        }
      } else if (res.status === 200) skip = received;
      else throw await statusError(res, what);
      try {
        for await (const chunk of res.body as AsyncIterable<Buffer>) {
          if (skip >= chunk.length) {
            skip -= chunk.length;
            continue;
          }
          const part = skip > 0 ? chunk.subarray(skip) : chunk;
          skip = 0;
          received += part.length;
          yield part;
        }
        if (skip > 0 || (size !== undefined && received < size)) throw Object.assign(new Error('the connection closed early'), { code: 'ECONNRESET' });
        return;
      } catch (err) {
        if (resumes >= MAX_RESUMES || !isTransient(err)) throw new ImageError(`${what}: ${describe(err)} after ${received} bytes`);
        this.options.log?.warning(`${what}: the connection broke after ${received} bytes (${describe(err)}); resuming`);
      }
    }
  }

  /** A blob's body as net/http-get-stream.ts reads it (reused buffers); any status but 200 is an HttpStatusError. */
  private async *rawBlob(repository: string, digest: string): AsyncGenerator<Buffer> {
    const scopes = [`repository:${repository}:pull`];
    const auth = await this.authorization(scopes, `the blob ${digest}`);
    const url = new URL(`/v2/${repository}/blobs/${digest}`, `${this.scheme}://${this.host}`);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const tls = url.protocol === 'https:' ? { ...(isIP(host) ? {} : { servername: host }), rejectUnauthorized: !this.insecure(this.host) } : undefined;
    this.requests++;
    yield* httpGetChunks({
      connect: { host, port: Number(url.port) || (tls ? 443 : 80), ...(tls && { tls }) },
      path: url.pathname,
      host: url.host,
      headers: auth ? { Authorization: auth } : {},
      stallMs: this.timeoutMs,
      peer: 'the registry'
    });
  }

  /** Whether the repository has the blob (HEAD). */
  async hasBlob(repository: string, digest: string, scopes: string[], what: string): Promise<boolean> {
    const res = await this.request({ method: 'HEAD', path: `/v2/${repository}/blobs/${digest}`, scopes, what });
    res.body.resume();
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw await statusError(res, what);
  }

  /**
   * Sends a request and answers what comes back, after authentication, redirects and retries
   * of transient failures; the caller reads (or drains) the body.
   */
  async request(spec: RequestSpec): Promise<RegistryResponse> {
    let url = new URL(spec.path, `${this.scheme}://${this.host}`);
    // Credentials go to this registry only: not to an upload location or a redirect elsewhere.
    let authorized = url.host === this.host;
    let authRenewed = false;
    let redirects = 0;
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = { 'User-Agent': 'modelarts-image-check', ...spec.headers };
      if (authorized) {
        const auth = await this.authorization(spec.scopes, spec.what);
        if (auth) headers.Authorization = auth;
      }
      let res: http.IncomingMessage;
      try {
        res = await this.send(url, spec.method, headers, spec.body?.());
      } catch (err) {
        // Loopback and insecure registries may speak plain HTTP: Docker tries it after HTTPS fails.
        if (!this.schemeSettled && url.host === this.host && url.protocol === 'https:' && this.insecure(this.host) && isTlsMismatch(err)) {
          this.scheme = 'http';
          this.schemeSettled = true;
          url = new URL(url.pathname + url.search, `http://${this.host}`);
          attempt--;
          continue;
        }
        if (attempt < this.attempts && isTransient(err)) {
          await this.wait(attempt, undefined, spec.what, describe(err));
          continue;
        }
        if (isUntrustedCertificate(err)) throw untrustedCertificate(spec.what, url.host, err);
        throw new ImageError(`${spec.what}: ${describe(err)}${attempt > 1 ? ` (after ${attempt} tries)` : ''}`);
      }
      if (url.host === this.host) this.schemeSettled = true;
      const status = res.statusCode ?? 0;
      if (status === 401 && authorized && !authRenewed) {
        authRenewed = true;
        const challenge = res.headers['www-authenticate'];
        res.resume();
        this.learnChallenge(typeof challenge === 'string' ? challenge : undefined, spec.what);
        this.tokens.delete(scopeKey(spec.scopes));
        attempt--;
        continue;
      }
      if ([301, 302, 303, 307, 308].includes(status) && res.headers.location && redirects < MAX_REDIRECTS) {
        res.resume();
        redirects++;
        const next = new URL(res.headers.location, url);
        // Credentials stay with their registry: a presigned URL elsewhere needs none.
        if (next.host !== url.host) authorized = false;
        url = next;
        attempt--;
        continue;
      }
      if ((status === 429 || status >= 500) && attempt < this.attempts) {
        const retryAfter = res.headers['retry-after'];
        res.resume();
        await this.wait(attempt, typeof retryAfter === 'string' ? retryAfter : undefined, spec.what, `HTTP ${status}`);
        continue;
      }
      return { status, headers: res.headers, body: res };
    }
  }

  private async wait(attempt: number, retryAfter: string | undefined, what: string, why: string): Promise<void> {
    let ms = this.backoffMs * 2 ** (attempt - 1);
    if (retryAfter !== undefined) {
      const seconds = Number(retryAfter);
      const at = Date.parse(retryAfter);
      if (Number.isFinite(seconds)) ms = seconds * 1000;
      else if (Number.isFinite(at)) ms = at - Date.now();
    }
    ms = Math.max(0, Math.min(ms, this.maxWaitMs));
    this.options.log?.warning(`${what}: ${why}; trying again in ${(ms / 1000).toFixed(1)} s`);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  private send(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body?: { length: number; chunks: AsyncIterable<Buffer> | Buffer }
  ): Promise<http.IncomingMessage> {
    this.requests++;
    const secure = url.protocol === 'https:';
    const lib = secure ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(url, {
        method,
        headers: body ? { ...headers, 'Content-Length': String(body.length) } : headers,
        agent: secure ? this.agents.https : this.agents.http,
        ...(secure && this.insecure(url.host) && { rejectUnauthorized: false }),
        timeout: this.timeoutMs
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${Math.round(this.timeoutMs / 1000)} s`), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.on('response', resolve);
      if (!body) req.end();
      else if (Buffer.isBuffer(body.chunks)) req.end(body.chunks);
      else void pipeInto(body.chunks, req).catch((err) => req.destroy(err as Error));
    });
  }

  /** The Authorization header for these scopes, once the registry has said how it authenticates. */
  private async authorization(scopes: string[], what: string): Promise<string | undefined> {
    const { credentials } = this.options;
    if (!this.challenge) return undefined;
    if (this.challenge.type === 'basic') return credentials && basic(credentials);
    const key = scopeKey(scopes);
    let token = this.tokens.get(key);
    if (!token) {
      token = await this.fetchToken(this.challenge.realm, this.challenge.service, scopes, what);
      this.tokens.set(key, token);
    }
    return `Bearer ${token}`;
  }

  private learnChallenge(header: string | undefined, what: string): void {
    const scheme = /^\s*(\w+)/.exec(header ?? '')?.[1]?.toLowerCase();
    if (scheme === 'basic') {
      const { credentials } = this.options;
      if (!credentials) throw new ImageError(`${what}: the registry needs a login (HTTP 401), and none is known for ${this.host}`);
      if (!credentials.password && credentials.identityToken) {
        throw new ImageError(`${what}: the registry asks for a password (Basic), and docker login stored only an identity token for ${this.host}`);
      }
      this.challenge = { type: 'basic' };
      return;
    }
    if (scheme === 'bearer') {
      const params = Object.fromEntries([...(header ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1].toLowerCase(), m[2]]));
      if (!params.realm) throw new ImageError(`${what}: the registry asks for a Bearer token but names no realm to get one from`);
      this.challenge = { type: 'bearer', realm: params.realm, service: params.service };
      return;
    }
    throw new ImageError(`${what}: HTTP 401, and the registry's challenge (${scheme ?? 'none'}) is not Basic or Bearer`);
  }

  /** A Bearer token from the realm for the scopes: the credentials go there as Basic, when there are any. */
  private async fetchToken(realm: string, service: string | undefined, scopes: string[], what: string): Promise<string> {
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new ImageError(`${what}: the registry's token realm "${realm}" is not a URL`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.insecure(url.host))) {
      throw new ImageError(
        `${what}: the registry's token realm ${url.origin} is not HTTPS; credentials are sent only over HTTPS, or to a loopback or insecure host`
      );
    }
    const { credentials } = this.options;
    // An identity token is traded as Docker trades it: OAuth2's refresh_token grant, POSTed.
    // Otherwise a GET with the login, if any, as Basic.
    const refreshToken = this.refreshToken ?? credentials?.identityToken;
    let form: Buffer | undefined;
    if (refreshToken) {
      const fields = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'modelarts-image-check' });
      if (service) fields.set('service', service);
      if (scopes.length > 0) fields.set('scope', scopes.join(' '));
      form = Buffer.from(fields.toString());
    } else {
      if (service) url.searchParams.set('service', service);
      for (const scope of scopes) url.searchParams.append('scope', scope);
    }
    const headers: Record<string, string> = form
      ? { 'User-Agent': 'modelarts-image-check', 'Content-Type': 'application/x-www-form-urlencoded' }
      : { 'User-Agent': 'modelarts-image-check', ...(credentials && { Authorization: basic(credentials) }) };
    for (let attempt = 1; ; attempt++) {
      let res: http.IncomingMessage;
      try {
        res = await this.send(url, form ? 'POST' : 'GET', headers, form && { length: form.length, chunks: form });
      } catch (err) {
        if (attempt < this.attempts && isTransient(err)) {
          await this.wait(attempt, undefined, `${what} (token)`, describe(err));
          continue;
        }
        if (isUntrustedCertificate(err)) throw untrustedCertificate(`${what} (token)`, url.host, err);
        throw new ImageError(`${what}: the token server ${url.origin} did not answer (${describe(err)})`);
      }
      const status = res.statusCode ?? 0;
      if ((status === 429 || status >= 500) && attempt < this.attempts) {
        res.resume();
        await this.wait(attempt, undefined, `${what} (token)`, `HTTP ${status}`);
        continue;
      }
      if (status !== 200) {
        res.resume();
        const why = form
          ? `refused the identity token docker login stored (HTTP ${status}${status === 400 || status === 401 ? ': wrong or expired; run docker login again' : ''})`
          : `refused ${credentials ? 'the login' : 'an anonymous token'} (HTTP ${status}${status === 401 ? ': wrong or missing credentials' : ''})`;
        throw new ImageError(`${what}: the token server ${url.origin} ${why}`);
      }
      const body = await readBody(res, 1024 * 1024, `${what} (token)`);
      let answer: { token?: unknown; access_token?: unknown; refresh_token?: unknown };
      try {
        answer = JSON.parse(body.toString('utf8')) as typeof answer;
      } catch {
        throw new ImageError(`${what}: the token server's answer is not JSON`);
      }
      const token = typeof answer.token === 'string' && answer.token ? answer.token : answer.access_token;
      if (typeof token !== 'string' || !token) throw new ImageError(`${what}: the token server's answer holds no token`);
      // A server may rotate the refresh token: the new one serves the next scope.
      if (form && typeof answer.refresh_token === 'string' && answer.refresh_token) this.refreshToken = answer.refresh_token;
      return token;
    }
  }
}

function basic(c: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}

function scopeKey(scopes: string[]): string {
  return [...scopes].sort().join(' ');
}

/** Sends a body whose chunks may share one reused buffer: each is written out before the next is asked for. */
async function pipeInto(chunks: AsyncIterable<Buffer>, req: http.ClientRequest): Promise<void> {
  for await (const chunk of chunks) {
    await new Promise<void>((resolve, reject) => req.write(chunk, (err) => (err ? reject(err) : resolve())));
  }
  req.end();
}

/** The body, read whole, up to `max` bytes. */
export async function readBody(body: http.IncomingMessage, max: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) {
        body.destroy();
        throw new ImageError(`${what}: the answer is larger than ${max} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof ImageError) throw err;
    throw new ImageError(`${what}: ${describe(err)}`);
  }
  return Buffer.concat(chunks);
}

/** An answer other than the one expected, as one line: the status, and the registry's own error code. */
export async function statusError(res: RegistryResponse, what: string): Promise<ImageError> {
  let detail = '';
  try {
    const body = await readBody(res.body, 64 * 1024, what);
    const errors = (JSON.parse(body.toString('utf8')) as { errors?: { code?: string; message?: string }[] }).errors;
    if (errors?.[0]) detail = `: ${[errors[0].code, errors[0].message].filter(Boolean).join(' ')}`.replace(/[\r\n]+/g, ' ').slice(0, 200);
  } catch {
    // no JSON error body
  }
  const meaning: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not found', 429: 'too many requests' };
  return new ImageError(`${what}: HTTP ${res.status}${meaning[res.status] ? ` ${meaning[res.status]}` : ''}${detail}`);
}

function isTransient(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  return (
    ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_STREAM_PREMATURE_CLOSE'].includes(
      code
    ) || (err as Error)?.message === 'aborted'
  );
}

/** Node's codes for a certificate chain or name it could not verify. */
function isUntrustedCertificate(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  return /CERT|SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY)/.test(code);
}

function untrustedCertificate(what: string, host: string, err: unknown): ImageError {
  return new ImageError(
    `${what}: the TLS certificate of ${host} is not trusted (${describe(err)}); give its CA in NODE_EXTRA_CA_CERTS, or name the host as an insecure registry (--insecure-registry, the action's insecure-registries)`
  );
}

function isTlsMismatch(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  return code === 'EPROTO' || code.startsWith('ERR_SSL') || code === 'ECONNRESET';
}

/** An error as one line of at most 200 characters. */
function describe(err: unknown): string {
  return String((err as Error)?.message ?? err)
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 200);
}
