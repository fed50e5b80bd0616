// The byte-level work on a layer that does not need the tar structure: the sha256 of the whole
// uncompressed stream (the diff_id), the content tags of chosen file bodies (content-tag.ts),
// and the content scan of file bodies. The layer walker tells it where each file body lies in
// the stream (a range); this lets the work run beside the parser, in worker threads (see
// scan-workers.ts).
import { createHash, type Hash } from 'node:crypto';
import { detectorsWithIds } from '../rules/content-detectors';
import { ContentScanner } from './content-scanner';
import { ContentTagger, TAG_BYTES, type TagInProgress } from './content-tag';
import { addContentTag, emptyStreamResult, type StreamResult } from './scan-results';

/**
 * Where file bodies lie in the uncompressed layer stream, four numbers per file:
 * entry index, offset of the body, size, flags (TAG | SCAN). A flat typed array is cheap to
 * send to a worker; an object per file was not.
 */
export type BodyRanges = Float64Array;
export const TAG = 1;
export const SCAN = 2;

export interface StreamWork {
  /** Hash the whole stream (the diff_id). */
  layerHash: boolean;
  /** Tag the bodies flagged TAG, with this run's key (content-tag.ts). */
  tags: boolean;
  tagKey: Uint8Array;
  /** Scan the bodies flagged SCAN with these content detectors (rules/content-detectors.ts); none: no scan. */
  detectors: readonly string[];
  scanLimit: number;
}

export class StreamProcessor {
  private hash: Hash | null = null;
  private readonly scanner: ContentScanner | null;
  /** The ranges this processor works on, four numbers each, in stream order (not objects: GC). */
  private queue = new Float64Array(4 * 1024);
  private head = 0;
  private tail = 0;
  private offset = 0;
  /** The file body being read: entry index, where it starts and ends; index -1 when none. */
  private index = -1;
  private bodyStart = 0;
  private bodyEnd = 0;
  /** Whether the current file's content tag is wanted; a body in one piece gets it in one call. */
  private tagWanted = false;
  private partTag: TagInProgress | null = null;
  private wholeTag: Uint8Array | null = null;
  /** Whether the current file is scanned, and whether its scan still wants bytes. */
  private scanFile = false;
  private scanning = false;
  private result: StreamResult = emptyStreamResult();

  private readonly tagger: ContentTagger;

  constructor(private readonly work: StreamWork) {
    this.tagger = new ContentTagger(work.tagKey);
    this.scanner = work.detectors.length ? new ContentScanner(detectorsWithIds(work.detectors)) : null;
  }

  begin(): void {
    this.hash = this.work.layerHash ? createHash('sha256') : null;
    this.head = 0;
    this.tail = 0;
    this.offset = 0;
    this.index = -1;
    this.result = emptyStreamResult();
  }

  addRanges(ranges: BodyRanges): void {
    for (let i = 0; i < ranges.length; i += 4) {
      const flags = ranges[i + 3];
      if (!((flags & TAG && this.work.tags) || (flags & SCAN && this.scanner !== null))) continue;
      if (this.tail + 4 > this.queue.length) this.makeRoom();
      const q = this.queue;
      const t = this.tail;
      q[t] = ranges[i];
      q[t + 1] = ranges[i + 1];
      q[t + 2] = ranges[i + 2];
      q[t + 3] = flags;
      this.tail = t + 4;
    }
  }

  data(chunk: Uint8Array): void {
    this.hash?.update(chunk);
    const end = this.offset + chunk.length;
    let pos = this.offset;
    while (pos < end) {
      if (this.index === -1) {
        if (this.head === this.tail || this.queue[this.head + 1] >= end) break;
        this.open();
        pos = Math.max(pos, this.bodyStart);
      }
      const stop = Math.min(end, this.bodyEnd);
      if (stop > pos) this.feed(Buffer.from(chunk.buffer, chunk.byteOffset + (pos - this.offset), stop - pos), pos === this.bodyStart && stop === this.bodyEnd);
      pos = stop;
      if (pos === this.bodyEnd) this.close();
    }
    this.offset = end;
  }

  /**
   * Moves past `n` bytes of the stream that no range needs: the rest of files whose scan has
   * reached its limit, and files that are neither tagged nor scanned. Never for a hashed layer.
   */
  skip(n: number): void {
    const end = this.offset + n;
    const needed =
      this.hash !== null ||
      (this.index !== -1 && (this.tagWanted || this.scanning) && this.bodyEnd > this.offset) ||
      (this.head !== this.tail && this.queue[this.head + 1] < end);
    // The walker decides what to skip; a wrong decision must fail, not give a wrong tag.
    if (needed) throw new Error(`bytes ${this.offset} to ${end} of the layer were skipped but are needed`);
    if (this.index !== -1 && this.bodyEnd <= end) this.close();
    this.offset = end;
  }

  end(): StreamResult {
    if (this.index !== -1) this.close();
    const result = this.result;
    // Trimmed to the tags found, so that only those bytes move to the parser's thread.
    const d = result.tags;
    result.tags = { count: d.count, indices: d.indices.slice(0, d.count), bytes: d.bytes.slice(0, d.count * TAG_BYTES) };
    if (this.hash) result.diffId = 'sha256:' + this.hash.digest('hex');
    this.hash = null;
    this.result = emptyStreamResult();
    return result;
  }

  /** Drops the ranges already read, or grows the queue. */
  private makeRoom(): void {
    if (this.head > 0) {
      this.queue.copyWithin(0, this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
    if (this.tail + 4 > this.queue.length) {
      const bigger = new Float64Array(this.queue.length * 2);
      bigger.set(this.queue.subarray(0, this.tail));
      this.queue = bigger;
    }
  }

  private open(): void {
    const q = this.queue;
    const h = this.head;
    this.index = q[h];
    this.bodyStart = q[h + 1];
    this.bodyEnd = q[h + 1] + q[h + 2];
    const flags = q[h + 3];
    this.head = h + 4;
    this.tagWanted = (flags & TAG) !== 0 && this.work.tags;
    this.scanFile = (flags & SCAN) !== 0 && this.scanner !== null;
    this.scanning = this.scanFile;
    if (this.scanFile) this.scanner!.begin(this.index, this.work.scanLimit);
  }

  private feed(part: Buffer, whole: boolean): void {
    if (this.tagWanted) {
      // Most files lie within one chunk: tagged in one call, without an object each.
      if (whole) this.wholeTag = this.tagger.whole(part);
      else (this.partTag ??= this.tagger.start(this.bodyEnd - this.bodyStart)).update(part);
    }
    if (this.scanning) this.scanning = this.scanner!.feed(part, whole);
  }

  private close(): void {
    if (this.tagWanted) addContentTag(this.result.tags, this.index, this.wholeTag ?? (this.partTag ?? this.tagger.start(0)).finish());
    if (this.scanFile) {
      this.result.hits.push(...this.scanner!.finish());
      const size = this.bodyEnd - this.bodyStart;
      if (this.scanner!.scannedBytes < size) {
        this.result.truncatedFiles++;
        this.result.unscannedBytes += size - this.scanner!.scannedBytes;
      }
    }
    this.index = -1;
    this.tagWanted = false;
    this.partTag = null;
    this.wholeTag = null;
    this.scanFile = false;
    this.scanning = false;
  }
}
