// `docker save` read straight from the daemon's socket into two reused 1 MiB buffers: each read
// lands in place (net's `onread`) instead of in a new buffer for the collector, and the archive
// reader gets ~1 MiB chunks, as from a file. Each chunk is valid until the reader asks for the
// next one (as with files).
// The request is HTTP/1.0, so the daemon sends the body raw until it closes the connection
// instead of in chunks of a few KB whose framing would have to be cut out. The connection's end
// then does not prove the body whole; Docker ends the archive with tar's end-of-archive marker,
// which the archive reader requires (daemonSource sets ChunkSource.cutShortHint).
// Why and by how much: docs/performance.md, "What made it faster".
import { connect, type NetConnectOpts } from 'node:net';
import type { ChunkSource } from '../core/source/image-source';
import { excerpt } from '../core/text/excerpt';
import { HttpResponseDecoder } from './http-response-decoder';
import { Wakeup } from '../core/streams/wakeup';

const BUFFER_BYTES = 1024 * 1024;
/** A buffer with less room than this is handed over rather than read into again. */
const MIN_ROOM = 64 * 1024;
/**
 * Node asks for the next read's buffer right after each read, even one after which reading
 * pauses; while paused, that next read goes here and is moved into place on resuming.
 */
const PARKING_BYTES = 64 * 1024;
/**
 * A reader that has waited this long gets a buffer that is not full yet. Within a stream the
 * daemon fills a buffer sooner; at its end the daemon keeps the connection open while it deletes
 * its export, and the last bytes, the end-of-archive marker among them, must not wait for that.
 */
const QUIET_MS = 10;

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
  return { [Symbol.asyncIterator]: () => readSave(endpoint) };
}

async function* readSave(endpoint: SaveEndpoint): AsyncGenerator<Buffer> {
  const buffers = [Buffer.allocUnsafe(BUFFER_BYTES), Buffer.allocUnsafe(BUFFER_BYTES)];
  const parking = Buffer.allocUnsafe(PARKING_BYTES);
  const decoder = new HttpResponseDecoder();
  /** The buffer being read into, and how much of it holds body bytes. */
  let filling = 0;
  let fill = 0;
  /** Filled buffers not yet handed to the reader (index, bytes); the reader holds buffer `held`. */
  const ready: [number, number][] = [];
  let held = -1;
  let paused = false;
  let ended = false;
  let failure: Error | null = null;
  const reader = new Wakeup();
  const handOver = () => {
    if (fill > 0) ready.push([filling, fill]);
    fill = 0;
    filling = 1 - filling;
  };

  /** A reader waiting for QUIET_MS gets what there is (see QUIET_MS). */
  let waiting = false;
  let quiet: NodeJS.Timeout | undefined;
  const flushQuiet = () => {
    quiet = undefined;
    if (!waiting || fill === 0 || paused || ended || ready.length > 0) return;
    handOver();
    reader.notify();
  };
  const watchQuiet = () => {
    if (waiting && fill > 0 && !quiet) quiet = setTimeout(flushQuiet, QUIET_MS);
  };

  const finish = () => {
    if (ended) return;
    ended = true;
    if (!decoder.done && !decoder.untilClose) failure ??= new Error('the connection closed before the end of the stream');
    else if (decoder.status === 200) handOver();
    reader.notify();
  };

  const socket = connect({
    ...endpoint.connect,
    onread: {
      buffer: () => (paused ? parking : buffers[filling].subarray(fill)),
      callback: (nread: number, into: Uint8Array) => {
        // A read lands where its buffer was lent: the parking buffer, or the rest of a buffer that
        // was handed over before the read came (flushQuiet). It is moved into place.
        const target = buffers[filling];
        if (into.buffer !== target.buffer || into.byteOffset !== target.byteOffset + fill) target.set(into.subarray(0, nread), fill);
        try {
          fill = decoder.decode(target, fill, fill + nread);
        } catch (err) {
          failure = new Error(`the daemon's answer is malformed: ${(err as Error).message}`);
          socket.destroy();
          reader.notify();
          return false;
        }
        if (decoder.done) {
          socket.destroy();
          finish();
          return false;
        }
        if (BUFFER_BYTES - fill < MIN_ROOM) {
          // The other buffer may still be the reader's: then wait for it (the daemon waits too).
          if (held === 1 - filling || ready.length > 0) {
            paused = true;
            // Waiting on the reader is not the daemon stalling.
            socket.setTimeout(0);
            reader.notify();
            return false;
          }
          handOver();
          reader.notify();
        } else watchQuiet();
        return true;
      }
    }
  } as NetConnectOpts);
  const stallMs = endpoint.stallMs ?? DEFAULT_STALL_MS;
  socket.setTimeout(stallMs);
  socket.on('timeout', () => {
    failure ??= new Error(`the daemon sent nothing for ${Math.round(stallMs / 1000)} s`);
    socket.destroy();
    reader.notify();
  });
  socket.on('end', finish);
  socket.on('close', finish);
  socket.on('error', (err) => {
    failure ??= err;
    reader.notify();
  });
  socket.write(`GET ${endpoint.requestPath} HTTP/1.0\r\nHost: docker\r\nUser-Agent: modelarts-image-check\r\nConnection: close\r\n\r\n`);

  try {
    for (;;) {
      if (failure) throw failure;
      if (decoder.status !== 0 && decoder.status !== 200) {
        if (!ended) {
          await reader.wait();
          continue;
        }
        throw new Error(`the daemon answered ${decoder.status}: ${errorMessage(decoder.errorBody)}`);
      }
      const next = ready.shift();
      if (next) {
        held = next[0];
        yield buffers[held].subarray(0, next[1]);
        held = -1;
        if (paused && !ended) {
          paused = false;
          handOver();
          socket.setTimeout(stallMs);
          socket.resume();
        }
        continue;
      }
      if (ended) return;
      waiting = true;
      watchQuiet();
      await reader.wait();
      waiting = false;
      clearTimeout(quiet);
      quiet = undefined;
    }
  } finally {
    clearTimeout(quiet);
    // The reader stopped early (an error, or it has what it needs): drop the connection.
    if (!ended) socket.destroy();
  }
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
