import { TarParser, type TarHeader } from '../src/core/tar-parser';

/** A raw 512-byte header, written by hand so that the tests control every field. */
function header(fields: { name: string; type?: string; size?: number | Buffer; uid?: number | Buffer; mode?: number; link?: string; magic?: 'ustar' | 'gnu'; prefix?: string }): Buffer {
  const b = Buffer.alloc(512);
  b.write(fields.name, 0, 100, 'utf8');
  b.write((fields.mode ?? 0o644).toString(8).padStart(7, '0') + '\0', 100);
  if (Buffer.isBuffer(fields.uid)) fields.uid.copy(b, 108);
  else b.write((fields.uid ?? 0).toString(8).padStart(7, '0') + '\0', 108);
  b.write('0000000\0', 116);
  if (Buffer.isBuffer(fields.size)) fields.size.copy(b, 124);
  else b.write((fields.size ?? 0).toString(8).padStart(11, '0') + '\0', 124);
  b.write('00000000000\0', 136);
  b.write(fields.type ?? '0', 156);
  if (fields.link) b.write(fields.link, 157);
  if (fields.magic === 'gnu') b.write('ustar  \0', 257, 'latin1');
  else b.write('ustar\x0000', 257, 'latin1');
  if (fields.prefix) b.write(fields.prefix, 345);
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return b;
}

const body = (data: string | Buffer) => {
  const buf = Buffer.from(data);
  return Buffer.concat([buf, Buffer.alloc((512 - (buf.length % 512)) % 512)]);
};
const END = Buffer.alloc(1024);

async function parse(archive: Buffer, chunk = 100): Promise<(TarHeader & { data: string })[]> {
  const out: (TarHeader & { data: string })[] = [];
  const parser = new TarParser((h) => {
    const entry = { ...h, data: '' };
    out.push(entry);
    return { data: (c) => void (entry.data += c.toString()), end: () => undefined };
  }, 'test archive');
  for (let i = 0; i < archive.length; i += chunk) await parser.write(archive.subarray(i, i + chunk));
  await parser.end();
  return out;
}

describe('TarParser', () => {
  it('reads GNU long names and long link names', async () => {
    const longName = 'usr/' + 'x'.repeat(200) + '/file';
    const longLink = 'usr/' + 'y'.repeat(150);
    const archive = Buffer.concat([
      header({ name: '././@LongLink', type: 'L', size: longName.length + 1, magic: 'gnu' }),
      body(longName + '\0'),
      header({ name: longName.slice(0, 99), type: '0', size: 5, magic: 'gnu' }),
      body('hello'),
      header({ name: '././@LongLink', type: 'K', size: longLink.length, magic: 'gnu' }),
      body(longLink),
      header({ name: 'short', type: '2', link: 'ignored', magic: 'gnu' }),
      END
    ]);
    const entries = await parse(archive, 37);
    expect(entries.map((e) => [e.name, e.type, e.linkname, e.data])).toEqual([
      [longName, 'file', '', 'hello'],
      ['short', 'symlink', longLink, '']
    ]);
  });

  it('joins the ustar prefix and reads base-256 numbers', async () => {
    const uid = Buffer.alloc(8);
    uid[0] = 0x80;
    uid.writeUInt32BE(70000, 4);
    const archive = Buffer.concat([header({ name: 'file.txt', prefix: 'a/b', size: 2, uid }), body('hi'), END]);
    const [e] = await parse(archive);
    expect([e.name, e.uid, e.data]).toEqual(['a/b/file.txt', 70000, 'hi']);
  });

  it('applies global PAX headers to every later entry, and local ones to the next', async () => {
    const pax = (records: string[]) => records.map((r) => { const len = r.length + 3; const n = String(len + String(len).length - 1); return `${n} ${r}\n`; }).join('');
    const g = pax(['uid=4242']);
    const x = pax(['path=renamed/by/pax']);
    const archive = Buffer.concat([
      header({ name: 'global', type: 'g', size: g.length }),
      body(g),
      header({ name: 'local', type: 'x', size: x.length }),
      body(x),
      header({ name: 'original', size: 1 }),
      body('a'),
      header({ name: 'second', size: 1 }),
      body('b'),
      END
    ]);
    const entries = await parse(archive);
    expect(entries.map((e) => [e.name, e.uid])).toEqual([
      ['renamed/by/pax', 4242],
      ['second', 4242]
    ]);
  });

  it('accepts a checksum summed over unsigned or signed bytes (old tars), and no other', async () => {
    // "é" is two bytes above 127: the two sums differ by 2 * 256.
    const withSum = (signed: boolean, delta = 0) => {
      const h = header({ name: 'caf\u00e9' });
      h.fill(0x20, 148, 156);
      let sum = 0;
      for (const byte of h) sum += signed && byte > 127 ? byte - 256 : byte;
      h.write((sum + delta).toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
      return Buffer.concat([h, END]);
    };
    expect((await parse(withSum(false))).map((e) => e.name)).toEqual(['caf\u00e9']);
    expect((await parse(withSum(true))).map((e) => e.name)).toEqual(['caf\u00e9']);
    await expect(parse(withSum(false, 1))).rejects.toThrow(/not a tar archive/);
    await expect(parse(withSum(true, -256))).rejects.toThrow(/not a tar archive/);
  });

  it.each([
    ['a bad checksum', () => { const h = header({ name: 'a', size: 1 }); h[0] = 0x62; return Buffer.concat([header({ name: 'ok' }), h, body('x'), END]); }, /bad tar header checksum at byte 512/],
    ['a negative base-256 size', () => { const s = Buffer.alloc(12, 0xff); return Buffer.concat([header({ name: 'a', size: s }), END]); }, /negative size/],
    ['a huge base-256 size', () => { const s = Buffer.alloc(12, 0x7f); s[0] = 0x80; return Buffer.concat([header({ name: 'a', size: s }), END]); }, /size too large/],
    ['a PAX header that is too big', () => Buffer.concat([header({ name: 'p', type: 'x', size: 64 * 1024 * 1024 }), END]), /PAX header of 67108864 bytes/],
    ['a malformed PAX record', () => Buffer.concat([header({ name: 'p', type: 'x', size: 20 }), body('999 path=abcdefghij\n'), header({ name: 'a' }), END]), /malformed PAX record/],
    ['a bogus PAX size', () => Buffer.concat([header({ name: 'p', type: 'x', size: 15 }), body('15 size=-12345\n'), header({ name: 'a' }), END]), /PAX size "-12345" is not a valid number/],
    ['an entry cut short', () => Buffer.concat([header({ name: 'a', size: 4000 }), body('x'.repeat(1000))]), /truncated: it ends at byte 1536 in entry "a"/],
    ['an unknown entry type', () => Buffer.concat([header({ name: 'weird', type: 'Z' }), END]), /unsupported type "Z"/]
  ])('rejects %s', async (_name, make, message) => {
    await expect(parse(make())).rejects.toThrow(message);
  });
});

describe('the end-of-archive marker', () => {
  const whole = Buffer.concat([header({ name: 'a', size: 2 }), body('hi'), END]);
  const cutAfterEntry = whole.subarray(0, 1024);
  const feed = async (archive: Buffer, cutShortHint?: string) => {
    const parser = new TarParser(() => null, 'test archive', cutShortHint);
    await parser.write(archive);
    await parser.end();
  };

  it('may be missing after a whole entry, as GNU tar allows', async () => {
    await expect(feed(cutAfterEntry)).resolves.toBeUndefined();
  });

  it('must be there when the source cannot tell a complete stream from one cut short', async () => {
    await expect(feed(whole, 'cut?')).resolves.toBeUndefined();
    await expect(feed(cutAfterEntry, 'cut?')).rejects.toThrow('test archive is truncated: it ends at byte 1024, before the end-of-archive marker (cut?)');
    await expect(feed(whole.subarray(0, 1536), 'cut?')).rejects.toThrow('test archive is truncated: it ends at byte 1536, before the end-of-archive marker (cut?)');
    await expect(feed(whole.subarray(0, 600), 'cut?')).rejects.toThrow('test archive is truncated: it ends at byte 600 (cut?)');
  });
});

describe('skipping ignored bodies', () => {
  const archive = Buffer.concat([header({ name: 'big', size: 3000 }), body(Buffer.alloc(3000, 1)), header({ name: 'small', size: 2 }), body('hi'), END]);

  it('says how many bytes it would discard and continues after them, as if it had read them', async () => {
    const seen: string[] = [];
    const parser = new TarParser((h) => {
      seen.push(h.name);
      return h.name === 'big' ? null : { data: (c) => void seen.push(c.toString()), end: () => undefined };
    });
    await parser.write(archive.subarray(0, 600)); // the header and 88 bytes of the big body
    expect(parser.skippable).toBe(3000 - 88 + 72); // the rest of the body and its padding
    await parser.skip(parser.skippable);
    expect(parser.position).toBe(512 + 3072);
    await parser.write(archive.subarray(512 + 3072));
    await parser.end();
    expect(seen).toEqual(['big', 'small', 'hi']);
  });

  it('still reports truncation when the skip ran past the end of the input', async () => {
    const parser = new TarParser(() => null, 'test archive');
    await parser.write(archive.subarray(0, 600));
    await parser.skip(1000); // a seek that found only 1000 more bytes
    await expect(parser.end()).rejects.toThrow(/test archive is truncated: it ends at byte 1600 in entry "big"/);
  });

  it('skips nothing of a body a sink reads', async () => {
    const parser = new TarParser(() => ({ data: () => undefined, end: () => undefined }));
    await parser.write(archive.subarray(0, 600));
    expect(parser.skippable).toBe(0);
  });
});
