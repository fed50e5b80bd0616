// Tar headers written byte by byte, so that a test controls every field: the crafted archives
// that well-behaved writers (tar-stream, Docker) never produce.

export interface RawHeader {
  name: string;
  /** The type flag ('0' file, '5' directory, 'x' PAX, 'g' global PAX, 'L' GNU long name...). */
  type?: string;
  size?: number | Buffer;
  uid?: number | Buffer;
  mode?: number | Buffer;
  link?: string;
  magic?: 'ustar' | 'gnu';
  prefix?: string;
  /** star's header: its access time field and trailer. */
  star?: { atime: string };
}

/** A 512-byte header with a valid checksum; a Buffer field is copied in as it is. */
export function rawHeader(fields: RawHeader): Buffer {
  const b = Buffer.alloc(512);
  b.write(fields.name, 0, 100, 'utf8');
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
  else b.write('ustar\x0000', 257, 'latin1');
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

export const END_OF_ARCHIVE = Buffer.alloc(1024);
