// One 512-byte tar header block, decoded as Go's archive/tar decodes it (reader.go readHeader,
// format.go getFormat, strconv.go parseNumeric): the format told from the magic, version and
// star trailer; every numeric field parsed, an unparsable one making the header invalid; the
// name prefix of USTAR/PAX and star headers, and of a GNU header whose access and change times
// are not numbers (Go's fallback for files of its own pre-1.8 writer, golang.org/issue/12594).
// Docker unpacks what Go returns, so this is what Docker sees.
import { decodeBytes } from '../text/byte-strings';

export const BLOCK = 512;

const enum Format {
  /** No known magic: only the V7 fields. */
  V7,
  /** "ustar\0": USTAR, or PAX. */
  Ustar,
  /** "ustar " with version " \0". */
  Gnu,
  /** "ustar\0" with the star trailer "tar\0". */
  Star
}

/** A header block's own fields, before long names and PAX records apply. */
export interface RawHeader {
  typeflag: string;
  name: string;
  linkname: string;
  /** The mode, UID and GID as the kernel gets them: the low 32 bits of Go's int64. */
  mode: number;
  uid: number;
  gid: number;
  /** The size field; negative or beyond 2^53 only in a crafted header (see TarParser). */
  size: number;
}

/** Reads fields as Go's parser does: a field that does not parse marks the whole header invalid. */
class FieldReader {
  /** The first field that did not parse. */
  invalid: string | undefined;

  constructor(private readonly block: Uint8Array) {}

  /** Go's parseString: the bytes up to the first NUL. */
  text(start: number, length: number): string {
    return decodeBytes(this.block, start, nulEnd(this.block, start, length));
  }

  /** Go's parseNumeric, as a JavaScript number (exact to 2^53; the sign and low bits kept beyond). */
  number(field: string, start: number, length: number): number {
    const b = this.block;
    if (b[start] & 0x80) return Number(this.base256(field, start, length));
    return this.octal(field, start, length);
  }

  /** The low 32 bits of the field's int64 value, as the kernel takes a mode, UID or GID. */
  low32(field: string, start: number, length: number): number {
    if (this.block[start] & 0x80) return Number(BigInt.asUintN(32, this.base256(field, start, length)));
    return this.octal(field, start, length) >>> 0;
  }

  /** Go's parseOctal: NULs and spaces around it trimmed, the digits up to a NUL, nothing else. */
  octal(field: string, start: number, length: number): number {
    const b = this.block;
    let i = start;
    let end = start + length;
    while (i < end && (b[i] === 0 || b[i] === 0x20)) i++;
    while (end > i && (b[end - 1] === 0 || b[end - 1] === 0x20)) end--;
    let value = 0;
    for (; i < end; i++) {
      const c = b[i];
      if (c === 0) break;
      if (c < 0x30 || c > 0x37) {
        this.invalid ??= field;
        return 0;
      }
      value = value * 8 + (c - 0x30);
    }
    return value;
  }

  /** Go's base-256 form: big-endian, the first byte's high bit set, its next bit the sign. */
  private base256(field: string, start: number, length: number): bigint {
    const b = this.block;
    const inv = b[start] & 0x40 ? 0xff : 0;
    let x = 0n;
    for (let i = 0; i < length; i++) {
      let c = b[start + i] ^ inv;
      if (i === 0) c &= 0x7f;
      if (x >> 56n > 0n) {
        this.invalid ??= field;
        return 0n;
      }
      x = (x << 8n) | BigInt(c);
    }
    if (x >> 63n > 0n) {
      this.invalid ??= field;
      return 0n;
    }
    return inv ? -x - 1n : x;
  }
}

function nulEnd(b: Uint8Array, start: number, length: number): number {
  const end = start + length;
  for (let i = start; i < end; i++) if (b[i] === 0) return i;
  return end;
}

/** Go's getFormat, after the checksum matched. */
function formatOf(b: Uint8Array): Format {
  const ustarMagic = b[257] === 0x75 && b[258] === 0x73 && b[259] === 0x74 && b[260] === 0x61 && b[261] === 0x72;
  if (!ustarMagic) return Format.V7;
  if (b[262] === 0) return b[508] === 0x74 && b[509] === 0x61 && b[510] === 0x72 && b[511] === 0 ? Format.Star : Format.Ustar;
  return b[262] === 0x20 && b[263] === 0x20 && b[264] === 0 ? Format.Gnu : Format.V7;
}

/** Whether the checksum field matches the block (unsigned or signed sum, the field counted as spaces); Go's getFormat. */
export function checksumMatches(block: Uint8Array): boolean {
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
  const fields = new FieldReader(block);
  const stored = fields.octal('checksum', 148, 8);
  return fields.invalid === undefined && (stored === unsigned || stored === signed);
}

/** The header's fields, or the name of a numeric field that does not parse (Go returns ErrHeader). */
export function decodeHeader(block: Uint8Array): RawHeader | { invalidField: string } {
  const f = new FieldReader(block);
  const format = formatOf(block);
  const header: RawHeader = {
    typeflag: String.fromCharCode(block[156]),
    name: f.text(0, 100),
    linkname: f.text(157, 100),
    mode: f.low32('mode', 100, 8),
    uid: f.low32('uid', 108, 8),
    gid: f.low32('gid', 116, 8),
    size: f.number('size', 124, 12)
  };
  f.number('mtime', 136, 12); // the modification time: Docker sets it, and Go refuses a header where it does not parse
  if (format !== Format.V7) {
    f.number('devmajor', 329, 8);
    f.number('devminor', 337, 8);
    let prefix = '';
    if (format === Format.Ustar) prefix = f.text(345, 155);
    else if (format === Format.Star) {
      prefix = f.text(345, 131);
      f.number('atime', 476, 12);
      f.number('ctime', 488, 12);
    } else {
      // GNU: unparsable access or change times mean a pre-1.8 Go writer put a prefix there.
      const times = new FieldReader(block);
      if (block[345] !== 0) times.number('atime', 345, 12);
      if (block[357] !== 0) times.number('ctime', 357, 12);
      if (times.invalid !== undefined) {
        const candidate = block.subarray(345, nulEnd(block, 345, 155));
        if (candidate.every((c) => c < 0x80)) prefix = decodeBytes(candidate, 0, candidate.length);
      }
    }
    if (prefix.length > 0) header.name = `${prefix}/${header.name}`;
  }
  return f.invalid === undefined ? header : { invalidField: f.invalid };
}
