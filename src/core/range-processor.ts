// The byte-level work on a layer that does not need the tar structure: the sha256 of the whole
// uncompressed stream (the diff_id), the sha256 of chosen file bodies, and the content scan of
// file bodies. The layer walker tells it where each file body lies in the stream (a range);
// this lets the work run beside the parser, in worker threads (see side-work.ts).
import { createHash, type Hash } from 'node:crypto';
import { ContentScanner } from './content-scanner';
import type { ScanHit } from './layer-record';

/**
 * Where file bodies lie in the uncompressed layer stream, four numbers per file:
 * entry index, offset of the body, size, flags (DIGEST | SCAN). A flat typed array is cheap to
 * send to a worker; an object per file was not.
 */
export type FileRanges = Float64Array;
export const DIGEST = 1;
export const SCAN = 2;

interface FileRange {
  index: number;
  start: number;
  size: number;
  digest: boolean;
  scan: boolean;
}

/** A scan hit of one file body, by entry index (the walker knows the path). */
export interface RangeHit extends Omit<ScanHit, 'path'> {
  index: number;
}

export interface RangeWork {
  /** Hash the whole stream (the diff_id). */
  layerHash: boolean;
  digests: boolean;
  scan: boolean;
  scanLimit: number;
}

export interface RangeResult {
  diffId?: string;
  digests: [number, string][];
  hits: RangeHit[];
  truncatedFiles: number;
  unscannedBytes: number;
}

export class RangeProcessor {
  private hash: Hash | null = null;
  private readonly scanner = new ContentScanner();
  private queue: FileRange[] = [];
  private head = 0;
  private offset = 0;
  private current: FileRange | null = null;
  private fileHash: Hash | null = null;
  private scanning = false;
  private result: RangeResult = emptyResult();

  constructor(private readonly work: RangeWork) {}

  begin(): void {
    this.hash = this.work.layerHash ? createHash('sha256') : null;
    this.queue = [];
    this.head = 0;
    this.offset = 0;
    this.current = null;
    this.result = emptyResult();
  }

  addRanges(ranges: FileRanges): void {
    for (let i = 0; i < ranges.length; i += 4) {
      const flags = ranges[i + 3];
      const r = { index: ranges[i], start: ranges[i + 1], size: ranges[i + 2], digest: (flags & DIGEST) !== 0, scan: (flags & SCAN) !== 0 };
      if ((r.digest && this.work.digests) || (r.scan && this.work.scan)) this.queue.push(r);
    }
  }

  data(chunk: Uint8Array): void {
    this.hash?.update(chunk);
    const end = this.offset + chunk.length;
    let pos = this.offset;
    while (pos < end) {
      if (!this.current) {
        const next = this.queue[this.head];
        if (!next || next.start >= end) break;
        this.head++;
        this.open(next);
        pos = Math.max(pos, next.start);
      }
      const r = this.current!;
      const stop = Math.min(end, r.start + r.size);
      if (stop > pos) this.feed(Buffer.from(chunk.buffer, chunk.byteOffset + (pos - this.offset), stop - pos), pos === r.start && stop === r.start + r.size);
      pos = stop;
      if (pos === r.start + r.size) this.close();
    }
    this.offset = end;
    if (this.head > 4096) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  end(): RangeResult {
    if (this.current) this.close();
    const result = this.result;
    if (this.hash) result.diffId = 'sha256:' + this.hash.digest('hex');
    this.hash = null;
    this.result = emptyResult();
    return result;
  }

  private open(r: FileRange): void {
    this.current = r;
    this.fileHash = r.digest && this.work.digests ? createHash('sha256') : null;
    this.scanning = r.scan && this.work.scan;
    if (this.scanning) this.scanner.begin(r.index, this.work.scanLimit);
  }

  private feed(part: Buffer, whole: boolean): void {
    this.fileHash?.update(part);
    if (this.scanning) this.scanning = this.scanner.feed(part, whole);
  }

  private close(): void {
    const r = this.current!;
    if (this.fileHash) this.result.digests.push([r.index, this.fileHash.digest('hex')]);
    if (r.scan && this.work.scan) {
      this.result.hits.push(...this.scanner.finish());
      if (this.scanner.scannedBytes < r.size) {
        this.result.truncatedFiles++;
        this.result.unscannedBytes += r.size - this.scanner.scannedBytes;
      }
    }
    this.current = null;
    this.fileHash = null;
    this.scanning = false;
  }
}

function emptyResult(): RangeResult {
  return { digests: [], hits: [], truncatedFiles: 0, unscannedBytes: 0 };
}
