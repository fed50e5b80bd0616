// An HTTP GET whose body is read straight from its socket into two reused 1 MiB buffers: each
// read lands in place (the socket's `onread`) instead of in a new buffer for the collector, and
// the reader gets ~1 MiB chunks, as from a file. Each chunk is valid until the reader asks for
// the next one. For `docker save` from the daemon's socket (docker/save-stream.ts) and for blobs
// from a registry over TCP or TLS (registry/registry-client.ts): both stream gigabytes, where
// Node's http client would allocate a buffer per 64 KiB read (the bench: a third more CPU and
// peak memory for the same bytes).
// The request is HTTP/1.0, so the server sends the body raw until it closes the connection (or
// with a Content-Length) instead of in chunks of a few KB whose framing would have to be cut out.
// Why and by how much: docs/performance.md, "What made it faster".
import { connect as netConnect, type NetConnectOpts, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { HttpResponseDecoder } from './http-response-decoder';
import { Wakeup } from '../core/streams/wakeup';

export interface HttpGet {
  /** Where the server listens: a Unix socket, or TCP (with TLS options for HTTPS). */
  connect: { path: string } | { host: string; port: number; tls?: { servername?: string; rejectUnauthorized: boolean } };
  /** The request's path, and its headers besides Host, User-Agent and Connection. */
  path: string;
  host: string;
  headers?: Record<string, string>;
  /** With no byte for this long, the transfer has stalled and fails. */
  stallMs: number;
  /** Who answers, in messages ("the daemon", "the registry"). */
  peer: string;
}

/** A status other than 200: the body was not sent; `body` holds the server's answer (up to 64 KiB). */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    peer: string
  ) {
    super(`${peer} answered ${status}`);
  }
}

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
 * server fills a buffer sooner; at its end it may keep the connection open (the daemon deletes
 * its export first), and the last bytes, tar's end-of-archive marker among them, must not wait.
 */
const QUIET_MS = 10;

/** The body of a GET, as chunks of reused buffers. */
export async function* httpGetChunks(get: HttpGet): AsyncGenerator<Buffer> {
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

  const onread = {
    buffer: () => (paused ? parking : buffers[filling].subarray(fill)),
    callback: (nread: number, into: Uint8Array) => {
      // A read lands where its buffer was lent: the parking buffer, or the rest of a buffer that
      // was handed over before the read came (flushQuiet). It is moved into place.
      const target = buffers[filling];
      if (into.buffer !== target.buffer || into.byteOffset !== target.byteOffset + fill) target.set(into.subarray(0, nread), fill);
      try {
        fill = decoder.decode(target, fill, fill + nread);
      } catch (err) {
        failure = new Error(`${get.peer}'s answer is malformed: ${(err as Error).message}`);
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
        // The other buffer may still be the reader's: then wait for it (the server waits too).
        if (held === 1 - filling || ready.length > 0) {
          paused = true;
          // Waiting on the reader is not the server stalling.
          socket.setTimeout(0);
          reader.notify();
          return false;
        }
        handOver();
        reader.notify();
      } else watchQuiet();
      return true;
    }
  };
  const to = get.connect;
  const socket: Socket =
    'path' in to
      ? netConnect({ path: to.path, onread } as NetConnectOpts)
      : to.tls
        ? tlsConnect({ host: to.host, port: to.port, ...to.tls, ALPNProtocols: ['http/1.1'], onread } as ConnectionOptions)
        : netConnect({ host: to.host, port: to.port, onread } as NetConnectOpts);
  const stallMs = get.stallMs;
  socket.setTimeout(stallMs);
  socket.on('timeout', () => {
    failure ??= new Error(`${get.peer} sent nothing for ${Math.round(stallMs / 1000)} s`);
    socket.destroy();
    reader.notify();
  });
  socket.on('end', finish);
  socket.on('close', finish);
  socket.on('error', (err) => {
    failure ??= err;
    reader.notify();
  });
  const headers = Object.entries(get.headers ?? {})
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.write(`GET ${get.path} HTTP/1.0\r\nHost: ${get.host}\r\nUser-Agent: modelarts-image-check\r\n${headers}Connection: close\r\n\r\n`);

  try {
    for (;;) {
      if (failure) throw failure;
      if (decoder.status !== 0 && decoder.status !== 200) {
        if (!ended) {
          await reader.wait();
          continue;
        }
        throw new HttpStatusError(decoder.status, decoder.errorBody, get.peer);
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
