// Streams file bodies to a ClamAV daemon as they go by (--clamd tcp://HOST:PORT or unix:PATH).
// One connection per check in an IDSESSION: each file is one INSTREAM command (size-prefixed
// chunks, then a zero length), commands are pipelined, and clamd's replies ("3: stream: OK",
// "4: stream: Eicar-Signature FOUND") are matched to files by their command number.
import { connect, type Socket } from 'node:net';
import { ImageError, UsageError } from '../errors';
import { excerpt } from '../text/excerpt';
import { Wakeup } from '../streams/wakeup';

/** clamd's default StreamMaxLength is 25 MB; streams are cut there rather than refused. */
export const CLAMD_MAX_STREAM = 25 * 1000 * 1000;
/**
 * How long clamd may stay silent while it owes a reply or is not reading what it was sent:
 * then the check fails rather than hang. Generous: clamd's own MaxScanTime is 2 minutes per file.
 */
const DEFAULT_STALL_MS = 5 * 60 * 1000;

export interface ClamdVerdict {
  /** Layer-local entry index, as given to beginFile. */
  index: number;
  /** The signature name ClamAV reported. */
  signature: string;
}

export function parseClamdAddress(address: string): { host: string; port: number } | { path: string } {
  const tcp = /^tcp:\/\/([^:/]+):(\d{1,5})$/.exec(address);
  if (tcp) return { host: tcp[1], port: Number(tcp[2]) };
  const unix = /^unix:(.+)$/.exec(address);
  if (unix) return { path: unix[1] };
  throw new UsageError(`--clamd "${address}" is not a clamd address: use tcp://HOST:PORT or unix:/path/to/clamd.sock`);
}

export class ClamdClient {
  private readonly socket: Socket;
  private failure: Error | null = null;
  private nextId = 0;
  /** Command number -> the file it scanned (layer, index). */
  private readonly pending = new Map<number, { layer: number; index: number }>();
  private readonly verdicts = new Map<number, ClamdVerdict[]>();
  private buffered = '';
  /** Woken by every reply from clamd, and when it fails. */
  private readonly replied = new Wakeup();
  private current: { sent: number; limit: number } | null = null;
  private layer = 0;
  private layers = 0;
  private draining = false;

  private constructor(
    socket: Socket,
    private readonly address: string,
    stallMs: number
  ) {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (d) => this.onReply(d.toString('latin1')));
    socket.on('error', (err) => this.fail(err.message));
    socket.on('close', () => this.fail('the connection closed'));
    // Node's socket timeout fires after `stallMs` without a byte read or written. While clamd
    // owes nothing (between files, base layers), silence is normal.
    socket.setTimeout(stallMs);
    socket.on('timeout', () => {
      if (this.pending.size === 0 && !this.draining) return;
      this.fail(`it answered nothing for ${stallMs / 1000} s`);
      socket.destroy();
    });
  }

  static async connect(address: string, stallMs = DEFAULT_STALL_MS): Promise<ClamdClient> {
    const target = parseClamdAddress(address);
    const socket = 'path' in target ? connect(target.path) : connect(target.port, target.host);
    socket.setTimeout(stallMs);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', (err) => reject(new UsageError(`cannot reach clamd at ${address}: ${err.message}`)));
      socket.once('timeout', () => {
        socket.destroy();
        reject(new UsageError(`cannot reach clamd at ${address}: no connection within ${stallMs / 1000} s`));
      });
    });
    socket.removeAllListeners('timeout');
    const client = new ClamdClient(socket, address, stallMs);
    socket.write('zIDSESSION\0');
    return client;
  }

  /** Starts a layer and returns its number: verdicts are collected per layer. */
  beginLayer(): number {
    this.layer = ++this.layers;
    return this.layer;
  }

  beginFile(index: number, limit: number): void {
    this.check();
    const id = ++this.nextId;
    this.pending.set(id, { layer: this.layer, index });
    this.socket.write('zINSTREAM\0');
    this.current = { sent: 0, limit: Math.min(limit, CLAMD_MAX_STREAM) };
  }

  /** Sends a piece of the current file; resolves when the socket can take more. */
  data(chunk: Buffer): void | Promise<void> {
    this.check();
    const c = this.current!;
    const room = c.limit - c.sent;
    if (room <= 0) return;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    c.sent += part.length;
    const size = Buffer.alloc(4);
    size.writeUInt32BE(part.length);
    this.socket.write(size);
    if (!this.socket.write(Buffer.from(part))) return this.drained();
  }

  endFile(): void {
    this.check();
    this.socket.write(Buffer.alloc(4));
    this.current = null;
  }

  /** Waits for every reply of the given layer and returns its detections. */
  async layerVerdicts(layer: number): Promise<ClamdVerdict[]> {
    while ([...this.pending.values()].some((p) => p.layer === layer)) {
      this.check();
      await this.replied.wait();
    }
    this.check();
    const found = this.verdicts.get(layer) ?? [];
    this.verdicts.delete(layer);
    return found;
  }

  close(): void {
    if (!this.socket.destroyed) {
      this.socket.end('zEND\0');
      this.socket.destroy();
    }
  }

  private drained(): Promise<void> {
    this.draining = true;
    return new Promise((resolve, reject) => {
      const onDrain = () => {
        this.draining = false;
        this.socket.off('close', onClose);
        resolve();
      };
      const onClose = () => {
        this.draining = false;
        this.socket.off('drain', onDrain);
        reject(this.failure ?? new ImageError(`clamd at ${this.address} closed the connection`));
      };
      this.socket.once('drain', onDrain);
      this.socket.once('close', onClose);
    });
  }

  private onReply(text: string): void {
    this.buffered += text;
    let end: number;
    while ((end = this.buffered.indexOf('\0')) !== -1) {
      const line = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      const m = /^(\d+): (?:stream: )?(.*)$/.exec(line);
      const file = m && this.pending.get(Number(m[1]));
      if (!m || !file) continue;
      this.pending.delete(Number(m[1]));
      const found = /^(.+) FOUND$/.exec(m[2]);
      if (found) {
        const list = this.verdicts.get(file.layer) ?? [];
        list.push({ index: file.index, signature: found[1] });
        this.verdicts.set(file.layer, list);
      } else if (/ERROR$/.test(m[2]) && !/size limit exceeded/i.test(m[2])) {
        this.fail(`it answered "${excerpt(m[2], 200)}"`);
      }
    }
    this.replied.notify();
  }

  private fail(reason: string): void {
    if (this.failure) return;
    this.failure = new ImageError(`ClamAV scanning failed: clamd at ${this.address}: ${reason}`);
    this.replied.notify();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
