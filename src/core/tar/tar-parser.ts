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
import { excerpt } from '../text/excerpt';

/**
 * 'global-header' is a PAX global header: Go hands it over as an entry of its own, and Docker,
 * skipping it, first removes whatever is at its path (its name, or its own PAX path record).
 */
export type TarEntryType = 'file' | 'hardlink' | 'symlink' | 'char' | 'block' | 'directory' | 'fifo' | 'global-header';

export interface TarHeader {
  name: string;
  type: TarEntryType;
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

const BLOCK = 512;
// Long names and PAX records are metadata; anything bigger is hostile, not a real archive.
const MAX_META_SIZE = 1024 * 1024;

const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'directory',
  '6': 'fifo'
};

/** Entries Go gives no body, whatever their size says: the next header follows at once. */
const HEADER_ONLY = new Set<TarEntryType>(['hardlink', 'symlink', 'char', 'block', 'directory', 'fifo']);

interface PaxAttrs {
  path?: string;
  linkpath?: string;
  size?: number;
  uid?: number;
  gid?: number;
  /** GNU.sparse.* records: Go would read the entry as a sparse file, under another name. */
  sparse?: boolean;
  capability?: Buffer;
}

/** The PAX record of the extended attribute that holds file capabilities, as Go and Docker name it. */
const CAPABILITY_RECORD = 'SCHILY.xattr.security.capability';

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
  /** A global header's own name (its PAX path record may replace it). */
  private metaName = '';
  private metaChunks: Buffer[] = [];
  private pending: { longName?: string; longLink?: string; pax?: PaxAttrs } = {};
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
    const hint = this.cutShortHint === undefined ? '' : ` (${this.cutShortHint})`;
    if (this.state === State.Header && this.headerFill === 0) {
      // Tolerated like GNU tar does: a missing end-of-archive marker after a whole entry.
      if (this.cutShortHint === undefined) return;
      throw new ImageError(`${this.label} is truncated: it ends at byte ${this.offset}, before the end-of-archive marker${hint}`);
    }
    const where = this.currentName ? ` in entry "${this.currentName}"` : '';
    throw new ImageError(`${this.label} is truncated: it ends at byte ${this.offset}${where}${hint}`);
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
    const typeflag = String.fromCharCode(block[156]);
    const size = readNumber(block, 124, 12, 'size', at, this.label);
    if (typeflag === 'L' || typeflag === 'K' || typeflag === 'x' || typeflag === 'g') {
      if (size > MAX_META_SIZE) {
        throw new ImageError(`${this.label} is corrupt: a ${describeMeta(typeflag)} of ${size} bytes at byte ${at}`);
      }
      this.metaKind = typeflag;
      this.metaName = typeflag === 'g' ? headerName(block) : '';
      this.metaChunks = [];
      this.remaining = size;
      this.padding = padOf(size);
      if (size === 0) this.finishMeta();
      else this.state = State.Meta;
      return;
    }
    const header = this.buildHeader(block, typeflag, size, at);
    this.currentName = header.name;
    this.sink = this.onEntry(header);
    this.remaining = header.size;
    this.padding = padOf(header.size);
    if (header.size === 0) return this.finishBody();
    this.state = State.Body;
  }

  private buildHeader(block: Buffer, typeflag: string, rawSize: number, at: number): TarHeader {
    const pax = this.pending.pax ?? NO_PAX;
    // As in Go, a GNU long name beats a PAX path, and an empty one counts as none.
    const name = this.pending.longName || pax.path || headerName(block);
    const linkname = this.pending.longLink || (pax.linkpath ?? readString(block, 157, 100));
    this.pending = {};
    if (typeflag === 'S' || pax.sparse) {
      throw new ImageError(
        `${this.label} has a GNU sparse file "${name}" at byte ${at}, which Docker's tools never write and Go's tar reader would unpack under another name or with other contents`
      );
    }
    // An old-style entry (type NUL) whose name ends in "/" is a directory, as Go reads it.
    let type = TYPES[typeflag];
    if (typeflag === '\0' && name.endsWith('/')) type = 'directory';
    if (type === undefined) {
      throw new ImageError(`${this.label} has an entry of unsupported type "${printable(typeflag)}" ("${name}") at byte ${at}`);
    }
    return {
      name,
      type,
      mode: readNumber(block, 100, 8, 'mode', at, this.label),
      uid: pax.uid ?? readNumber(block, 108, 8, 'uid', at, this.label),
      gid: pax.gid ?? readNumber(block, 116, 8, 'gid', at, this.label),
      size: HEADER_ONLY.has(type) ? 0 : (pax.size ?? rawSize),
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
        this.pending.longName = readString(body, 0, body.length);
        break;
      case 'K':
        this.pending.longLink = readString(body, 0, body.length);
        break;
      case 'x':
        this.pending.pax = parsePax(body, this.label);
        break;
      case 'g': {
        // An entry of its own, as Go reads it: its records apply to no other entry, and what
        // came before it (a long name, PAX records) is dropped.
        const name = parsePax(body, this.label).path || this.metaName;
        this.pending = {};
        this.onEntry({ name, type: 'global-header', mode: 0, uid: 0, gid: 0, size: 0, linkname: '' });
        break;
      }
    }
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

const NO_PAX: PaxAttrs = {};

function checksumMatches(block: Buffer): boolean {
  // The sum counts the checksum field as eight spaces; old tars summed signed bytes, so bytes
  // above 127 are counted to give that sum too. One branch-free pass, then the field's bytes out.
  let unsigned = 8 * 0x20;
  let high = 0;
  for (let i = 0; i < BLOCK; i++) {
    unsigned += block[i];
    high += block[i] >> 7;
  }
  for (let i = 148; i < 156; i++) {
    unsigned -= block[i];
    high -= block[i] >> 7;
  }
  const signed = unsigned - 256 * high;
  const stored = readOctal(block, 148, 8);
  return stored === unsigned || stored === signed;
}

/** Octal ASCII, or GNU base-256 when the high bit of the first byte is set. */
function readNumber(block: Buffer, start: number, length: number, field: string, at: number, label: string): number {
  const first = block[start];
  if (first & 0x80) {
    if (first === 0xff) throw new ImageError(`${label} is corrupt: negative ${field} in the tar header at byte ${at}`);
    let value = first & 0x7f;
    for (let i = start + 1; i < start + length; i++) {
      value = value * 256 + block[i];
      if (value > Number.MAX_SAFE_INTEGER) {
        throw new ImageError(`${label} is corrupt: ${field} too large in the tar header at byte ${at}`);
      }
    }
    return value;
  }
  const value = readOctal(block, start, length);
  if (value < 0) throw new ImageError(`${label} is corrupt: invalid ${field} in the tar header at byte ${at}`);
  return value;
}

/**
 * An octal field as Go reads it: NULs and spaces around the digits are skipped, the digits end
 * at a NUL, and anything else (a space between digits, a letter) makes it invalid (-1).
 */
function readOctal(block: Buffer, start: number, length: number): number {
  let i = start;
  let end = start + length;
  while (i < end && (block[i] === 0 || block[i] === 0x20)) i++;
  while (end > i && (block[end - 1] === 0 || block[end - 1] === 0x20)) end--;
  let value = 0;
  for (; i < end; i++) {
    const c = block[i];
    if (c === 0) break;
    if (c < 0x30 || c > 0x37) return -1;
    value = value * 8 + (c - 0x30);
  }
  return value;
}

/** The name a header block holds, with the ustar prefix (131 bytes in star headers) before it. */
function headerName(block: Buffer): string {
  const name = readString(block, 0, 100);
  // GNU tar uses the prefix field's bytes for other things.
  if (!isPosixUstar(block) || block[345] === 0) return name;
  return readString(block, 345, isStar(block) ? 131 : 155) + '/' + name;
}

/** The POSIX "ustar\0" magic (GNU tar writes "ustar  \0" and uses the prefix field otherwise). */
function isPosixUstar(b: Buffer): boolean {
  return b[257] === 0x75 && b[258] === 0x73 && b[259] === 0x74 && b[260] === 0x61 && b[261] === 0x72 && b[262] === 0;
}

/** star's trailer "tar\0": its prefix is 131 bytes, followed by the access and change times. */
function isStar(b: Buffer): boolean {
  return b[508] === 0x74 && b[509] === 0x61 && b[510] === 0x72 && b[511] === 0;
}

function readString(buf: Buffer, start: number, length: number): string {
  let end = buf.indexOf(0, start);
  if (end === -1 || end > start + length) end = start + length;
  return buf.toString('utf8', start, end);
}

function parsePax(body: Buffer, label: string): PaxAttrs {
  const attrs: PaxAttrs = {};
  let pos = 0;
  while (pos < body.length) {
    if (body[pos] === 0) break; // trailing NUL padding written by some tools
    const space = body.indexOf(0x20, pos);
    const len = space === -1 ? NaN : Number(body.toString('latin1', pos, space));
    if (!Number.isInteger(len) || len <= space - pos + 1 || pos + len > body.length || body[pos + len - 1] !== 0x0a) {
      throw new ImageError(`${label} is corrupt: malformed PAX record at offset ${pos} of a PAX header`);
    }
    const record = body.toString('utf8', space + 1, pos + len - 1);
    pos += len;
    const eq = record.indexOf('=');
    if (eq <= 0) throw new ImageError(`${label} is corrupt: PAX record without a key`);
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if ((key === 'path' || key === 'linkpath') && value.includes('\0')) throw new ImageError(`${label} is corrupt: a PAX ${key} with a NUL in it`);
    if (key.startsWith('GNU.sparse.')) attrs.sparse = true;
    // A binary value: its bytes, not text (the key is ASCII, so the value starts right after it).
    if (key === CAPABILITY_RECORD) attrs.capability = Buffer.from(body.subarray(space + 1 + key.length + 1, pos - 1));
    // As in Go, an empty value leaves the header's own field in force.
    switch (key) {
      case 'path':
        attrs.path = value || undefined;
        break;
      case 'linkpath':
        attrs.linkpath = value || undefined;
        break;
      case 'size':
        attrs.size = paxNumber(value, key, label);
        break;
      case 'uid':
        attrs.uid = paxNumber(value, key, label);
        break;
      case 'gid':
        attrs.gid = paxNumber(value, key, label);
        break;
      default:
        break; // mtime, uname, other xattrs (SCHILY.*), comments: not needed by any rule
    }
  }
  return attrs;
}

function paxNumber(value: string, key: string, label: string): number | undefined {
  if (value === '') return undefined;
  if (!/^\d{1,16}$/.test(value) || Number(value) > Number.MAX_SAFE_INTEGER) {
    throw new ImageError(`${label} is corrupt: PAX ${key} "${printable(excerpt(value, 40))}" is not a valid number`);
  }
  return Number(value);
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
