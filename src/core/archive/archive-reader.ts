// Reads an image archive (what `docker save` writes, or an OCI image layout) in one pass, in
// whatever order it lists its entries: the daemon's stream is not seekable and its manifest
// comes last, so every blob is classified by its first bytes as it arrives. Layer blobs are
// walked on the fly; small JSON blobs (manifests, configs, indexes) are kept for later.
import { createHash, type Hash } from 'node:crypto';
import { SNIFF_BYTES, sniffBlob, type BlobKind } from './blob-kind';
import { excerpt } from '../text/excerpt';
import { decompressInto, zstdSupported } from '../layer/decompress';
import { ImageError } from '../errors';
import { Handoff } from '../streams/handoff';
import { AMBIGUOUS, ArchiveContents, digestInBlobPath, resolveInArchive, RESOLVE_BUDGET, type ArchiveBlob } from './archive-contents';
import type { ChunkSource } from '../source/image-source';
import { normalizeEntryName } from '../fs/image-path';
import type { LayerRecord } from '../layer/layer-record';
import { LEGACY_LAYER_PATH, predictedBaseLayerPaths } from './legacy-layer-ids';
import { walkLayer, type WalkOptions } from '../layer/layer-walker';
import { TarParser, type EntrySink, type TarHeader } from '../tar/tar-parser';

// Manifests and configs are small; a bigger "JSON" blob is not one of them.
const MAX_JSON = 16 * 1024 * 1024;

export interface ReadOptions {
  /** Walk layer blobs (false for a base image, of which only the config is needed). */
  walkLayers: boolean;
  /**
   * Digests ("sha256:...") of the given base image's layers. A layer blob stored under one of
   * these names is the base's layer byte for byte (the name is verified against the content
   * once read), so its content is not scanned: rules skip base layers' scan findings anyway.
   */
  baseLayerDigests?: ReadonlySet<string>;
  /**
   * Paths of the base image's layers in its legacy `docker save` archive ("<v1 id>/layer.tar").
   * Docker derives those IDs from the layer chain, so the image's copy of a base layer has the
   * same path. The path says nothing of the content: a layer read unscanned this way must turn
   * out to be one of the base's layers (its diff_id), which the validator checks once all is read.
   */
  baseLayerPaths?: ReadonlySet<string>;
  /** The base image's diff_ids: in a legacy archive made by Docker, the paths its layers get are predicted from them. */
  baseDiffIds?: readonly string[];
  walk: WalkOptions;
  /** Called as layer bytes go by, for progress reporting. */
  onProgress?: (bytes: number) => void;
  /** What to call the archive in messages ("image archive image.tar"). */
  label: string;
}

class HashingSink implements EntrySink {
  private hash: Hash | null = createHash('sha256');
  private head: Buffer[] = [];
  private headSize = 0;
  private target: EntrySink | null = null;

  constructor(
    private readonly path: string,
    private readonly entrySize: number,
    private readonly reader: ArchiveReader
  ) {}

  data(chunk: Buffer): void | Promise<void> {
    this.hash?.update(chunk);
    if (this.target) return this.target.data(chunk);
    this.head.push(Buffer.from(chunk)); // the source may reuse its buffer
    this.headSize += chunk.length;
    if (this.headSize >= SNIFF_BYTES) return this.start();
  }

  async end(): Promise<void> {
    if (!this.target) await this.start();
    await this.target!.end();
    const blob = this.reader.contents.files.get(this.path)!;
    // A plain tar layer's digest is its diff_id, hashed by the layer walker's side work.
    blob.digest = this.hash ? 'sha256:' + this.hash.digest('hex') : (blob.layer?.diffId ?? '');
    blob.size = this.entrySize; // the body may have been skipped, not read
  }

  get discarding(): boolean {
    return this.target === DISCARD && this.hash === null;
  }

  private start(): void | Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    const kind = sniffBlob(head.subarray(0, SNIFF_BYTES));
    // Layers of a base image are not read, and a plain tar layer is hashed beside the parser.
    if (kind === 'tar' || ((kind === 'gzip' || kind === 'zstd') && !this.reader.options.walkLayers)) this.hash = null;
    const blob: ArchiveBlob = { digest: '', size: 0, kind };
    this.reader.contents.files.set(this.path, blob);
    this.target = this.reader.sinkFor(this.path, kind, this.entrySize, blob);
    return this.target.data(head);
  }
}

class JsonSink implements EntrySink {
  private parts: Buffer[] = [];
  constructor(private readonly blob: ArchiveBlob) {}
  data(chunk: Buffer): void {
    this.parts.push(Buffer.from(chunk));
  }
  end(): void {
    try {
      const text = Buffer.concat(this.parts).toString('utf8');
      this.blob.json = JSON.parse(text);
      this.blob.text = text;
    } catch (err) {
      this.blob.jsonError = (err as Error).message;
    }
    this.parts = [];
  }
}

const DISCARD: EntrySink = { data() {}, end() {}, discarding: true };
/** Smaller bodies are read through: a seek costs more than reading a few blocks. */
const MIN_SKIP = 64 * 1024;

/** Feeds a layer blob to the layer walker, one chunk at a time (see Handoff). */
class LayerSink implements EntrySink {
  private readonly channel = new Handoff();
  private readonly done: Promise<LayerRecord>;
  private failure: unknown = null;

  constructor(
    private readonly blob: ArchiveBlob,
    compression: LayerRecord['compression'],
    private readonly options: ReadOptions,
    label: string,
    scan: boolean
  ) {
    this.done = walkLayer(this.channel, compression, options.walk, label, scan);
    this.done.catch((err) => {
      this.failure = err;
      this.channel.abort(err);
    });
  }

  async data(chunk: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.options.onProgress?.(chunk.length);
    await this.channel.push(chunk);
    if (this.failure) throw this.failure;
  }

  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    this.channel.end();
    this.blob.layer = await this.done;
  }
}

class ArchiveReader {
  readonly contents: ArchiveContents;
  /** Shared by every path resolved or recorded while reading (see RESOLVE_BUDGET). */
  private readonly resolveBudget = { chars: RESOLVE_BUDGET };
  /** Directories on the paths read so far: docker load would remove what an entry replacing one holds. */
  private readonly directories = new Set<string>();
  /** Where a legacy archive made by Docker keeps the base's layers (see legacy-layer-ids.ts). */
  private predictedBasePaths: Set<string> | undefined;
  constructor(readonly options: ReadOptions) {
    this.contents = new ArchiveContents(options.label);
  }

  onEntry = (h: TarHeader): EntrySink | null => {
    const normalized = normalizeEntryName(h.name);
    if (normalized === null) throw new ImageError(`${this.options.label} has an entry whose name climbs out of the archive: "${h.name}"`);
    const { files, links } = this.contents;
    const path = normalized.slice(1);
    const label = this.options.label;
    const resolved = resolveInArchive(links, path, false, this.resolveBudget);
    if (resolved === undefined) throw this.tooDeep(h.name);
    if (resolved !== path) throw new ImageError(`${label} writes "${excerpt(h.name, 200)}" through a symlinked directory: ${AMBIGUOUS}`);
    // Only a regular file may follow a regular file, a symlink a symlink, a directory a directory
    // (as writers repeat entries).
    const was = files.has(path) ? 'file' : links.has(path) ? 'symlink' : this.directories.has(path) ? 'directory' : undefined;
    if (was && was !== h.type) throw new ImageError(`${label} replaces the ${was} "${excerpt(h.name, 200)}" with an entry of another type: ${AMBIGUOUS}`);
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
      if ((this.resolveBudget.chars -= i) < 0) throw this.tooDeep(h.name);
      this.directories.add(path.slice(0, i));
    }
    switch (h.type) {
      case 'file':
        return new HashingSink(path, h.size, this);
      case 'symlink':
        // Legacy `docker save` stores a repeated layer as a symlink to its first copy.
        links.set(path, h.linkname);
        return null;
      case 'hardlink': {
        // docker load links to the file as it is now; containerd skips the entry (a layer named
        // by it is then missing there). A later entry at the target does not change the link.
        const target = normalizeEntryName(h.linkname);
        const file = target === null ? undefined : files.get(target.slice(1));
        if (file) files.set(path, file);
        return null;
      }
      case 'directory':
        this.directories.add(path);
        return null;
      default:
        return null; // a device, a global header: nothing for the image there
    }
  };

  private tooDeep(name: string): ImageError {
    return new ImageError(`${this.options.label} has a loop of symlinks, or paths nested deeper than any archive needs, at "${excerpt(name, 200)}"`);
  }

  private isBaseLayer(path: string): boolean {
    const digest = digestInBlobPath(path);
    if (digest !== undefined) return !!this.options.baseLayerDigests?.has(digest);
    if (!LEGACY_LAYER_PATH.test(path)) return false;
    if (this.options.baseLayerPaths?.has(path)) return true;
    // The layer's own json came just before it; until one that is not the top layer's came, none is predicted.
    if (!this.predictedBasePaths && this.options.baseDiffIds) {
      const text = this.contents.files.get(path.slice(0, 64) + '/json')?.text;
      if (text) this.predictedBasePaths = predictedBaseLayerPaths(this.options.baseDiffIds, text);
    }
    return !!this.predictedBasePaths?.has(path);
  }

  sinkFor(path: string, kind: BlobKind, size: number, blob: ArchiveBlob): EntrySink {
    const label = `layer ${path} of ${this.options.label}`;
    switch (kind) {
      case 'json':
        if (size <= MAX_JSON) return new JsonSink(blob);
        return DISCARD;
      case 'tar':
      case 'gzip':
      case 'zstd':
        if (!this.options.walkLayers) return DISCARD;
        return new LayerSink(blob, kind === 'tar' ? 'none' : kind, this.options, label, !this.isBaseLayer(path));
      default:
        return DISCARD;
    }
  }
}

/** Reads a whole archive stream; the outer archive may itself be gzip- or zstd-compressed. */
export async function readArchive(source: ChunkSource, options: ReadOptions): Promise<ArchiveContents> {
  const reader = new ArchiveReader(options);
  const parser = new TarParser(reader.onEntry, options.label, source.cutShortHint);
  const iterator = source[Symbol.asyncIterator]();
  // The first bytes tell a compressed archive from a plain one. A pipe may hand over less than a
  // tar header at first: small pieces are gathered (copied: a source reuses its buffers).
  let first = await iterator.next();
  let head: Buffer | undefined = first.done ? undefined : first.value;
  if (head && head.length < SNIFF_BYTES) head = Buffer.from(head); // before the source reuses its buffer
  while (head && head.length < SNIFF_BYTES && !(first = await iterator.next()).done) head = Buffer.concat([head, first.value]);
  if (!head || head.length === 0) throw new ImageError(`${options.label} is empty`);
  const sniffed = head;
  // Hand on what was read to tell, first.
  const rest = (async function* () {
    try {
      yield sniffed;
      if (first.done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.(); // closes the file when reading stops early
    }
  })();
  const consume = async (chunks: AsyncIterable<Buffer>, skip?: (n: number) => number, stopAtEnd = false) => {
    for await (const chunk of chunks) {
      await parser.write(chunk);
      // After the end-of-archive marker comes padding at most. The daemon keeps its connection
      // open for a while after it (it deletes its export), so the check
      // goes on at once. A gzipped archive is read to its end, where the gzip trailer is checked.
      if (stopAtEnd && parser.ended) break;
      // Bodies nobody reads (a base image's layers) are jumped over where the source can seek.
      if (skip && parser.skippable >= MIN_SKIP) await parser.skip(skip(parser.skippable));
    }
    await parser.end();
  };
  const kind = sniffBlob(head.subarray(0, SNIFF_BYTES));
  if (kind === 'zstd' && !zstdSupported()) {
    throw new ImageError(
      `${options.label} is zstd-compressed as a whole, and this Node.js (${process.version}) has no zstd support: decompress it first (zstd -dc FILE | modelarts-image-check -), or run Node.js 22.15 or newer`
    );
  }
  if (kind === 'gzip' || kind === 'zstd') await decompressInto(rest, kind, consume, options.label);
  else if (kind === 'bzip2' || kind === 'xz') {
    const tool = kind === 'xz' ? 'xz' : 'bzip2';
    throw new ImageError(
      `${options.label} is ${kind}-compressed as a whole, which this tool does not read: decompress it (${tool} -d), or pipe it in: ${tool} -dc FILE | modelarts-image-check -`
    );
  } else await consume(rest, source.skip?.bind(source), true);
  return reader.contents;
}
