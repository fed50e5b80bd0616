// PAX extended headers as Go's archive/tar reads and applies them (strconv.go parsePAXRecord,
// validPAXRecord, parsePAXTime; reader.go parsePAX, mergePAX, readGNUSparsePAXHeaders). A
// record Go refuses, or a value it cannot parse, makes the archive invalid for Go, and Docker
// cannot load it: so it is an error here too.
import { decodeBytes, escapeNonAscii } from '../text/byte-strings';

/** What of a PAX header applies to the entry after it. */
export interface PaxRecords {
  path?: string;
  linkpath?: string;
  size?: number;
  uid?: number;
  gid?: number;
  /** The raw value of SCHILY.xattr.security.capability (binary). */
  capability?: Buffer;
  /** The records that make Go read the entry as a GNU sparse file (formats 0.0, 0.1, 1.0). */
  sparse?: boolean;
}

/** The PAX record of the extended attribute that holds file capabilities, as Go and Docker name it. */
const CAPABILITY_RECORD = 'SCHILY.xattr.security.capability';

/** Why Go refuses a PAX header, in words. */
export class PaxError extends Error {}

/** A PAX header's records, as Go's parsePAX keeps them: the last record with a key wins. */
export type PaxRecordMap = Map<string, Buffer>;

/** Parses a PAX header's body as Go's parsePAX does: every record must be well formed. */
export function parsePaxRecords(body: Buffer): PaxRecordMap {
  const records: PaxRecordMap = new Map();
  const sparseMap: string[] = [];
  let pos = 0;
  while (pos < body.length) {
    const { key, value, next } = parseRecord(body, pos);
    pos = next;
    // Go collects the offsets and sizes of GNU sparse format 0.0 in the order they must come.
    if (key === 'GNU.sparse.offset' || key === 'GNU.sparse.numbytes') {
      const even = sparseMap.length % 2 === 0;
      if ((even && key !== 'GNU.sparse.offset') || (!even && key !== 'GNU.sparse.numbytes') || value.includes(0x2c)) {
        throw new PaxError('GNU sparse records out of order');
      }
      sparseMap.push(value.toString('latin1'));
      continue;
    }
    records.set(key, value);
  }
  if (sparseMap.length > 0) records.set('GNU.sparse.map', Buffer.from(sparseMap.join(','), 'latin1'));
  return records;
}

/**
 * What the records change of the entry after them, as Go's mergePAX applies them to it: an empty
 * value leaves the header's own field in force; the numbers and times Go parses must parse.
 */
export function applyPaxRecords(records: PaxRecordMap): PaxRecords {
  const out: PaxRecords = {};
  const text = (key: string) => {
    const v = records.get(key);
    return v === undefined || v.length === 0 ? undefined : v;
  };
  const path = text('path');
  if (path) out.path = decodeBytes(path, 0, path.length);
  const linkpath = text('linkpath');
  if (linkpath) out.linkpath = decodeBytes(linkpath, 0, linkpath.length);
  for (const key of ['uid', 'gid'] as const) {
    const v = text(key);
    if (v) out[key] = Number(BigInt.asUintN(32, goParseInt(v.toString('latin1'), key)));
  }
  const size = text('size');
  if (size) out.size = Number(goParseInt(size.toString('latin1'), 'size'));
  for (const key of ['atime', 'mtime', 'ctime']) {
    const v = text(key);
    if (v && !isPaxTime(v.toString('latin1'))) throw new PaxError(`a time that does not parse in the record ${key}=${quote(v.toString('latin1'))}`);
  }
  const capability = text(CAPABILITY_RECORD);
  if (capability) out.capability = Buffer.from(capability);
  out.sparse = isSparse(records);
  return out;
}

/** One record "LENGTH KEY=VALUE\n" at `pos`, as Go's parsePAXRecord reads it. */
function parseRecord(body: Buffer, pos: number): { key: string; value: Buffer; next: number } {
  const space = body.indexOf(0x20, pos);
  if (space === -1) throw new PaxError('a record without a length');
  const lengthText = body.toString('latin1', pos, space);
  const length = /^[+-]?\d+$/.test(lengthText) ? Number(lengthText) : NaN;
  const remaining = body.length - pos;
  if (!(length >= 5 && length <= remaining)) throw new PaxError('a record length that does not fit');
  const recordEnd = pos + length;
  if (recordEnd - (space + 1) <= 0 || body[recordEnd - 1] !== 0x0a) throw new PaxError('a record not ended by a newline');
  const eq = body.indexOf(0x3d, space + 1);
  if (eq === -1 || eq >= recordEnd - 1) throw new PaxError('a record without "="');
  const key = body.toString('latin1', space + 1, eq);
  const value = body.subarray(eq + 1, recordEnd - 1);
  // Go's validPAXRecord: a key; the names Go keeps as strings without a NUL; no other key with one.
  if (key === '') throw new PaxError('a record without a key');
  if (key === 'path' || key === 'linkpath' || key === 'uname' || key === 'gname' ? value.includes(0) : key.includes('\0')) {
    throw new PaxError(`a NUL in the record ${escapeNonAscii(key)}`);
  }
  return { key, value, next: recordEnd };
}

/** Go's strconv.ParseInt(text, 10, 64): an optional sign, decimal digits, within int64. */
function goParseInt(text: string, what: string): bigint {
  if (!/^[+-]?\d+$/.test(text)) throw new PaxError(`a number that does not parse in the record ${what}=${quote(text)}`);
  const value = BigInt(text);
  if (value > 0x7fffffffffffffffn || value < -0x8000000000000000n) throw new PaxError(`a number out of range in the record ${what}=${quote(text)}`);
  return value;
}

/** Go's parsePAXTime: decimal seconds, optionally "." and decimal digits. */
function isPaxTime(text: string): boolean {
  const dot = text.indexOf('.');
  const seconds = dot === -1 ? text : text.slice(0, dot);
  if (!/^[+-]?\d+$/.test(seconds)) return false;
  try {
    goParseInt(seconds, 'time');
  } catch {
    return false;
  }
  return dot === -1 || /^\d*$/.test(text.slice(dot + 1));
}

/** Go's readGNUSparsePAXHeaders: which records make the entry a GNU sparse file. */
function isSparse(records: Map<string, Buffer>): boolean {
  const major = records.get('GNU.sparse.major')?.toString('latin1') ?? '';
  const minor = records.get('GNU.sparse.minor')?.toString('latin1') ?? '';
  if (major === '0' && (minor === '0' || minor === '1')) return true;
  if (major === '1' && minor === '0') return true;
  if (major !== '' || minor !== '') return false; // an unknown version: not sparse to Go
  return (records.get('GNU.sparse.map')?.length ?? 0) > 0;
}

function quote(s: string): string {
  return `"${escapeNonAscii(s.slice(0, 40))}"${s.length > 40 ? '...' : ''}`;
}
