// Runs the range work (layer hash, file digests, content scan) beside the tar parser. In the
// bundle it uses two worker threads, one hashing and one scanning, so that on a 2-core machine
// the parser, the hashing and the scan overlap; each chunk is copied once into shared memory
// that both workers read. Where the worker script is absent (running from source, in tests)
// the same RangeProcessor runs in this thread.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImageError } from './errors';
import { DIGEST, RangeProcessor, type FileRanges, type RangeResult, type RangeWork } from './range-processor';

export interface SideWork {
  begin(): void;
  /** The ranges that start in (or before) `chunk`, then the chunk itself. */
  send(ranges: FileRanges, chunk: Buffer): void | Promise<void>;
  end(): Promise<RangeResult>;
  close(): Promise<void>;
}

const WORKER_FILE = join(__dirname, 'side-worker.js');

export function createSideWork(scanLimit: number): SideWork {
  if (existsSync(WORKER_FILE) && process.env.MODELARTS_IMAGE_CHECK_WORKERS !== '0') {
    return new WorkerSideWork([
      { layerHash: true, digests: true, scan: false, scanLimit },
      { layerHash: false, digests: false, scan: true, scanLimit }
    ]);
  }
  return new InThreadSideWork({ layerHash: true, digests: true, scan: true, scanLimit });
}

class InThreadSideWork implements SideWork {
  private readonly processor: RangeProcessor;
  constructor(work: RangeWork) {
    this.processor = new RangeProcessor(work);
  }
  begin(): void {
    this.processor.begin();
  }
  send(ranges: FileRanges, chunk: Buffer): void {
    if (ranges.length) this.processor.addRanges(ranges);
    this.processor.data(chunk);
  }
  async end(): Promise<RangeResult> {
    return this.processor.end();
  }
  async close(): Promise<void> {}
}

const EMPTY = new Float64Array(0);

function digestRanges(ranges: FileRanges): FileRanges {
  let n = 0;
  for (let i = 3; i < ranges.length; i += 4) if (ranges[i] & DIGEST) n++;
  if (n * 4 === ranges.length) return ranges;
  const out = new Float64Array(n * 4);
  for (let i = 0, j = 0; i < ranges.length; i += 4) {
    if (ranges[i + 3] & DIGEST) out.set(ranges.subarray(i, i + 4), (j++) * 4);
  }
  return out;
}

type Reply = { t: 'ack'; slot: number } | { t: 'result'; result: RangeResult };
type Waiter<T> = { resolve: (v: T) => void; reject: (e: Error) => void };

/** Shared memory for chunks on their way to the workers: a fixed ring, so memory stays bounded. */
const SLOT_BYTES = 1024 * 1024;
const SLOTS = 8;

class WorkerSideWork implements SideWork {
  private readonly workers: Worker[];
  private readonly slots: SharedArrayBuffer[] = [];
  private readonly free: number[] = [];
  /** Per slot: how many workers have not acknowledged it yet. */
  private readonly pending: number[] = [];
  private slotWaiters: Waiter<number>[] = [];
  private resultWaiters: Waiter<RangeResult>[][] = [];
  private failure: Error | null = null;

  constructor(works: RangeWork[]) {
    this.workers = works.map((work, w) => {
      // Small young generations: the workers allocate little but short-lived strings (scan windows).
      const worker = new Worker(WORKER_FILE, { workerData: work, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
      worker.unref();
      worker.on('message', (m: Reply) => {
        if (m.t === 'ack') this.acknowledge(m.slot);
        else this.resultWaiters[w].shift()?.resolve(m.result);
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => this.fail(new Error(`it stopped (exit code ${code})`)));
      this.resultWaiters.push([]);
      return worker;
    });
  }

  begin(): void {
    for (const w of this.workers) w.postMessage({ t: 'begin' });
  }

  async send(ranges: FileRanges, chunk: Buffer): Promise<void> {
    // The hashing worker needs only the bodies it digests; the scanning worker needs them all.
    const perWorker = [digestRanges(ranges), ranges];
    for (let pos = 0; pos < chunk.length || (pos === 0 && ranges.length); pos += SLOT_BYTES) {
      const slot = await this.acquire();
      const length = Math.min(SLOT_BYTES, chunk.length - pos);
      new Uint8Array(this.slots[slot], 0, length).set(chunk.subarray(pos, pos + length));
      this.pending[slot] = this.workers.length;
      this.workers.forEach((w, i) => w.postMessage({ t: 'data', ranges: pos === 0 ? perWorker[i] : EMPTY, slot, buffer: this.slots[slot], length }));
      if (length === 0) break;
    }
  }

  async end(): Promise<RangeResult> {
    const [hashing, scanning] = await Promise.all(
      this.workers.map((w, i) => {
        if (this.failure) return Promise.reject(this.failure);
        const p = new Promise<RangeResult>((resolve, reject) => this.resultWaiters[i].push({ resolve, reject }));
        w.postMessage({ t: 'end' });
        return p;
      })
    );
    return { ...scanning, diffId: hashing.diffId, digests: hashing.digests };
  }

  async close(): Promise<void> {
    this.failure ??= new Error('closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private async acquire(): Promise<number> {
    if (this.failure) throw this.failure;
    const slot = this.free.pop();
    if (slot !== undefined) return slot;
    if (this.slots.length < SLOTS) {
      this.slots.push(new SharedArrayBuffer(SLOT_BYTES));
      return this.slots.length - 1;
    }
    return new Promise<number>((resolve, reject) => this.slotWaiters.push({ resolve, reject }));
  }

  private acknowledge(slot: number): void {
    if (--this.pending[slot] > 0) return;
    const waiter = this.slotWaiters.shift();
    if (waiter) waiter.resolve(slot);
    else this.free.push(slot);
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = new ImageError(`the layer hashing and scanning worker failed: ${err.message}`);
    for (const w of this.slotWaiters) w.reject(this.failure);
    this.slotWaiters = [];
    for (const list of this.resultWaiters) for (const w of list.splice(0)) w.reject(this.failure);
  }
}
