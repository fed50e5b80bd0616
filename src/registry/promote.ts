// Promotion: a checked image, read from a registry, is put under each target tag as exactly what
// was checked: the image manifest that was checked (not an index around it, whose other
// platforms were not), byte for byte, so the target's digest is the checked one. Its blobs go
// first: on the same registry mounted from the source repository (no bytes move), elsewhere
// streamed from the source registry to the target, each skipped when the target has it already.
import { ImageError } from '../core/errors';
import { readBody, statusError, type RegistryClient, type RegistryLog } from './registry-client';
import { formatRegistryReference, type RegistryReference } from './registry-reference';
import type { RegistryImage } from './registry-source';

export interface PromotionTarget {
  client: RegistryClient;
  ref: RegistryReference;
}

/** Puts the checked image under `target`'s tag; returns the digest the target registry gives it. */
export async function promote(source: RegistryClient, image: RegistryImage, target: PromotionTarget, log?: RegistryLog): Promise<string> {
  const manifest = image.manifests[image.manifests.length - 1];
  const to = formatRegistryReference(target.ref);
  const sameRegistry = source.host.toLowerCase() === target.client.host.toLowerCase();
  const from = image.ref.repository;
  const repo = target.ref.repository;
  const pushScopes = [`repository:${repo}:pull,push`, ...(sameRegistry && from !== repo ? [`repository:${from}:pull`] : [])];
  const blobs = [{ digest: image.config.digest, size: image.config.bytes.length }, ...image.layers];
  for (const blob of blobs) {
    const what = `copying ${blob.digest.slice(0, 19)} to ${to}`;
    if (await target.client.hasBlob(repo, blob.digest, pushScopes, what)) continue;
    if (sameRegistry && from !== repo && (await mount(target.client, repo, from, blob.digest, pushScopes, what))) {
      log?.info(`${blob.digest.slice(0, 19)}: mounted from ${from}`);
      continue;
    }
    await upload(target.client, repo, blob, pushScopes, what, () =>
      blob.digest === image.config.digest ? oneChunk(image.config.bytes) : source.blob(from, blob.digest, blob.size, `${what} (reading it)`)
    );
    log?.info(`${blob.digest.slice(0, 19)}: copied (${blob.size} bytes)`);
  }
  const what = `putting the manifest ${manifest.digest.slice(0, 19)} as ${to}`;
  const res = await target.client.request({
    method: 'PUT',
    path: `/v2/${repo}/manifests/${target.ref.tag ?? manifest.digest}`,
    scopes: pushScopes,
    headers: { 'Content-Type': manifest.mediaType },
    body: () => ({ length: manifest.bytes.length, chunks: manifest.bytes }),
    what
  });
  if (res.status !== 201 && res.status !== 200) throw await statusError(res, what);
  res.body.resume();
  const digest = res.headers['docker-content-digest'];
  if (typeof digest === 'string' && digest !== manifest.digest) {
    throw new ImageError(`${what}: the registry stored it as ${digest}, not as the checked ${manifest.digest}`);
  }
  return typeof digest === 'string' ? digest : manifest.digest;
}

/** A cross-repository mount: true when the registry mounted the blob, false when it started an upload instead (which is cancelled). */
async function mount(client: RegistryClient, repo: string, from: string, digest: string, scopes: string[], what: string): Promise<boolean> {
  const res = await client.request({
    method: 'POST',
    path: `/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`,
    scopes,
    what
  });
  res.body.resume();
  if (res.status === 201) return true;
  if (res.status === 202) {
    const location = res.headers.location;
    if (location) {
      const cancel = await client.request({ method: 'DELETE', path: uploadPath(client, new URL(location, `https://${client.host}`)), scopes, what });
      cancel.body.resume();
    }
    return false;
  }
  throw await statusError(res, what);
}

/** A blob upload: an upload session, then its bytes and digest in one PUT (a monolithic upload). */
async function upload(
  client: RegistryClient,
  repo: string,
  blob: { digest: string; size: number },
  scopes: string[],
  what: string,
  bytes: () => AsyncIterable<Buffer>
): Promise<void> {
  const start = await client.request({ method: 'POST', path: `/v2/${repo}/blobs/uploads/`, scopes, what });
  if (start.status !== 202 || !start.headers.location) throw await statusError(start, what);
  start.body.resume();
  const location = new URL(start.headers.location, `https://${client.host}`);
  location.searchParams.set('digest', blob.digest);
  const put = await client.request({
    method: 'PUT',
    path: uploadPath(client, location),
    scopes,
    headers: { 'Content-Type': 'application/octet-stream' },
    body: () => ({ length: blob.size, chunks: bytes() }),
    what
  });
  if (put.status !== 201) throw await statusError(put, what);
  await readBody(put.body, 64 * 1024, what);
}

/** An upload location on the registry as a path (its scheme is the client's), elsewhere as it is. */
function uploadPath(client: RegistryClient, location: URL): string {
  return location.host === client.host ? `${location.pathname}${location.search}` : location.href;
}

async function* oneChunk(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}
