// Reads one layer blob as it streams by: decompresses it, hashes the tar stream (its diff_id),
// and records every entry, the content digests and text the rules need, and the scan hits.
// Nothing is written to disk and no file body is held in memory beyond the text kept for rules.
import { createHash, type Hash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { ContentScanner } from './content-scanner';
import { ImageError } from './errors';
import { baseName, normalizeEntryName } from './image-path';
import { EntryKind, LayerEntries, type LayerRecord } from './layer-record';
import { TarParser, type EntrySink, type TarHeader } from './tar-parser';

/** Limits shared by all layers of one image: decompression bombs and kept text stop here. */
export class ReadBudget {
  constructor(public uncompressedLeft: number, public textLeft = 64 * 1024 * 1024, private readonly limitText = '') {}
  consume(n: number, what: string): void {
    this.uncompressedLeft -= n;
    if (this.uncompressedLeft < 0) {
      throw new ImageError(`${what} expands to more than the ${this.limitText} limit on uncompressed data (--max-uncompressed): stopped reading; a compressed layer this large is a decompression bomb or far over the size limit`);
    }
  }
}

export interface WalkOptions {
  /** Whether the rules compare this file's content with another layer's. */
  needsDigest(path: string): boolean;
  /** Bytes of each file that the content scan reads at most. */
  scanLimit: number;
  budget: ReadBudget;
}

const TEXT_ALWAYS = new Set(['/etc/passwd', '/etc/group']);
const CREDENTIAL_FILE = /(?:\/\.netrc|\/\.git-credentials|\/\.obsutilconfig|\/\.docker\/config\.json|\/\.huaweicloud\/[^/]+|\/\.aws\/credentials)$/;
const MAX_CONFIG_TEXT = 4 * 1024 * 1024;
const MAX_SCRIPT_TEXT = 256 * 1024;

/** Which files the rules read as text; `head` is the first bytes of the file. */
function keepsText(path: string, size: number, head: Buffer): boolean {
  if (TEXT_ALWAYS.has(path) || CREDENTIAL_FILE.test(path)) return size <= MAX_CONFIG_TEXT;
  if (size > MAX_SCRIPT_TEXT) return false;
  if (path.endsWith('.sh') || path.endsWith('.bash')) return true;
  // A shell script without an extension: "#!/bin/sh", "#!/usr/bin/env bash", ...
  if (head[0] !== 0x23 || head[1] !== 0x21) return false;
  const nl = head.indexOf(0x0a);
  return /\b(?:ba|da|z|k)?sh\b/.test(head.toString('latin1', 2, nl === -1 ? Math.min(head.length, 128) : nl));
}

const KINDS: Record<TarHeader['type'], EntryKind> = {
  file: EntryKind.File,
  directory: EntryKind.Directory,
  symlink: EntryKind.Symlink,
  hardlink: EntryKind.Hardlink,
  char: EntryKind.CharDevice,
  block: EntryKind.BlockDevice,
  fifo: EntryKind.Fifo
};

class FileSink implements EntrySink {
  private hash: Hash | null;
  private textParts: Buffer[] | null = null;
  private first = true;
  private scanning = true;
  private seen = 0;

  constructor(
    private readonly walker: LayerWalker,
    private readonly index: number,
    private readonly path: string,
    private readonly size: number,
    digest: boolean
  ) {
    this.hash = digest ? createHash('sha256') : null;
    walker.scanner.begin(path, walker.options.scanLimit);
  }

  data(chunk: Buffer): void {
    if (this.first) {
      this.first = false;
      if (keepsText(this.path, this.size, chunk) && this.walker.options.budget.textLeft >= this.size) {
        this.walker.options.budget.textLeft -= this.size;
        this.textParts = [];
      }
    }
    this.hash?.update(chunk);
    this.textParts?.push(Buffer.from(chunk));
    if (this.scanning) this.scanning = this.walker.scanner.feed(chunk, this.seen === 0 && chunk.length === this.size);
    this.seen += chunk.length;
  }

  end(): void {
    const { entries, scanner, record } = this.walker;
    if (this.hash) entries.digests.set(this.index, this.hash.digest('hex'));
    if (this.textParts) entries.texts.set(this.index, Buffer.concat(this.textParts).toString('utf8'));
    for (const hit of scanner.finish()) record.scanHits.push(hit);
    if (scanner.scannedBytes < this.size) {
      record.scan.truncatedFiles++;
      record.scan.unscannedBytes += this.size - scanner.scannedBytes;
    }
  }
}

class LayerWalker {
  readonly entries = new LayerEntries();
  readonly scanner = new ContentScanner();
  readonly record: LayerRecord;

  constructor(readonly options: WalkOptions, compression: LayerRecord['compression']) {
    this.record = {
      diffId: '',
      compression,
      size: 0,
      entries: this.entries,
      scanHits: [],
      unsafe: [],
      scan: { truncatedFiles: 0, unscannedBytes: 0 }
    };
  }

  onEntry = (h: TarHeader): EntrySink | null => {
    const path = normalizeEntryName(h.name);
    if (path === null) {
      this.record.unsafe.push({ path: h.name, reason: 'its name climbs out of the image root with ".."' });
      return null;
    }
    if (path === '/') return null;
    const name = baseName(path);
    if (name.startsWith('.wh.')) {
      const dir = path.slice(0, path.length - name.length - 1) || '/';
      if (name === '.wh..wh..opq') this.entries.add(dir, EntryKind.Opaque, 0, 0, 0, 0);
      else if (!name.startsWith('.wh..wh.')) this.entries.add((dir === '/' ? '' : dir) + '/' + name.slice(4), EntryKind.Whiteout, 0, 0, 0, 0);
      return null;
    }
    let link: string | undefined;
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
    const kind = KINDS[h.type];
    const index = this.entries.add(path, kind, h.mode & 0o7777, h.uid, h.gid, kind === EntryKind.File ? h.size : 0, link);
    if (kind !== EntryKind.File || h.size === 0) return null;
    // setuid/setgid files are compared with the base wherever they are.
    return new FileSink(this, index, path, h.size, (h.mode & 0o6000) !== 0 || this.options.needsDigest(path));
  };
}

/**
 * Walks a layer blob of the given compression. Returns the record with `diffId` set when the
 * blob was compressed; for a plain tar blob the caller's blob digest is the diff_id.
 */
export async function walkLayer(
  blob: AsyncIterable<Buffer>,
  compression: LayerRecord['compression'],
  options: WalkOptions,
  what: string
): Promise<LayerRecord> {
  const walker = new LayerWalker(options, compression);
  const parser = new TarParser(walker.onEntry, what);
  const hash = compression === 'none' ? null : createHash('sha256');
  const record = walker.record;
  const consume = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      options.budget.consume(chunk.length, what);
      record.size += chunk.length;
      hash?.update(chunk);
      await parser.write(chunk);
    }
    await parser.end();
  };
  try {
    if (compression === 'none') await consume(blob);
    else await pipeline(Readable.from(blob, { objectMode: false }), decompressor(compression, what), consume);
  } catch (err) {
    if (err instanceof ImageError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_ZSTD') || /zstd|zlib|gzip|header check|incorrect/i.test(String((err as Error).message))) {
      throw new ImageError(`${what} is corrupt: its ${compression} data cannot be decompressed (${(err as Error).message})`);
    }
    throw err;
  }
  walker.entries.seal();
  if (hash) record.diffId = 'sha256:' + hash.digest('hex');
  return record;
}

function decompressor(compression: 'gzip' | 'zstd', what: string): zlib.Gunzip | NodeJS.ReadWriteStream {
  if (compression === 'gzip') return zlib.createGunzip({ chunkSize: 128 * 1024 });
  const create = (zlib as unknown as { createZstdDecompress?: () => NodeJS.ReadWriteStream }).createZstdDecompress;
  if (!create) {
    throw new ImageError(
      `${what} is zstd-compressed, and this Node.js (${process.version}) has no zstd support: run with Node.js 22.15 or newer (the action runs on Node 24)`
    );
  }
  return create();
}
