// Tar headers written byte by byte, so that a test controls every field: the crafted archives
// that well-behaved writers (tar-stream, Docker) never produce.

export interface RawHeader {
  /** The name; a Buffer for one that is not UTF-8. */
  name: string | Buffer;
  /** The type flag ('0' file, '5' directory, 'x' PAX, 'g' global PAX, 'L' GNU long name...). */
  type?: string;
  size?: number | Buffer;
  uid?: number | Buffer;
  mode?: number | Buffer;
  link?: string;
  /** 'v7': no magic at all, as tars before POSIX.1-1988 wrote them. */
  magic?: 'ustar' | 'gnu' | 'v7';
  prefix?: string;
  /** star's header: its access time field and trailer. */
  star?: { atime: string };
}

/** A 512-byte header with a valid checksum; a Buffer field is copied in as it is. */
export function rawHeader(fields: RawHeader): Buffer {
  const b = Buffer.alloc(512);
  if (Buffer.isBuffer(fields.name)) fields.name.copy(b, 0, 0, 100);
  else b.write(fields.name, 0, 100, 'utf8');
  const number = (value: number | Buffer | undefined, fallback: number, at: number, digits: number) => {
    if (Buffer.isBuffer(value)) value.copy(b, at);
    else b.write((value ?? fallback).toString(8).padStart(digits, '0') + '\0', at);
  };
  number(fields.mode, 0o644, 100, 7);
  number(fields.uid, 0, 108, 7);
  b.write('0000000\0', 116);
  number(fields.size, 0, 124, 11);
  b.write('14000000000\0', 136);
  b.write(fields.type ?? '0', 156);
  if (fields.link) b.write(fields.link, 157);
  if (fields.magic === 'gnu') b.write('ustar  \0', 257, 'latin1');
  else if (fields.magic !== 'v7') b.write('ustar\x0000', 257, 'latin1');
  if (fields.prefix) b.write(fields.prefix, 345);
  if (fields.star) {
    b.write(fields.star.atime, 476, 'latin1');
    b.write('tar\0', 508, 'latin1');
  }
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return b;
}

/** An entry's body, padded to whole blocks. */
export function rawBody(data: string | Buffer): Buffer {
  const buf = Buffer.from(data);
  return Buffer.concat([buf, Buffer.alloc((512 - (buf.length % 512)) % 512)]);
}

/** PAX records, each with its length in front. */
export function paxRecords(records: string[]): string {
  return records
    .map((r) => {
      const len = r.length + 3;
      return `${len + String(len).length - 1} ${r}\n`;
    })
    .join('');
}

/** A PAX header block and its records, whose values may be binary (as Go's writer writes xattrs). */
export function paxHeader(records: [string, string | Buffer][]): Buffer {
  const body = Buffer.concat(
    records.map(([key, value]) => {
      const record = Buffer.concat([Buffer.from(` ${key}=`), Buffer.from(value), Buffer.from('\n')]);
      let len = record.length + 1;
      while (String(len).length + record.length !== len) len++;
      return Buffer.concat([Buffer.from(String(len)), record]);
    })
  );
  return Buffer.concat([rawHeader({ name: 'PaxHeaders.0/entry', type: 'x', size: body.length }), rawBody(body)]);
}

/**
 * A `security.capability` value as setcap writes it (struct vfs_cap_data, revision 2):
 * capability numbers in the permitted and inheritable sets, and the effective flag.
 */
export function capabilityValue(permitted: number[], effective = true, inheritable: number[] = []): Buffer {
  const b = Buffer.alloc(20);
  b.writeUInt32LE(0x02000000 | (effective ? 1 : 0), 0);
  const set = (caps: number[], at: number) => {
    for (const c of caps) b.writeUInt32LE((b.readUInt32LE(at + 8 * (c >> 5)) | (1 << (c & 31))) >>> 0, at + 8 * (c >> 5));
  };
  set(permitted, 4);
  set(inheritable, 8);
  return b;
}

export const END_OF_ARCHIVE = Buffer.alloc(1024);
