// Seeded mutations of an archive, shared by the fuzz test (every outcome must be a result or a
// clear ImageError) and the differential test against Go's tar reader (every outcome must be
// Go's). Besides blind byte changes, some rewrite one field of a tar header and fix its
// checksum, so that the reader gets past the checksum and into its field and PAX handling.

/** mulberry32: small, seedable, good enough to pick mutations reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Where the fields of a tar header are, and values worth trying in each. */
const OCTAL_FORMS = ['0000644\0', '7777777\0', ' 4755 \0\0', '\0\0\0\x004755', '00 0001\0', '0000009\0', '-000001\0', '', '\x80'];
const FIELDS: { at: number; length: number; values: (random: () => number) => Buffer }[] = [
  {
    at: 0,
    length: 100,
    values: (r) => Buffer.from(pick(r, ['etc/passwd', 'usr/bin/x\x80', 'a/', './', '/abs', '..', 'usr/bin/.wh.x\x81', '\0hidden']), 'latin1')
  },
  { at: 100, length: 8, values: (r) => numeric(r, 8) }, // mode
  { at: 108, length: 8, values: (r) => numeric(r, 8) }, // uid
  { at: 116, length: 8, values: (r) => numeric(r, 8) }, // gid
  { at: 124, length: 12, values: (r) => numeric(r, 12) }, // size
  { at: 136, length: 12, values: (r) => numeric(r, 12) }, // mtime
  {
    at: 156,
    length: 1,
    values: (r) => Buffer.from(pick(r, ['0', '\0', '1', '2', '3', '4', '5', '6', '7', 'g', 'x', 'L', 'K', 'S', 'D', 'V', 'M', 'Z']), 'latin1')
  },
  { at: 157, length: 100, values: (r) => Buffer.from(pick(r, ['target', '/etc/shadow', 'x\xff', '']), 'latin1') },
  { at: 257, length: 8, values: (r) => Buffer.from(pick(r, ['ustar\x0000', 'ustar  \0', '\0\0\0\0\0\0\0\0', 'ustar\0  ']), 'latin1') },
  { at: 329, length: 8, values: (r) => numeric(r, 8) }, // devmajor
  { at: 345, length: 24, values: (r) => Buffer.from(pick(r, ['etc\0', 'usr/bin\0', '14000000000\x0014000000000\0', '\xe9t\xe9\0', '\0']), 'latin1') }, // prefix or GNU times
  { at: 508, length: 4, values: (r) => Buffer.from(pick(r, ['tar\0', '\0\0\0\0']), 'latin1') } // star trailer
];

function numeric(random: () => number, length: number): Buffer {
  const kind = Math.floor(random() * 4);
  const b = Buffer.alloc(length);
  if (kind === 0) b.write(pick(random, OCTAL_FORMS).slice(0, length), 'latin1');
  else if (kind === 1) {
    for (let i = 0; i < length; i++) b[i] = Math.floor(random() * 256);
    b[0] |= 0x80; // base-256, positive or negative
  } else if (kind === 2) b.fill(0xff);
  else
    b.write(
      Math.floor(random() * 2 ** 30)
        .toString(8)
        .padStart(length - 1, '0')
        .slice(-(length - 1)),
      'latin1'
    );
  return b;
}

/** Sets a header block's checksum to what its bytes sum to. */
export function fixChecksum(archive: Buffer, at: number): void {
  archive.fill(0x20, at + 148, at + 156);
  let sum = 0;
  for (let i = at; i < at + 512; i++) sum += archive[i];
  archive.write(sum.toString(8).padStart(6, '0') + '\0 ', at + 148, 'latin1');
}

/** Offsets of the blocks of a tar whose checksum is right: its headers (and rarely a body block that looks like one). */
export function headerBlocks(archive: Buffer): number[] {
  const found: number[] = [];
  for (let at = 0; at + 512 <= archive.length; at += 512) {
    const stored = parseInt(archive.toString('latin1', at + 148, at + 156).replace(/[\0 ]/g, ''), 8);
    if (Number.isNaN(stored)) continue;
    let sum = 8 * 0x20;
    for (let i = at; i < at + 512; i++) sum += i >= at + 148 && i < at + 156 ? 0 : archive[i];
    if (sum === stored) found.push(at);
  }
  return found;
}

/** PAX records worth trying: values Go parses strictly, names it keeps as bytes, records it refuses. */
const PAX_RECORDS = [
  'path=etc/passwd',
  'path=usr/bin/x\x80',
  'path=',
  'linkpath=/etc/shadow',
  'size=000000000000000000000003',
  'size=-1',
  'size=1_0',
  'uid=-1',
  'uid=4294967296',
  'gid=+7',
  'uid=9223372036854775808',
  'mtime=999xxx9324.4',
  'mtime=1.5',
  'atime=1.-5',
  'ctime=-1.000000000001',
  'uname=ro\0ot',
  'SCHILY.xattr.user.a\0b=1',
  'SCHILY.xattr.user.a=\0\x80',
  'SCHILY.xattr.security.capability=\x01\0\0\x02\x80\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0',
  'GNU.sparse.major=1',
  'GNU.sparse.map=0,1',
  'GNU.sparse.offset=0',
  'GNU.sparse.numbytes=1',
  'comment=\n=',
  '=empty key'
];

/** A PAX header ('x' or 'g') holding `records`, each with its length in front (sometimes a wrong one). */
function paxHeader(random: () => number, type: 'x' | 'g', records: string[]): Buffer {
  const text = records
    .map((r) => {
      let len = r.length + 3;
      while (String(len).length + r.length + 2 !== len) len++;
      const off = random() < 0.1 ? pick(random, [-1, 1, 100]) : 0;
      return `${len + off} ${r}\n`;
    })
    .join('');
  const body = Buffer.from(text, 'latin1');
  const header = Buffer.alloc(512);
  header.write('PaxHeaders/entry', 0, 'latin1');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(body.length.toString(8).padStart(11, '0') + '\0', 124);
  header.write('14000000000\0', 136);
  header.write(type, 156);
  header.write('ustar\x0000', 257, 'latin1');
  fixChecksum(header, 0);
  return Buffer.concat([header, body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
}

/**
 * One mutation of `archive`, as the fuzz test has always drawn them (kinds 0 to 4), or a header
 * field rewrite (5), or a PAX header of a few records put before a header (6).
 */
export function mutate(archive: Buffer, random: () => number, kinds = 7): Buffer {
  const mutated = Buffer.from(archive);
  const kind = Math.floor(random() * kinds);
  const at = Math.floor(random() * archive.length);
  if (kind === 0) return mutated.subarray(0, at); // truncation anywhere
  if (kind === 1) {
    for (let k = 0; k < 1 + random() * 8; k++) mutated[Math.floor(random() * archive.length)] ^= 1 << Math.floor(random() * 8);
  } else if (kind === 2) {
    // a byte in a header: names, modes, sizes, checksums, type flags
    const header = Math.floor(at / 512) * 512;
    mutated[header + Math.floor(random() * 512)] = Math.floor(random() * 256);
  } else if (kind === 3) {
    // a size field: huge octal, base-256 overflow or negative
    const header = Math.floor(at / 512) * 512;
    const forms = [Buffer.from('77777777777\0'), Buffer.from([0x80, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), Buffer.alloc(12, 0xff)];
    forms[Math.floor(random() * forms.length)].copy(mutated, header + 124);
  } else if (kind === 4) {
    // inside JSON: manifests, indexes, configs
    const brace = mutated.indexOf('{"', Math.floor(random() * archive.length));
    if (brace >= 0) mutated[brace + Math.floor(random() * 40)] = Math.floor(random() * 256);
  } else if (kind === 6) {
    const headers = headerBlocks(mutated);
    if (headers.length === 0) return mutated;
    const header = pick(random, headers);
    const records = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, PAX_RECORDS));
    const pax = paxHeader(random, random() < 0.8 ? 'x' : 'g', records);
    return Buffer.concat([mutated.subarray(0, header), pax, mutated.subarray(header)]);
  } else {
    // one field of a header, its checksum fixed: the reader must read the field as Go does
    const headers = headerBlocks(mutated);
    if (headers.length === 0) return mutated;
    const header = pick(random, headers);
    const field = pick(random, FIELDS);
    mutated.fill(0, header + field.at, header + field.at + field.length);
    field.values(random).copy(mutated, header + field.at, 0, field.length);
    fixChecksum(mutated, header);
  }
  return mutated;
}
