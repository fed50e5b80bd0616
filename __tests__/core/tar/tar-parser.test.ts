import { END_OF_ARCHIVE, paxHeader, paxRecords, rawBody, rawHeader } from '../../../__fixtures__/raw-tar';
import { TarParser, type TarHeader } from '../../../src/core/tar/tar-parser';
import { encodeBytes } from '../../../src/core/text/byte-strings';

const header = rawHeader;
const body = rawBody;
const pax = paxRecords;
const END = END_OF_ARCHIVE;

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

  it('applies a local PAX header to the next entry only', async () => {
    const x = pax(['path=renamed/by/pax', 'uid=4242']);
    const archive = Buffer.concat([
      header({ name: 'local', type: 'x', size: x.length }),
      body(x),
      header({ name: 'original', size: 1 }),
      body('a'),
      header({ name: 'second', size: 1 }),
      body('b'),
      END
    ]);
    expect((await parse(archive)).map((e) => [e.name, e.uid])).toEqual([
      ['renamed/by/pax', 4242],
      ['second', 0]
    ]);
  });

  it('keeps the bytes of a file capabilities record as they are, NULs, newlines and bytes above 127 included', async () => {
    const value = Buffer.from([0x01, 0x00, 0x00, 0x02, 0x80, 0x0a, 0x3d, 0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
    const archive = Buffer.concat([
      paxHeader([
        ['SCHILY.xattr.user.other', 'x'],
        ['SCHILY.xattr.security.capability', value]
      ]),
      header({ name: 'bin/tool', size: 1 }),
      body('t'),
      header({ name: 'bin/plain', size: 1 }),
      body('p'),
      END
    ]);
    const [tool, plain] = await parse(archive, 7);
    expect(tool.capability).toEqual(value);
    expect(plain.capability).toBeUndefined();
  });

  // Docker reads images and layers with Go's archive/tar, and what it unpacks is what the rules
  // must see. Each case below was a way to show the validator other files than Docker unpacks.
  describe("reads every entry as Docker (Go's archive/tar) does", () => {
    it('hands a global PAX header over as an entry of its own, whose records apply to no other entry', async () => {
      const g = pax(['uid=1101', 'path=tmp/harmless', 'size=1024']);
      const x = pax(['path=dropped/by/the/global/header']);
      const archive = Buffer.concat([
        header({ name: 'pax_global_header', type: 'g', size: g.length }),
        body(g),
        header({ name: 'usr/bin/evil', size: 5, mode: 0o4755 }),
        body('evil\n'),
        header({ name: 'local', type: 'x', size: x.length }),
        body(x),
        header({ name: 'usr/bin/.wh.ls', type: 'g' }),
        header({ name: 'usr/bin/second', size: 1 }),
        body('b'),
        END
      ]);
      expect((await parse(archive)).map((e) => [e.name, e.type, e.uid, e.mode, e.data])).toEqual([
        ['tmp/harmless', 'global-header', 0, 0, ''],
        ['usr/bin/evil', 'file', 0, 0o4755, 'evil\n'],
        ['usr/bin/.wh.ls', 'global-header', 0, 0, ''],
        ['usr/bin/second', 'file', 0, 0o644, 'b']
      ]);
    });

    it.each([
      ['directory', '5'],
      ['symlink', '2'],
      ['hardlink', '1'],
      ['char', '3'],
      ['block', '4'],
      ['fifo', '6']
    ])('gives a %s no body, whatever its size field says', async (type, flag) => {
      const archive = Buffer.concat([
        header({ name: 'usr/', type: flag, size: 1024, link: 'target' }),
        header({ name: 'usr/bin/evil', size: 5, mode: 0o4755 }),
        body('evil\n'),
        END
      ]);
      expect((await parse(archive)).map((e) => [e.name, e.type, e.size, e.data])).toEqual([
        ['usr/', type, 0, ''],
        ['usr/bin/evil', 'file', 5, 'evil\n']
      ]);
    });

    it('gives a directory no body when a PAX size says otherwise', async () => {
      const x = pax(['size=1024']);
      const archive = Buffer.concat([
        header({ name: 'p', type: 'x', size: x.length }),
        body(x),
        header({ name: 'usr/', type: '5' }),
        header({ name: 'usr/bin/evil', size: 5 }),
        body('evil\n'),
        END
      ]);
      expect((await parse(archive)).map((e) => e.name)).toEqual(['usr/', 'usr/bin/evil']);
    });

    it('reads an old-style entry (type NUL) whose name ends in "/" as a directory without a body', async () => {
      const archive = Buffer.concat([
        header({ name: 'usr/', type: '\0', size: 1024 }),
        header({ name: 'usr/bin/evil', size: 5 }),
        body('evil\n'),
        header({ name: 'plain', type: '\0', size: 1 }),
        body('p'),
        END
      ]);
      expect((await parse(archive)).map((e) => [e.name, e.type, e.data])).toEqual([
        ['usr/', 'directory', ''],
        ['usr/bin/evil', 'file', 'evil\n'],
        ['plain', 'file', 'p']
      ]);
    });

    it('skips NULs and spaces around an octal number, as Go does', async () => {
      const mode = Buffer.from('\x00\x00004755', 'latin1');
      const size = Buffer.from('\x00\x00 0000005 ', 'latin1');
      const archive = Buffer.concat([header({ name: 'usr/bin/evil', mode, size }), body('evil\n'), END]);
      expect((await parse(archive)).map((e) => [e.mode, e.size, e.data])).toEqual([[0o4755, 5, 'evil\n']]);
    });

    it("keeps the header's own name, link and size where a PAX record or GNU long name is empty", async () => {
      const x = pax(['path=usr/bin/sh', 'path=', 'linkpath=', 'uid=']);
      const archive = Buffer.concat([
        header({ name: 'p', type: 'x', size: x.length }),
        body(x),
        header({ name: 'usr/bin/ls', type: '2', link: 'busybox', uid: 7 }),
        header({ name: '././@LongLink', type: 'L', size: 1, magic: 'gnu' }),
        body('\0'),
        header({ name: 'usr/bin/cat', size: 1, magic: 'gnu' }),
        body('c'),
        END
      ]);
      expect((await parse(archive)).map((e) => [e.name, e.linkname, e.uid])).toEqual([
        ['usr/bin/ls', 'busybox', 7],
        ['usr/bin/cat', '', 0]
      ]);
    });

    it('joins the prefix of a GNU header whose access and change times are not numbers, as Go does for its old writer', async () => {
      const times = Buffer.from('14000000000\x0014000000000\x00', 'latin1');
      const archive = Buffer.concat([
        header({ name: 'passwd', prefix: 'etc', magic: 'gnu', size: 1 }),
        body('x'),
        header({ name: 'shadow', prefix: times.toString('latin1'), magic: 'gnu', size: 1 }),
        body('y'),
        header({ name: 'group', prefix: 'et\u00e9', magic: 'gnu', size: 1 }),
        body('z'),
        END
      ]);
      // Times that parse are times; a prefix that is not ASCII is not used.
      expect((await parse(archive)).map((e) => e.name)).toEqual(['etc/passwd', 'shadow', 'group']);
    });

    it('keeps names that are not UTF-8 as distinct as their bytes', async () => {
      const archive = Buffer.concat([
        header({ name: Buffer.from('usr/bin/x\x80', 'latin1'), size: 1 }),
        body('a'),
        header({ name: Buffer.from('usr/bin/x\x81', 'latin1'), size: 1 }),
        body('b'),
        header({ name: 'usr/bin/caf\u00e9\ufffd', size: 1 }),
        body('c'),
        END
      ]);
      const names = (await parse(archive)).map((e) => e.name);
      expect(names).toEqual(['usr/bin/x\udc80', 'usr/bin/x\udc81', 'usr/bin/caf\u00e9\ufffd']);
      expect(names.map((n) => encodeBytes(n).toString('latin1'))).toEqual(['usr/bin/x\x80', 'usr/bin/x\x81', 'usr/bin/caf\xc3\xa9\xef\xbf\xbd']);
    });

    it('reads PAX numbers as strconv.ParseInt does, and IDs as the kernel gets them', async () => {
      const x = pax(['size=000000000000000000000002', 'uid=+7', 'gid=-1']);
      const y = pax(['uid=4294967296']);
      const archive = Buffer.concat([
        header({ name: 'p', type: 'x', size: x.length }),
        body(x),
        header({ name: 'a', size: 0 }),
        body('hi'),
        header({ name: 'p', type: 'x', size: y.length }),
        body(y),
        header({ name: 'b' }),
        END
      ]);
      expect((await parse(archive)).map((e) => [e.name, e.size, e.uid, e.gid, e.data])).toEqual([
        ['a', 2, 7, 0xffffffff, 'hi'],
        ['b', 0, 0, 0, '']
      ]);
    });

    it('applies PAX records only to an entry: bad numbers in a global header or a trailing one are no error, as in Go', async () => {
      const bad = pax(['mtime=999xxx9324.4']);
      const archive = Buffer.concat([
        header({ name: 'pax_global_header', type: 'g', size: bad.length }),
        body(bad),
        header({ name: 'a' }),
        header({ name: 'p', type: 'x', size: bad.length }),
        body(bad),
        END
      ]);
      expect((await parse(archive)).map((e) => e.name)).toEqual(['pax_global_header', 'a']);
    });

    it('reads the 131-byte prefix of a star header, not the times after it', async () => {
      const prefix = 'usr/bin/' + './'.repeat(61) + '.';
      const archive = Buffer.concat([header({ name: 'ls', size: 1, prefix, star: { atime: '14000000000 ' } }), body('x'), END]);
      const [e] = await parse(archive);
      expect(e.name).toBe(`${prefix}/ls`);
    });
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
    [
      'a bad checksum',
      () => {
        const h = header({ name: 'a', size: 1 });
        h[0] = 0x62;
        return Buffer.concat([header({ name: 'ok' }), h, body('x'), END]);
      },
      /bad tar header checksum at byte 512/
    ],
    [
      'a negative base-256 size',
      () => {
        const s = Buffer.alloc(12, 0xff);
        return Buffer.concat([header({ name: 'a', size: s }), END]);
      },
      /negative size/
    ],
    [
      'a huge base-256 size',
      () => {
        const s = Buffer.alloc(12, 0x7f);
        s[0] = 0x80;
        return Buffer.concat([header({ name: 'a', size: s }), END]);
      },
      /the size field of the tar header at byte 0 does not parse/
    ],
    ['a PAX header that is too big', () => Buffer.concat([header({ name: 'p', type: 'x', size: 64 * 1024 * 1024 }), END]), /PAX header of 67108864 bytes/],
    [
      'a malformed PAX record',
      () => Buffer.concat([header({ name: 'p', type: 'x', size: 20 }), body('999 path=abcdefghij\n'), header({ name: 'a' }), END]),
      /the PAX header at byte 0 has a record length that does not fit; Go's tar reader, and so Docker, refuses it/
    ],
    [
      'a negative PAX size',
      () => Buffer.concat([header({ name: 'p', type: 'x', size: 15 }), body('15 size=-12345\n'), header({ name: 'a' }), END]),
      /negative size for "a" at byte 1024/
    ],
    [
      'a PAX size that is not a decimal number',
      () => {
        const x = pax(['size=0x1']);
        return Buffer.concat([header({ name: 'p', type: 'x', size: x.length }), body(x), header({ name: 'a' }), END]);
      },
      /the PAX header at byte 0 has a number that does not parse in the record size="0x1"; Go's tar reader, and so Docker, refuses it/
    ],
    ['an entry cut short', () => Buffer.concat([header({ name: 'a', size: 4000 }), body('x'.repeat(1000))]), /truncated: it ends at byte 1536 in entry "a"/],
    ['an unknown entry type', () => Buffer.concat([header({ name: 'weird', type: 'Z' }), END]), /an entry of a type Docker does not unpack, "Z" \("weird"\)/],
    [
      'a number with a space inside',
      () => Buffer.concat([header({ name: 'a', size: Buffer.from('0000 000001\0', 'latin1') }), body('x'), END]),
      /the size field of the tar header at byte 0 does not parse/
    ],
    [
      'a lone zero block followed by an entry',
      () => Buffer.concat([header({ name: 'a' }), Buffer.alloc(512), header({ name: 'hidden' }), END]),
      /zero block at byte 512 is followed by an entry/
    ],
    ['a GNU sparse file', () => Buffer.concat([header({ name: 'sparse', type: 'S', size: 1, magic: 'gnu' }), body('x'), END]), /GNU sparse file "sparse"/],
    [
      'a GNU sparse file in PAX records',
      () => {
        const x = pax(['GNU.sparse.major=1', 'GNU.sparse.minor=0', 'GNU.sparse.name=usr/bin/ls', 'GNU.sparse.realsize=10']);
        return Buffer.concat([header({ name: 'p', type: 'x', size: x.length }), body(x), header({ name: 'tmp/x', size: 1 }), body('x'), END]);
      },
      /GNU sparse file "tmp\/x"/
    ],
    [
      'a PAX path with a NUL in it',
      () => {
        const x = pax(['path=usr/bin/ls\0.txt']);
        return Buffer.concat([header({ name: 'p', type: 'x', size: x.length }), body(x), header({ name: 'a' }), END]);
      },
      /the PAX header at byte 0 has a NUL in the record path/
    ],
    [
      // Go applies the records in map order up to the bad one: the path record may or may not count.
      'a global header with a path and a record that does not parse',
      () => {
        const g = pax(['mtime=x', 'path=etc/passwd']);
        return Buffer.concat([header({ name: 'pax_global_header', type: 'g', size: g.length }), body(g), END]);
      },
      /PAX global header at byte 0 whose name Go reads as "pax_global_header" or "etc\/passwd" by chance/
    ],
    ...(
      [
        ['an mtime that is not a time', 'mtime=999xxx9324.4', /has a time that does not parse in the record mtime="999xxx9324.4"/],
        ['an atime with a sign after the dot', 'atime=1.-5', /has a time that does not parse in the record atime="1.-5"/],
        ['a uid beyond int64', 'uid=9223372036854775808', /has a number out of range in the record uid="9223372036854775808"/],
        ['a NUL in an extended attribute name', 'SCHILY.xattr.user.a\0b=1', /has a NUL in the record SCHILY.xattr.user.a\\x00b/],
        ['a NUL in a user name', 'uname=ro\0ot', /has a NUL in the record uname/]
      ] as const
    ).map(([name, record, message]): [string, () => Buffer, RegExp] => [
      `a PAX header with ${name}`,
      () => {
        const x = pax([record]);
        return Buffer.concat([header({ name: 'p', type: 'x', size: x.length }), body(x), header({ name: 'a' }), END]);
      },
      message
    ])
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

  it('may be missing after a whole entry, even one whose padding is cut short, as Go allows', async () => {
    await expect(feed(cutAfterEntry)).resolves.toBeUndefined();
    await expect(feed(whole.subarray(0, 514))).resolves.toBeUndefined();
    await expect(feed(whole.subarray(0, 513))).rejects.toThrow('test archive is truncated: it ends at byte 513 in entry "a"');
  });

  it('must be there when the source cannot tell a complete stream from one cut short', async () => {
    await expect(feed(whole, 'cut?')).resolves.toBeUndefined();
    await expect(feed(cutAfterEntry, 'cut?')).rejects.toThrow('test archive is truncated: it ends at byte 1024, before the end-of-archive marker (cut?)');
    await expect(feed(whole.subarray(0, 1536), 'cut?')).rejects.toThrow(
      'test archive is truncated: it ends at byte 1536, before the end-of-archive marker (cut?)'
    );
    await expect(feed(whole.subarray(0, 600), 'cut?')).rejects.toThrow(
      'test archive is truncated: it ends at byte 600, before the end-of-archive marker (cut?)'
    );
    await expect(feed(whole.subarray(0, 1200), 'cut?')).rejects.toThrow('test archive is truncated: it ends at byte 1200 (cut?)');
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
