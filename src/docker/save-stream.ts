// `docker save` read straight from the daemon's socket (net/http-get-stream.ts: two reused
// 1 MiB buffers, HTTP/1.0). The connection's end does not prove the body whole; Docker ends the
// archive with tar's end-of-archive marker, which the archive reader requires (daemonSource sets
// ChunkSource.cutShortHint).
import type { ChunkSource } from '../core/source/image-source';
import { excerpt } from '../core/text/excerpt';
import { httpGetChunks, HttpStatusError } from '../net/http-get-stream';

/**
 * With no byte from the daemon for this long, the save has stalled and fails (a job must not
 * hang). Generous: the daemon copies the whole image to a temporary directory before its first
 * byte, minutes for a big image on a slow disk.
 */
export const DEFAULT_STALL_MS = 30 * 60 * 1000;

/** Where the daemon listens (a Unix socket or plain TCP) and the save request's path. */
export interface SaveEndpoint {
  connect: { path: string } | { host: string; port: number };
  /** "/images/<id>/get", with the API version prefix when one is set. */
  requestPath: string;
  stallMs?: number;
}

export function saveChunks(endpoint: SaveEndpoint): ChunkSource {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        yield* httpGetChunks({
          connect: endpoint.connect,
          path: endpoint.requestPath,
          host: 'docker',
          stallMs: endpoint.stallMs ?? DEFAULT_STALL_MS,
          peer: 'the daemon'
        });
      } catch (err) {
        if (err instanceof HttpStatusError) throw new Error(`the daemon answered ${err.status}: ${errorMessage(err.body)}`);
        throw err;
      }
    }
  };
}

/** The daemon's error message from its JSON body ({"message": ...}), else the body itself. */
function errorMessage(body: string): string {
  try {
    const m = (JSON.parse(body) as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  } catch {
    // not JSON
  }
  return excerpt(body.trim(), 300) || 'no message';
}
