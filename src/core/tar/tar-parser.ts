// A push-based tar reader. It is hand-written rather than tar-stream because a layer holds
// hundreds of thousands of small entries: parsing headers straight from the incoming buffers,
// with no stream object per entry, is what keeps the validator near the cost of GNU tar
// (docs/performance.md). Bodies are handed on as sub-views of the input, never copied.
//
// It reads an archive as Go's archive/tar does, because Docker and containerd load images and
// unpack layers with it: the rules must judge the files Docker writes, and an archive that Go
// would read differently could otherwise show the validator other files (docs/architecture.md,
// "Reading images as Docker does"). Where Go refuses an archive, so does this reader.
import { ImageError } from '../errors';
import { decodeBytes, escapeNonAscii } from '../text/byte-strings';
import { applyPaxRecords, parsePaxRecords, PaxError, type PaxRecordMap, type PaxRecords } from './pax-records';
import { BLOCK, checksumMatches, decodeHeader, type RawHeader } from './tar-header';

/**
 * 'global-header' is a PAX global header: Go hands it over as an entry of its own, and Docker,
 * skipping it, first removes whatever is at its path (its name, or its own PAX path record).
 */
export type TarEntryType = 'file' | 'hardlink' | 'symlink' | 'char' | 'block' | 'directory' | 'fifo' | 'global-header';

export interface TarHeader {
  /** The name's bytes (text/byte-strings.ts: every byte kept, so distinct names stay distinct). */
  name: string;
  type: TarEntryType;
  /** The mode, UID and GID as the kernel gets them from Docker: the low 32 bits of Go's values. */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname: string;
  /** The raw value of the entry's `security.capability` extended attribute (file-capabilities.ts), if it has one. */
  capability?: Buffer;
}

/** Receives one entry's body. Returning a promise makes the parser wait (backpressure). */
export interface EntrySink {
  data(chunk: Buffer): void | Promise<void>;
  end(): void | Promise<void>;
  /** True once the sink ignores the rest of the body: a seekable source may jump over it. */
  readonly discarding?: boolean;
}

/** Called for every entry; return a sink to receive its body, or null to skip the body. */
export type EntryHandler = (header: TarHeader) => EntrySink | null;

// Long names and PAX records are metadata; anything bigger is hostile, not a real archive.
const MAX_META_SIZE = 1024 * 1024;

// The types Docker unpacks (moby's createTarFile): anything else, '7' (contiguous file) and GNU's
// 'S' and 'D' included, makes it fail with "unhandled tar header type".
const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'directory',
  '6': 'fifo'
};

/** Entries Go gives no body, whatever their size says: the next header follows at once. */
const HEADER_ONLY = new Set<TarEntryType>(['hardlink', 'symlink', 'char', 'block', 'directory', 'fifo']);
const HEADER_ONLY_FLAGS = new Set(['1', '2', '3', '4', '5', '6']);

const enum State {
  Header,
  Body,
  Meta,
  Padding,
  Done
}

export class TarParser {
  private state = State.Header;
  private readonly headerBuf = Buffer.alloc(BLOCK);
  private headerFill = 0;
  private remaining = 0; // body bytes left in the current entry
  private padding = 0;
  private sink: EntrySink | null = null;
  private metaKind = '';
  /** A global header's own name (its PAX path record may replace it), and where the meta header was. */
  private metaName = '';
  private metaAt = 0;
  private metaChunks: Buffer[] = [];
  private pending: { longName?: string; longLink?: string; pax?: PaxRecordMap; paxAt?: number } = {};
  private zeroBlocks = 0;
  private offset = 0; // bytes consumed, for error messages
  private currentName = '';

  /**
   * With a `cutShortHint` (ChunkSource.cutShortHint) an archive that stops after a whole entry,
   * without the end-of-archive marker, is truncated too, and truncation errors add the hint.
   */
  constructor(
    private readonly onEntry: EntryHandler,
    private readonly label = 'tar archive',
    private readonly cutShortHint?: string
  ) {}

  /** Bytes consumed so far; while `onEntry` runs, the offset of that entry's body. */
  get position(): number {
    return this.offset;
  }

  async write(chunk: Buffer): Promise<void> {
    let pos = 0;
    const len = chunk.length;
    while (pos < len) {
      switch (this.state) {
        case State.Header: {
          let block: Buffer;
          if (this.headerFill === 0 && len - pos >= BLOCK) {
            block = chunk.subarray(pos, pos + BLOCK);
            pos += BLOCK;
          } else {
            const n = Math.min(BLOCK - this.headerFill, len - pos);
            chunk.copy(this.headerBuf, this.headerFill, pos, pos + n);
            this.headerFill += n;
            pos += n;
            if (this.headerFill < BLOCK) continue;
            this.headerFill = 0;
            block = this.headerBuf;
          }
          this.offset += BLOCK;
          const r = this.onHeaderBlock(block);
          if (r) await r;
          break;
        }
        case State.Body: {
          const n = Math.min(this.remaining, len - pos);
          if (this.sink) {
            const r = this.sink.data(chunk.subarray(pos, pos + n));
            if (r) await r;
          }
          pos += n;
          this.remaining -= n;
          this.offset += n;
          if (this.remaining === 0) {
            const r = this.finishBody();
            if (r) await r;
          }
          break;
        }
        case State.Meta: {
          const n = Math.min(this.remaining, len - pos);
          this.metaChunks.push(Buffer.from(chunk.subarray(pos, pos + n)));
          pos += n;
          this.remaining -= n;
          this.offset += n;
          if (this.remaining === 0) this.finishMeta();
          break;
        }
        case State.Padding: {
          const n = Math.min(this.padding, len - pos);
          pos += n;
          this.padding -= n;
          this.offset += n;
          if (this.padding === 0) this.state = State.Header;
          break;
        }
        case State.Done:
          return; // whatever follows the end-of-archive blocks is record padding
      }
    }
  }

  /** Whether the end-of-archive marker was read: nothing after it belongs to the archive. */
  get ended(): boolean {
    return this.state === State.Done;
  }

  /** Input bytes the parser will next discard unread (the rest of an ignored body, padding). */
  get skippable(): number {
    if (this.state === State.Padding) return this.padding;
    if (this.state === State.Body && (!this.sink || this.sink.discarding)) return this.remaining + this.padding;
    return 0;
  }

  /** The caller jumped over `n` (at most `skippable`) input bytes instead of writing them. */
  async skip(n: number): Promise<void> {
    if (this.state === State.Body) {
      const body = Math.min(n, this.remaining);
      this.remaining -= body;
      this.offset += body;
      n -= body;
      if (this.remaining > 0) return;
      await this.finishBody();
    }
    if (this.state === State.Padding) {
      this.padding -= n;
      this.offset += n;
      if (this.padding === 0) this.state = State.Header;
    }
  }

  /** Call when the input has ended; throws when it ended inside an entry. */
  async end(): Promise<void> {
    if (this.state === State.Done) return;
    if (this.offset === 0 && this.headerFill > 0) {
      throw new ImageError(`${this.label} is not a tar archive: it has ${this.headerFill} bytes, less than one tar header`);
    }
    const hint = this.cutShortHint === undefined ? '' : ` (${this.cutShortHint})`;
    if ((this.state === State.Header && this.headerFill === 0) || this.state === State.Padding) {
      // Tolerated as Go does: a missing end-of-archive marker after a whole entry, even one
      // whose padding is cut short.
      if (this.cutShortHint === undefined) return;
      throw new ImageError(`${this.label} is truncated: it ends at byte ${this.offset}, before the end-of-archive marker${hint}`);
    }
    const where = this.currentName ? ` in entry "${this.currentName}"` : '';
    throw new ImageError(`${this.label} is truncated: it ends at byte ${this.offset + this.headerFill}${where}${hint}`);
  }

  private onHeaderBlock(block: Buffer): void | Promise<void> {
    const at = this.offset - BLOCK;
    if (isZeroBlock(block)) {
      this.zeroBlocks++;
      if (this.zeroBlocks >= 2) this.state = State.Done;
      return;
    }
    // GNU tar reads on after a lone zero block with -i only; Go refuses the archive.
    if (this.zeroBlocks > 0)
      throw new ImageError(
        `${this.label} is corrupt: the zero block at byte ${at - BLOCK} is followed by an entry, not by the second block of the end-of-archive marker`
      );
    if (!checksumMatches(block)) {
      if (at === 0) throw new ImageError(`${this.label} is not a tar archive (its first block is not a tar header)`);
      throw new ImageError(`${this.label} is corrupt: bad tar header checksum at byte ${at}`);
    }
    const raw = decodeHeader(block);
    if ('invalidField' in raw) throw new ImageError(`${this.label} is corrupt: the ${raw.invalidField} field of the tar header at byte ${at} does not parse`);
    // Go checks the size before it knows what the header is for: negative is an error unless the type has no body.
    if (raw.size < 0 && !HEADER_ONLY_FLAGS.has(raw.typeflag)) throw new ImageError(`${this.label} is corrupt: negative size in the tar header at byte ${at}`);
    const typeflag = raw.typeflag;
    if (typeflag === 'L' || typeflag === 'K' || typeflag === 'x' || typeflag === 'g') {
      if (raw.size > MAX_META_SIZE) {
        throw new ImageError(`${this.label} is corrupt: a ${describeMeta(typeflag)} of ${raw.size} bytes at byte ${at}`);
      }
      this.metaKind = typeflag;
      this.metaName = raw.name;
      this.metaAt = at;
      this.metaChunks = [];
      this.remaining = raw.size;
      this.padding = padOf(raw.size);
      if (raw.size === 0) this.finishMeta();
      else this.state = State.Meta;
      return;
    }
    const header = this.buildHeader(raw, at);
    this.currentName = header.name;
    this.sink = this.onEntry(header);
    this.remaining = header.size;
    this.padding = padOf(header.size);
    if (header.size === 0) return this.finishBody();
    this.state = State.Body;
  }

  private buildHeader(raw: RawHeader, at: number): TarHeader {
    // Go applies PAX records to the entry they precede, so a bad value is an error only then.
    const { pax: records, paxAt = 0 } = this.pending;
    const pax = records ? this.paxError(paxAt, () => applyPaxRecords(records)) : NO_PAX;
    // As in Go, a GNU long name beats a PAX path, and an empty one counts as none.
    const name = this.pending.longName || pax.path || raw.name;
    const linkname = this.pending.longLink || (pax.linkpath ?? raw.linkname);
    this.pending = {};
    const typeflag = raw.typeflag;
    if (typeflag === 'S' || pax.sparse) {
      throw new ImageError(
        `${this.label} has a GNU sparse file "${name}" at byte ${at}: Docker's builders never write one, and to judge it the holes Go's reader fills in would have to be read too, so it cannot be checked`
      );
    }
    // An old-style entry (type NUL) whose name ends in "/" is a directory, as Go reads it.
    let type = TYPES[typeflag];
    if (typeflag === '\0' && name.endsWith('/')) type = 'directory';
    if (type === undefined) {
      throw new ImageError(`${this.label} has an entry of a type Docker does not unpack, "${escapeNonAscii(typeflag)}" ("${name}"), at byte ${at}`);
    }
    const size = pax.size ?? raw.size;
    if (size < 0 && !HEADER_ONLY.has(type)) throw new ImageError(`${this.label} is corrupt: negative size for "${name}" at byte ${at}`);
    return {
      name,
      type,
      mode: raw.mode,
      uid: pax.uid ?? raw.uid,
      gid: pax.gid ?? raw.gid,
      size: HEADER_ONLY.has(type) ? 0 : size,
      linkname,
      ...(pax.capability && { capability: pax.capability })
    };
  }

  private finishBody(): void | Promise<void> {
    const sink = this.sink;
    this.sink = null;
    this.state = this.padding > 0 ? State.Padding : State.Header;
    this.currentName = '';
    if (sink) return sink.end();
  }

  private finishMeta(): void {
    const body = Buffer.concat(this.metaChunks);
    this.metaChunks = [];
    this.state = this.padding > 0 ? State.Padding : State.Header;
    switch (this.metaKind) {
      case 'L':
        this.pending.longName = decodeBytes(body, 0, nulIndex(body));
        break;
      case 'K':
        this.pending.longLink = decodeBytes(body, 0, nulIndex(body));
        break;
      case 'x':
        this.pending.pax = this.paxError(this.metaAt, () => parsePaxRecords(body));
        this.pending.paxAt = this.metaAt;
        break;
      case 'g': {
        // An entry of its own, as Go reads it: its records apply to no other entry, and what
        // came before it (a long name, PAX records) is dropped.
        const records = this.paxError(this.metaAt, () => parsePaxRecords(body));
        const path = records.get('path');
        const name = path?.length ? decodeBytes(path, 0, path.length) : this.metaName;
        // Go applies a global header's records in random order and stops at one whose value
        // does not parse: its name is then its own or its path record's, by chance.
        if (name !== this.metaName && isRefused(() => applyPaxRecords(records))) {
          throw new ImageError(
            `${this.label} has a PAX global header at byte ${this.metaAt} whose name Go reads as "${this.metaName}" or "${name}" by chance (one of its records does not parse), so what Docker removes cannot be known`
          );
        }
        this.pending = {};
        this.onEntry({ name, type: 'global-header', mode: 0, uid: 0, gid: 0, size: 0, linkname: '' });
        break;
      }
    }
  }

  private paxError<T>(at: number, read: () => T): T {
    try {
      return read();
    } catch (err) {
      if (!(err instanceof PaxError)) throw err;
      throw new ImageError(`${this.label} is corrupt: the PAX header at byte ${at} has ${err.message}; Go's tar reader, and so Docker, refuses it`);
    }
  }
}

function isRefused(read: () => unknown): boolean {
  try {
    read();
    return false;
  } catch (err) {
    if (err instanceof PaxError) return true;
    throw err;
  }
}

function describeMeta(typeflag: string): string {
  return typeflag === 'L' || typeflag === 'K' ? 'GNU long name' : 'PAX header';
}

function padOf(size: number): number {
  const rest = size % BLOCK;
  return rest === 0 ? 0 : BLOCK - rest;
}

function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) {
    if (block[i] !== 0) return false;
  }
  return true;
}

const NO_PAX: PaxRecords = {};

function nulIndex(b: Buffer): number {
  const i = b.indexOf(0);
  return i === -1 ? b.length : i;
}
