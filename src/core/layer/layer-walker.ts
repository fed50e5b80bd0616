// Reads one layer blob as it streams by: decompresses it and records every entry and the text
// the rules read. Where each file body lies in the stream goes to the scan workers, which hashes
// the stream (the diff_id) and the bodies the rules compare, and scans the content.
// Nothing is written to disk and no file body is held in memory beyond the text kept for rules.
import type { ClamdClient } from '../scan/clamd-client';
import { excerpt } from '../text/excerpt';
import { decompressInto } from './decompress';
import { ImageError } from '../errors';
import { formatSize } from '../settings/settings';
import { baseName, normalizeEntryName } from '../fs/image-path';
import { MAX_LAYER_ENTRIES } from '../fs/filesystem-model';
import { EntryKind, LayerEntries, type LayerRecord } from './layer-record';
import { TAG, SCAN } from '../scan/stream-processor';
import type { ScanWorkers } from '../scan/scan-workers';
import type { CombinedNeeds } from '../stream-needs';
import { TarParser, type EntrySink, type TarHeader } from '../tar/tar-parser';

/** Limits shared by all layers of one image: decompression bombs and kept text stop here. */
export class ReadBudget {
  /** Bytes of file text the rules may still keep (scripts, passwd, credential files). */
  textLeft = 64 * 1024 * 1024;
  private uncompressedLeft: number;

  constructor(private readonly maxUncompressed: number) {
    this.uncompressedLeft = maxUncompressed;
  }

  consume(n: number, label: string): void {
    this.uncompressedLeft -= n;
    if (this.uncompressedLeft < 0) {
      throw new ImageError(
        `${label} expands to more than the ${formatSize(this.maxUncompressed)} limit on uncompressed data (--max-uncompressed): stopped reading; a compressed layer this large is a decompression bomb or far over the size limit`
      );
    }
  }
}

export interface WalkOptions {
  /** What the rules ask to see of each file: texts, content tags, content detectors. */
  needs: CombinedNeeds;
  budget: ReadBudget;
  scanWorkers: ScanWorkers;
  /** With --clamd: every file body also goes to ClamAV, up to `scanLimit` bytes. */
  clamd?: ClamdClient;
  scanLimit: number;
}

// Linux's PATH_MAX; no real image has deeper or longer paths, and every per-path walk over
// ancestors would otherwise grow with their square.
const MAX_PATH_BYTES = 4096;
const MAX_PATH_DEPTH = 256;

function countSlashes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('/'); i !== -1; i = s.indexOf('/', i + 1)) n++;
  return n;
}

const KINDS: Record<Exclude<TarHeader['type'], 'global-header'>, EntryKind> = {
  file: EntryKind.File,
  directory: EntryKind.Directory,
  symlink: EntryKind.Symlink,
  hardlink: EntryKind.Hardlink,
  char: EntryKind.CharDevice,
  block: EntryKind.BlockDevice,
  fifo: EntryKind.Fifo
};

/**
 * Keeps the text of a file the rules read (chosen by its path, or by its first bytes). The
 * parser feeds one entry at a time, so one sink per layer serves every file in turn (`start`).
 */
class TextSink implements EntrySink {
  private parts: Buffer[] | null = null;
  private first = true;
  private index = 0;
  private size = 0;
  private chosenByPath = false;

  constructor(private readonly walker: LayerWalker) {}

  start(index: number, size: number, chosenByPath: boolean): this {
    this.index = index;
    this.size = size;
    this.chosenByPath = chosenByPath;
    this.parts = null;
    this.first = true;
    return this;
  }

  data(chunk: Buffer): void {
    if (this.first) {
      this.first = false;
      const { budget, needs } = this.walker.options;
      if ((this.chosenByPath || needs.keepsTextByHead(chunk, this.size)) && budget.textLeft >= this.size) {
        budget.textLeft -= this.size;
        this.parts = [];
      }
    }
    this.parts?.push(Buffer.from(chunk));
  }

  end(): void {
    if (this.parts) this.walker.entries.texts.set(this.index, Buffer.concat(this.parts).toString('utf8'));
    this.parts = null;
  }
}

/** Streams a file body to ClamAV, beside whatever else reads it. */
class ClamdSink implements EntrySink {
  constructor(
    private readonly clamd: ClamdClient,
    index: number,
    limit: number,
    private readonly next: EntrySink | null
  ) {
    clamd.beginFile(index, limit);
  }
  data(chunk: Buffer): void | Promise<void> {
    this.next?.data(chunk);
    return this.clamd.data(chunk);
  }
  end(): void | Promise<void> {
    this.clamd.endFile();
    return this.next?.end();
  }
}

class LayerWalker {
  readonly entries = new LayerEntries();
  readonly record: LayerRecord;
  private readonly textSink = new TextSink(this);
  /** SCAN when this layer's files go past the content detectors (custom layers, when a rule asks for any). */
  private readonly scanFlag: number;
  /** File bodies found since the scan workers last heard from us (see BodyRanges). */
  ranges = new Float64Array(4 * 1024);
  rangeCount = 0;
  /** Where the bytes the scan workers need end, so far: tagged bodies whole, scanned ones up to the scan limit. */
  neededUntil = 0;
  position = () => 0;

  constructor(
    readonly options: WalkOptions,
    compression: LayerRecord['compression'],
    private readonly scan: boolean
  ) {
    this.record = {
      diffId: '',
      compression,
      size: 0,
      entries: this.entries,
      scanHits: [],
      clamd: [],
      unsafe: [],
      scan: { truncatedFiles: 0, unscannedBytes: 0 },
      contentScanned: scan
    };
    this.scanFlag = scan && options.needs.detectors.length > 0 ? SCAN : 0;
  }

  /** One reused array: the scan workers copy the ranges they are sent. */
  private addRange(index: number, start: number, size: number, flags: number): void {
    if (this.rangeCount + 4 > this.ranges.length) {
      const bigger = new Float64Array(this.ranges.length * 2);
      bigger.set(this.ranges);
      this.ranges = bigger;
    }
    const r = this.ranges;
    const at = this.rangeCount;
    r[at] = index;
    r[at + 1] = start;
    r[at + 2] = size;
    r[at + 3] = flags;
    this.rangeCount = at + 4;
    // At least the first byte: the scan workers opens a range when the bytes reach its start.
    const needed = flags & TAG ? size : Math.max(1, Math.min(size, this.options.scanLimit));
    this.neededUntil = Math.max(this.neededUntil, start + needed);
  }

  onEntry = (h: TarHeader): EntrySink | null => {
    if (h.name.length > MAX_PATH_BYTES || countSlashes(h.name) > MAX_PATH_DEPTH) {
      this.record.unsafe.push({ path: excerpt(h.name, 120), reason: `its name is longer than ${MAX_PATH_BYTES} bytes or ${MAX_PATH_DEPTH} levels deep` });
      return null;
    }
    const path = normalizeEntryName(h.name);
    if (path === null) {
      this.record.unsafe.push({ path: h.name, reason: 'its name climbs out of the image root with ".."' });
      return null;
    }
    if (path === '/') {
      // Docker would remove the root (and fail: "device or resource busy").
      if (h.type === 'global-header') throw new ImageError('a PAX global header in a layer names the image root: Docker cannot unpack the layer');
      return null;
    }
    const name = baseName(path);
    if (name.startsWith('.wh.')) {
      const dir = path.slice(0, path.length - name.length - 1) || '/';
      if (name === '.wh..wh..opq') this.entries.add(dir, EntryKind.Opaque, 0, 0, 0, 0);
      else if (!name.startsWith('.wh..wh.')) this.entries.add((dir === '/' ? '' : dir) + '/' + name.slice(4), EntryKind.Whiteout, 0, 0, 0, 0);
      return null;
    }
    // Docker skips a global header after removing whatever is at its path: a whiteout there.
    if (h.type === 'global-header') {
      this.entries.add(path, EntryKind.Whiteout, 0, 0, 0, 0);
      return null;
    }
    let link: string | undefined;
    // No file system holds a longer link (Linux: PATH_MAX), and a PAX record can carry a megabyte.
    if ((h.type === 'hardlink' || h.type === 'symlink') && h.linkname.length > MAX_PATH_BYTES) {
      this.record.unsafe.push({ path, reason: `its link target is longer than ${MAX_PATH_BYTES} bytes` });
      return null;
    }
    if (h.type === 'hardlink') {
      const target = normalizeEntryName(h.linkname);
      if (target === null || target === '/') {
        this.record.unsafe.push({ path, reason: `it is a hard link to "${h.linkname}", outside the image root` });
        return null;
      }
      link = target;
    } else if (h.type === 'symlink') {
      link = h.linkname;
    }
    if (this.entries.length >= MAX_LAYER_ENTRIES) {
      throw new ImageError(`a layer holds more than ${MAX_LAYER_ENTRIES} entries, more than this tool (and any real image) handles`);
    }
    const kind = KINDS[h.type];
    const index = this.entries.add(path, kind, h.mode & 0o7777, ownerId(h.uid), ownerId(h.gid), kind === EntryKind.File ? h.size : 0, link);
    // Only a file's capabilities mean anything; a hard link entry sets them on the file it links to.
    if (h.capability && (kind === EntryKind.File || kind === EntryKind.Hardlink)) this.entries.capabilities.set(index, h.capability);
    if (kind !== EntryKind.File || h.size === 0) return null;
    // setuid/setgid files are compared with the base wherever they are.
    const needs = this.options.needs;
    const tag = needs.needsContentTag(path, h);
    const flags = this.scanFlag | (tag ? TAG : 0);
    if (flags) this.addRange(index, this.position(), h.size, flags);
    const chosenByPath = h.size <= needs.textLimitByPath(path);
    const text = chosenByPath || h.size <= needs.maxHeadBytes ? this.textSink.start(index, h.size, chosenByPath) : null;
    return this.options.clamd && this.scan ? new ClamdSink(this.options.clamd, index, this.options.scanLimit, text) : text;
  };
}

/**
 * Walks a layer blob of the given compression and returns what it holds; `scan` false skips
 * the content scan (and ClamAV) for a layer known to be the base image's.
 */
export async function walkLayer(
  blob: AsyncIterable<Buffer>,
  compression: LayerRecord['compression'],
  options: WalkOptions,
  label: string,
  scan = true
): Promise<LayerRecord> {
  const walker = new LayerWalker(options, compression, scan);
  const parser = new TarParser(walker.onEntry, label);
  walker.position = () => parser.position;
  const record = walker.record;
  const scanWorkers = options.scanWorkers;
  await scanWorkers.begin();
  const clamdLayer = scan ? options.clamd?.beginLayer() : undefined;
  const consume = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      options.budget.consume(chunk.length, label);
      const start = record.size;
      record.size += chunk.length;
      await parser.write(chunk);
      // The ranges found in this chunk reach the scan workers before the chunk itself. Through
      // the daemon (no layer hash) a chunk that no file body needs is not copied to the
      // workers: base files that are neither tagged nor scanned, weights past the scan limit.
      const ranges = walker.ranges.subarray(0, walker.rangeCount);
      walker.rangeCount = 0;
      if (!scanWorkers.needsEveryByte && start >= walker.neededUntil) await scanWorkers.skip(ranges, chunk.length);
      else await scanWorkers.send(ranges, chunk);
    }
    await parser.end();
  };
  if (compression === 'none') await consume(blob);
  else await decompressInto(blob, compression, consume, label);
  const found = await scanWorkers.end();
  record.diffId = found.diffId ?? '';
  walker.entries.setContentTags(found.tags);
  walker.entries.seal();
  if (options.clamd && clamdLayer !== undefined) {
    record.clamd = (await options.clamd.layerVerdicts(clamdLayer)).map((v) => ({ path: walker.entries.paths[v.index], signature: v.signature }));
  }
  record.scanHits = found.hits.map(({ index, ...hit }) => ({ ...hit, path: walker.entries.paths[index] }));
  record.scan = { truncatedFiles: found.truncatedFiles, unscannedBytes: found.unscannedBytes };
  return record;
}

/**
 * The owner Docker leaves on a file it unpacks. It creates the file as root, then calls lchown
 * with the header's ID; the kernel reads (uid_t)-1 as "leave it unchanged", so the file stays root's.
 */
function ownerId(id: number): number {
  return id === 0xffffffff ? 0 : id;
}
