// Puts test images into the test registries by hand, through the registry API: an OCI layout
// archive from image-builder.ts (OCI manifests, a multi-platform index, gzip or zstd layers), its
// blobs uploaded and its manifests put by digest, the top one under a tag. Independent of the
// project's own registry client, so that the tests do not grade the client with itself.
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { entriesOf } from './image-builder';

export interface PushTarget {
  /** host:port */
  registry: string;
  secure: boolean;
  username?: string;
  password?: string;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request; a Bearer challenge is answered with a token for the scope (the login as Basic). */
export async function registryRequest(
  target: PushTarget,
  method: string,
  path: string,
  body?: Buffer,
  headers: Record<string, string> = {},
  scope?: string
): Promise<Answer> {
  const basic = target.username ? `Basic ${Buffer.from(`${target.username}:${target.password}`).toString('base64')}` : undefined;
  const first = await send(target, method, path, body, { ...headers, ...(basic && { Authorization: basic }) });
  const challenge = String(first.headers['www-authenticate'] ?? '');
  if (first.status !== 401 || !challenge.startsWith('Bearer')) return first;
  const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const realm = new URL(params.realm);
  realm.searchParams.set('service', params.service ?? '');
  if (scope) realm.searchParams.set('scope', scope);
  const tokenAnswer = await sendUrl(realm, 'GET', undefined, basic ? { Authorization: basic } : {});
  if (tokenAnswer.status !== 200) throw new Error(`token server: HTTP ${tokenAnswer.status}`);
  const token = (JSON.parse(tokenAnswer.body.toString()) as { token: string }).token;
  return send(target, method, path, body, { ...headers, Authorization: `Bearer ${token}` });
}

function send(target: PushTarget, method: string, path: string, body: Buffer | undefined, headers: Record<string, string>): Promise<Answer> {
  const url = path.startsWith('http') ? new URL(path) : new URL(path, `${target.secure ? 'https' : 'http'}://${target.registry}`);
  return sendUrl(url, method, body, headers);
}

function sendUrl(url: URL, method: string, body: Buffer | undefined, headers: Record<string, string>): Promise<Answer> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      { method, headers: { ...headers, ...(body && { 'Content-Length': String(body.length) }) }, rejectUnauthorized: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      }
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function uploadBlob(target: PushTarget, repo: string, data: Buffer): Promise<string> {
  const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
  const scope = `repository:${repo}:pull,push`;
  const start = await registryRequest(target, 'POST', `/v2/${repo}/blobs/uploads/`, undefined, {}, scope);
  if (start.status !== 202) throw new Error(`upload of ${digest}: HTTP ${start.status} ${start.body}`);
  const location = new URL(String(start.headers.location), `${target.secure ? 'https' : 'http'}://${target.registry}`);
  location.searchParams.set('digest', digest);
  const put = await registryRequest(target, 'PUT', location.href, data, { 'Content-Type': 'application/octet-stream' }, scope);
  if (put.status !== 201) throw new Error(`upload of ${digest}: HTTP ${put.status} ${put.body}`);
  return digest;
}

/**
 * Pushes an OCI layout archive (image-builder's `layout: 'oci'`): every blob, every manifest by
 * its digest, and what index.json names under `tag`. Returns the digest the tag names.
 */
export async function pushOciArchive(target: PushTarget, repo: string, tag: string, archive: Buffer): Promise<string> {
  const entries = await entriesOf(archive);
  const blobs = entries.filter((e) => e.name.startsWith('blobs/sha256/'));
  const json = (data: Buffer) => {
    try {
      return JSON.parse(data.toString()) as { mediaType?: string; manifests?: unknown; layers?: unknown };
    } catch {
      return undefined;
    }
  };
  const isManifest = (data: Buffer) => {
    const doc = json(data);
    return !!doc && (Array.isArray(doc.manifests) || Array.isArray(doc.layers));
  };
  for (const b of blobs.filter((x) => !isManifest(x.data))) await uploadBlob(target, repo, b.data);
  // Manifests before the indexes that name them.
  const manifests = blobs
    .filter((x) => isManifest(x.data))
    .sort((a, b) => Number(Array.isArray(json(a.data)!.manifests)) - Number(Array.isArray(json(b.data)!.manifests)));
  for (const m of manifests) await putManifest(target, repo, `sha256:${m.name.slice('blobs/sha256/'.length)}`, m.data);
  const index = json(entries.find((e) => e.name === 'index.json')!.data) as { manifests: { digest: string }[] };
  const top = index.manifests[0].digest;
  await putManifest(target, repo, tag, blobs.find((b) => b.name === `blobs/sha256/${top.slice(7)}`)!.data);
  return top;
}

export async function putManifest(target: PushTarget, repo: string, reference: string, data: Buffer): Promise<void> {
  const doc = JSON.parse(data.toString()) as { mediaType?: string; manifests?: unknown };
  const mediaType = doc.mediaType ?? (Array.isArray(doc.manifests) ? 'application/vnd.oci.image.index.v1+json' : 'application/vnd.oci.image.manifest.v1+json');
  const res = await registryRequest(target, 'PUT', `/v2/${repo}/manifests/${reference}`, data, { 'Content-Type': mediaType }, `repository:${repo}:pull,push`);
  if (res.status !== 201) throw new Error(`manifest ${reference}: HTTP ${res.status} ${res.body}`);
}
