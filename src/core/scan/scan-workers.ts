// Runs the stream work (layer hash, content tags, content scan) beside the tar parser. In the
// bundle it uses two worker threads, one hashing the layer and one tagging and scanning files,
// so that on a 2-core machine the parser and both jobs overlap; each chunk is copied once into a
// ring of shared memory that both workers read (shared-ring.ts). Where the worker script is
// absent (running from source, in tests) the same StreamProcessor runs in this thread.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImageError } from '../errors';
import { newTagKey } from './content-tag';
import { concatContentTags, type StreamResult } from './scan-results';
import { StreamProcessor, type BodyRanges, type StreamWork } from './stream-processor';
import { Op, RingProducer, type RingMemory } from './shared-ring';

export interface ScanWorkers {
  begin(): void | Promise<void>;
  /** The ranges that start in (or before) `chunk`, then the chunk itself. */
  send(ranges: BodyRanges, chunk: Buffer): void | Promise<void>;
  /** Whether every byte must be sent (a layer hash); otherwise unneeded bytes may be skipped. */
  readonly needsEveryByte: boolean;
  /** Like send, for a chunk of `bytes` that no range needs: only its length is passed on. */
  skip(ranges: BodyRanges, bytes: number): void | Promise<void>;
  end(): Promise<StreamResult>;
  /** Stops the workers once no more layers come; calling it again does nothing. */
  close(): Promise<void>;
}

const WORKER_FILE = join(__dirname, 'scan-worker.js');

/** What a scan worker is started with (src/core/scan/scan-worker.ts). */
export interface ScanWorkerData {
  work: StreamWork;
  ring: RingMemory;
  /** Its consumer number in the ring. */
  index: number;
}

/**
 * `detectors`: the content detectors the rules asked for (ids); `layerHash` false: the source
 * vouches for its layers' diff_ids (ImageSource.layersVerified).
 */
export function createScanWorkers(scanLimit: number, detectors: readonly string[], layerHash = true): ScanWorkers {
  const tagKey = newTagKey();
  const layerWork: StreamWork = { layerHash: true, tags: false, tagKey, detectors: [], scanLimit };
  const filesWork: StreamWork = { layerHash: false, tags: true, tagKey, detectors, scanLimit };
  if (existsSync(WORKER_FILE) && process.env.MODELARTS_IMAGE_CHECK_WORKERS !== '0') {
    // The layer hash reads every byte and is the biggest single job; content tags and the scan
    // share the other worker.
    return new ThreadedScanWorkers(layerHash ? [layerWork, filesWork] : [filesWork]);
  }
  return new InThreadScanWorkers({ ...filesWork, layerHash });
}

class InThreadScanWorkers implements ScanWorkers {
  private readonly processor: StreamProcessor;
  readonly needsEveryByte: boolean;
  constructor(work: StreamWork) {
    this.processor = new StreamProcessor(work);
    this.needsEveryByte = work.layerHash;
  }
  begin(): void {
    this.processor.begin();
  }
  send(ranges: BodyRanges, chunk: Buffer): void {
    if (ranges.length) this.processor.addRanges(ranges);
    this.processor.data(chunk);
  }
  skip(ranges: BodyRanges, bytes: number): void {
    if (ranges.length) this.processor.addRanges(ranges);
    this.processor.skip(bytes);
  }
  async end(): Promise<StreamResult> {
    return this.processor.end();
  }
  async close(): Promise<void> {}
}

type Reply = { t: 'result'; result: StreamResult } | { t: 'error'; message: string };
type Waiter<T> = { resolve: (v: T) => void; reject: (e: Error) => void };

class ThreadedScanWorkers implements ScanWorkers {
  private readonly ring: RingProducer;
  private readonly workers: Worker[];
  readonly needsEveryByte: boolean;
  private resultWaiters: Waiter<StreamResult>[][] = [];
  private failure: Error | null = null;
  private closed = false;

  constructor(works: StreamWork[]) {
    this.ring = new RingProducer(works.length, () => this.failure);
    this.needsEveryByte = works.some((w) => w.layerHash);
    this.workers = works.map((work, index) => {
      // Small young generations: the workers allocate little, all of it short-lived (chunk views,
      // tags, the text around scan anchors).
      const data: ScanWorkerData = { work, ring: this.ring.memory, index };
      const worker = new Worker(WORKER_FILE, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
      worker.unref();
      worker.on('message', (m: Reply) => {
        if (m.t === 'result') this.resultWaiters[index].shift()?.resolve(m.result);
        else this.fail(new Error(m.message));
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => this.fail(new Error(`it stopped (exit code ${code})`)));
      this.resultWaiters.push([]);
      return worker;
    });
  }

  begin(): Promise<void> {
    return this.ring.signal(Op.Begin);
  }

  send(ranges: BodyRanges, chunk: Buffer): Promise<void> {
    return this.ring.publishData(ranges, chunk);
  }

  skip(ranges: BodyRanges, bytes: number): Promise<void> {
    return this.ring.publishSkip(ranges, bytes);
  }

  async end(): Promise<StreamResult> {
    const results = this.workers.map(
      (_, i) => new Promise<StreamResult>((resolve, reject) => (this.failure ? reject(this.failure) : this.resultWaiters[i].push({ resolve, reject })))
    );
    await this.ring.signal(Op.End);
    // Each worker did part of the work: the layer hash, file tags, the scan.
    return (await Promise.all(results)).reduce((all, r) => ({
      diffId: all.diffId ?? r.diffId,
      tags: concatContentTags(all.tags, r.tags),
      hits: all.hits.concat(r.hits),
      truncatedFiles: all.truncatedFiles + r.truncatedFiles,
      unscannedBytes: all.unscannedBytes + r.unscannedBytes
    }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failure ??= new Error('closed');
    this.ring.stop();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = new ImageError(`the layer hashing and scanning worker failed: ${err.message}`);
    for (const list of this.resultWaiters) for (const w of list.splice(0)) w.reject(this.failure);
  }
}
