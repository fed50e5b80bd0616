// The tar reader against the reference: Go's archive/tar, which Docker and containerd unpack
// images with. A small Go program of ours (__fixtures__/go-tar-reference) prints what Go reads
// from each archive; the project's reader must read the same entries (names and link names as
// bytes, type, mode, owner, body, file capabilities) and refuse the same archives, over Go's own
// test archives, crafted cases and thousands of mutations of them. The only differences allowed
// are listed in DOCKER_REFUSES, each with its reason.
//
// Needs a Go toolchain: MIC_GO names the go binary (scripts/test-env.sh install unpacks Debian's
// and start exports it), else `go` on the PATH. Without one the test is skipped, unless
// MIC_REQUIRE_GO=1 (.ci/run) makes that a failure. MIC_FUZZ_SEED replays the mutations.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layerTar } from '../../../__fixtures__/image-builder';
import { mutate, prng } from '../../../__fixtures__/mutations';
import { capabilityValue, END_OF_ARCHIVE, paxHeader, paxRecords, rawBody, rawHeader, type RawHeader } from '../../../__fixtures__/raw-tar';
import { ImageError } from '../../../src/core/errors';
import { TarParser, type TarEntryType } from '../../../src/core/tar/tar-parser';
import { encodeBytes } from '../../../src/core/text/byte-strings';

const MUTATIONS = Number(process.env.MIC_DIFFERENTIAL_MUTATIONS ?? 4000);
const SEED = Number(process.env.MIC_FUZZ_SEED ?? 20261204);

interface Entry {
  type: string;
  name: string;
  linkname: string;
  mode: number;
  uid: number;
  gid: number;
  bodySize: number;
  bodySha256: string;
  capability?: string;
  sparse?: boolean;
}

interface Reading {
  entries: Entry[];
  error?: string;
}

/** The type flags Docker unpacks (moby's createTarFile), and the PAX global header Go hands over. */
const FLAGS: Record<TarEntryType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  directory: '5',
  fifo: '6',
  'global-header': 'g'
};
const DOCKER_TYPES = new Set(Object.values(FLAGS));

/**
 * Where this reader refuses an archive that Go reads, because Docker cannot unpack what Go read:
 * the refused entry is Go's next one, and it must be of the kind the reason names.
 */
const DOCKER_REFUSES: { reason: RegExp; goEntry: (e: Entry) => boolean; why: string }[] = [
  {
    reason: /an entry of a type Docker does not unpack/,
    goEntry: (e) => !DOCKER_TYPES.has(e.type),
    why: "Go hands over any type flag; Docker's createTarFile fails on all but these ('7', GNU 'S' and 'D', 'V', ... included)"
  },
  {
    reason: /PAX global header at byte \d+ whose name Go reads as .* by chance/,
    goEntry: (e) => e.type === 'g',
    why: "Go's name for a global header with a path record and a value it cannot parse depends on map order; Docker removes what is at that name"
  },
  {
    reason: /GNU sparse file/,
    goEntry: (e) => e.sparse === true,
    why: 'Go fills in the holes of a PAX sparse file and Docker unpacks it; this reader refuses sparse files (docs/architecture.md)'
  }
];

/** How often each allowed difference was met: none of them may be dead. */
const allowedUses = new Map<(typeof DOCKER_REFUSES)[number], number>();

/** What the project's reader reads from `archive`, in the reference's terms. */
async function readWithParser(archive: Buffer): Promise<Reading> {
  const entries: Entry[] = [];
  const parser = new TarParser((h) => {
    const entry = (bodySize: number, bodySha256: string): Entry => ({
      type: FLAGS[h.type],
      name: encodeBytes(h.name).toString('hex'),
      linkname: encodeBytes(h.linkname).toString('hex'),
      mode: h.mode & 0o7777,
      uid: h.uid,
      gid: h.gid,
      bodySize,
      bodySha256,
      ...(h.capability && { capability: h.capability.toString('hex') })
    });
    // A global header has no body to hand over: it is complete as it is announced.
    if (h.type === 'global-header') {
      entries.push(entry(0, createHash('sha256').digest('hex')));
      return null;
    }
    const hash = createHash('sha256');
    let size = 0;
    return {
      data: (chunk) => {
        hash.update(chunk);
        size += chunk.length;
      },
      end: () => void entries.push(entry(size, hash.digest('hex')))
    };
  }, 'archive');
  try {
    // Odd-sized chunks: headers and records cut anywhere.
    for (let i = 0; i < archive.length; i += 509) await parser.write(archive.subarray(i, i + 509));
    await parser.end();
    return { entries };
  } catch (err) {
    if (!(err instanceof ImageError)) throw err;
    return { entries, error: err.message };
  }
}

/** Why the two readings differ, or undefined when they agree (or differ only as DOCKER_REFUSES allows). */
function difference(go: Reading, ours: Reading): string | undefined {
  const goEntries = go.entries.map(({ sparse: _sparse, ...e }) => e);
  const same = (n: number) => JSON.stringify(goEntries.slice(0, n)) === JSON.stringify(ours.entries.slice(0, n));
  const n = ours.entries.length;
  if (go.error === undefined && ours.error === undefined) {
    return n === goEntries.length && same(n) ? undefined : 'different entries';
  }
  if (ours.error === undefined) return `Go refuses it (${go.error}) and this reader reads ${n} entries`;
  if (!same(n) || n > goEntries.length) return `different entries before this reader's error (${ours.error})`;
  if (go.error !== undefined && goEntries.length === n) return undefined; // both refuse it at the same entry
  const allowed = DOCKER_REFUSES.find((d) => d.reason.test(ours.error!));
  if (allowed && n < go.entries.length && allowed.goEntry(go.entries[n])) {
    allowedUses.set(allowed, (allowedUses.get(allowed) ?? 0) + 1);
    return undefined;
  }
  return `this reader refuses it (${ours.error}) where Go reads ${JSON.stringify(go.entries[n] ?? go.error)}`;
}

function findGo(): string | undefined {
  const candidates = [process.env.MIC_GO, 'go'].filter((c): c is string => Boolean(c));
  return candidates.find((go) => spawnSync(go, ['version'], { encoding: 'utf8' }).status === 0);
}

const go = findGo();
if (!go && process.env.MIC_REQUIRE_GO === '1')
  throw new Error('the differential test is required here (MIC_REQUIRE_GO=1) but no Go toolchain runs (MIC_GO, or go on the PATH)');
const suite = go ? describe : describe.skip;
if (!go) describe('differential test against Go: skipped', () => it.skip('needs a Go toolchain (MIC_GO or go on the PATH)', () => undefined));

/** Crafted archives: each one a way a reader could part from Go. */
async function craftedCases(): Promise<[string, Buffer][]> {
  const h = rawHeader;
  const tar = (...blocks: Buffer[]) => Buffer.concat([...blocks, END_OF_ARCHIVE]);
  const pax = (type: 'x' | 'g', records: string[]) => {
    const text = paxRecords(records);
    return Buffer.concat([h({ name: 'PaxHeaders/x', type, size: Buffer.byteLength(text, 'latin1') }), rawBody(Buffer.from(text, 'latin1'))]);
  };
  const file = (name: string | Buffer, content = 'x', more: Partial<RawHeader> = {}) =>
    Buffer.concat([h({ name, size: content.length, ...more }), rawBody(content)]);
  const base256 = (value: bigint, length: number) => {
    const b = Buffer.alloc(length);
    let v = BigInt.asUintN(length * 8, value);
    for (let i = length - 1; i >= 0; i--, v >>= 8n) b[i] = Number(v & 0xffn);
    b[0] = (b[0] & 0x7f) | 0x80 | (value < 0n ? 0x40 : 0);
    return b;
  };
  const layer = await layerTar({
    entries: [
      { path: 'opt/', type: 'dir' },
      { path: 'opt/app/train.py', content: 'print(1)\n'.repeat(50) },
      { path: 'opt/tool', content: 'x', mode: 0o4755 },
      { path: 'opt/' + 'long-name/'.repeat(20) + 'file', content: 'y' },
      { path: 'opt/link', type: 'symlink', link: '/opt/' + 'far/'.repeat(40) },
      { path: 'opt/hard', type: 'hardlink', link: 'opt/tool' },
      { path: 'opt/fifo', type: 'fifo' },
      { path: 'usr/share/doc', type: 'whiteout' },
      { path: 'usr/share/man', type: 'opaque' },
      { path: 'usr/bin/ping', content: 'p', mode: 0o755, capability: capabilityValue([13]) }
    ]
  });
  return [
    ['a layer as tar-stream writes it', layer],
    ['no bytes at all', Buffer.alloc(0)],
    ['one zero block', Buffer.alloc(512)],
    ['half a header', h({ name: 'a' }).subarray(0, 300)],
    ['an entry without the end-of-archive marker', file('a')],
    ['a lone zero block before an entry', Buffer.concat([Buffer.alloc(512), file('a'), END_OF_ARCHIVE])],
    ['a GNU header with a prefix', tar(file('passwd', 'root', { prefix: 'etc', magic: 'gnu' }))],
    ['a GNU header with times', tar(file('passwd', 'root', { prefix: '14000000000\x0014000000000', magic: 'gnu' }))],
    ['a GNU header with a prefix that is not ASCII', tar(file('passwd', 'root', { prefix: 'et\u00e9', magic: 'gnu' }))],
    ['a USTAR prefix', tar(file('passwd', 'root', { prefix: 'etc' }))],
    ['a star header', tar(file('ls', 'l', { prefix: 'usr/bin', star: { atime: '14000000000 ' } }))],
    ['a V7 header', tar(file('usr/bin/ls', 'l', { magic: 'v7', mode: 0o4755 }))],
    ['names that are not UTF-8', tar(file(Buffer.from('x\x80', 'latin1')), file(Buffer.from('x\x81\xc3', 'latin1')), file('caf\u00e9\ufffd'))],
    ['a symlink to a name that is not UTF-8', tar(h({ name: 'l', type: '2', link: 'x\u00ff' }))],
    ['PAX numbers', tar(pax('x', ['size=000000000000000000000002', 'uid=+7', 'gid=-1']), file('a', 'hi'))],
    ['a PAX uid beyond 32 bits', tar(pax('x', ['uid=4294967296']), file('a'))],
    ['a PAX uid beyond 64 bits', tar(pax('x', ['uid=9223372036854775808']), file('a'))],
    ['a PAX mtime that is not a time', tar(pax('x', ['mtime=999xxx9324.4']), file('a'))],
    ['a PAX mtime with nanoseconds', tar(pax('x', ['mtime=1.1234567891', 'atime=-1.5', 'ctime=+2.']), file('a'))],
    ['a PAX atime with a sign after the dot', tar(pax('x', ['atime=1.-5']), file('a'))],
    ['a bad PAX mtime in a global header', tar(pax('g', ['mtime=x']), file('a'))],
    ['a bad PAX mtime in a global header with a path', tar(pax('g', ['mtime=x', 'path=tmp/g']), file('a'))],
    ['a bad PAX mtime before the end', tar(pax('x', ['mtime=x']))],
    ['a NUL in an extended attribute name', tar(pax('x', ['SCHILY.xattr.user.a\0b=1']), file('a'))],
    ['a NUL in an extended attribute value', tar(pax('x', ['SCHILY.xattr.user.a=\0\x80']), file('a'))],
    ['a NUL in a user name', tar(pax('x', ['uname=ro\0ot']), file('a'))],
    ['a NUL in a PAX path', tar(pax('x', ['path=a\0b']), file('a'))],
    ['an empty PAX path', tar(pax('x', ['path=tmp/x', 'path=']), file('a'))],
    ['a PAX record without a key', tar(pax('x', ['=v']), file('a'))],
    ['a PAX record with a trailing NUL', tar(Buffer.concat([h({ name: 'p', type: 'x', size: 13 }), rawBody('12 path=abc\n\0')]), file('a'))],
    ['a PAX record length with a sign', tar(Buffer.concat([h({ name: 'p', type: 'x', size: 12 }), rawBody('+12 path=ab\n')]), file('a'))],
    ['a capability record', Buffer.concat([paxHeader([['SCHILY.xattr.security.capability', capabilityValue([7])]]), file('bin/x'), END_OF_ARCHIVE])],
    ['a PAX path for a global header', tar(pax('g', ['path=usr/bin/.wh.ls']), file('a'))],
    ['two PAX headers in a row', tar(pax('x', ['path=first']), pax('x', ['uid=5']), file('a'))],
    [
      'a long name and a PAX path',
      tar(Buffer.concat([h({ name: '././@LongLink', type: 'L', size: 5, magic: 'gnu' }), rawBody('long\0')]), pax('x', ['path=pax']), file('a'))
    ],
    ['an empty long name', tar(Buffer.concat([h({ name: '././@LongLink', type: 'L', size: 1, magic: 'gnu' }), rawBody('\0')]), file('a'))],
    [
      'a long link name',
      tar(Buffer.concat([h({ name: '././@LongLink', type: 'K', size: 9, magic: 'gnu' }), rawBody('far/away\0')]), h({ name: 'l', type: '2', link: 'near' }))
    ],
    [
      'a GNU sparse file in PAX records',
      tar(
        pax('x', ['GNU.sparse.major=1', 'GNU.sparse.minor=0', 'GNU.sparse.name=ls', 'GNU.sparse.realsize=10']),
        file('sp', '1\n0\n1\n'.padEnd(512, '\0') + 'x')
      )
    ],
    ['an old GNU sparse file', tar(file('sp', 'x', { type: 'S', magic: 'gnu' }))],
    ['a contiguous file', tar(file('c', 'x', { type: '7' }))],
    ['an unknown type', tar(file('z', 'x', { type: 'Z' }))],
    ['an old-style directory with a size', tar(h({ name: 'usr/', type: '\0', size: 1024 }), file('usr/evil'))],
    ['a directory with a size', tar(h({ name: 'usr/', type: '5', size: 1024 }), file('usr/evil'))],
    ['a negative size', tar(h({ name: 'a', size: base256(-1n, 12) }))],
    ['a negative size on a symlink', tar(h({ name: 'l', type: '2', link: 't', size: base256(-5n, 12) }))],
    ['a size beyond int64', tar(h({ name: 'a', size: Buffer.concat([Buffer.from([0x80]), Buffer.alloc(11, 0x7f)]) }))],
    ['base-256 IDs and mode', tar(h({ name: 'a', uid: base256(4294967296n + 5n, 8), mode: base256(-1n, 8) }))],
    ['octal numbers with spaces and NULs', tar(file('a', 'xy', { mode: Buffer.from('\0\x00004755', 'latin1'), size: Buffer.from(' 0000002 \0', 'latin1') }))],
    ['an octal number with a space inside', tar(file('a', 'x', { size: Buffer.from('0000 000001\0', 'latin1') }))],
    ['a PAX header too big', tar(h({ name: 'p', type: 'x', size: 2 * 1024 * 1024 }))]
  ];
}

suite("the tar reader reads every archive as Go's archive/tar does", () => {
  const dir = mkdtempSync(join(tmpdir(), 'mic-go-differential-'));
  const reference = join(dir, 'go-tar-reference');
  const cases: { label: string; file: string; archive: Buffer }[] = [];
  let goReadings: Map<string, Reading>;

  beforeAll(async () => {
    const build = spawnSync(go!, ['build', '-o', reference, 'main.go'], {
      cwd: join(__dirname, '../../../__fixtures__/go-tar-reference'),
      env: { ...process.env, GOCACHE: join(dir, 'cache'), GOTOOLCHAIN: 'local', GOFLAGS: '-buildvcs=false', CGO_ENABLED: '0' },
      encoding: 'utf8'
    });
    if (build.status !== 0) throw new Error(`go build failed: ${build.stderr}`);

    const add = (label: string, archive: Buffer) => {
      const file = join(dir, `${cases.length}.tar`);
      writeFileSync(file, archive);
      cases.push({ label, file, archive });
    };
    const goroot = spawnSync(go!, ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim();
    const testdata = join(goroot, 'src/archive/tar/testdata');
    if (!existsSync(testdata)) throw new Error(`Go's tar test archives are not at ${testdata} (Debian: golang-*-src)`);
    const goArchives = readdirSync(testdata)
      .filter((f) => f.endsWith('.tar'))
      .map((f): [string, Buffer] => [`Go's testdata/${f}`, readFileSync(join(testdata, f))]);
    const crafted = (await craftedCases()).map(([label, archive]): [string, Buffer] => [`crafted: ${label}`, archive]);
    for (const [label, archive] of [...goArchives, ...crafted]) add(label, archive);

    // Mutations of the small archives (Go's big ones would mostly mutate file content).
    const seeds = [...goArchives, ...crafted].filter(([, a]) => a.length > 0 && a.length <= 64 * 1024);
    const random = prng(SEED);
    for (let i = 0; i < MUTATIONS; i++) {
      const [label, archive] = seeds[Math.floor(random() * seeds.length)];
      add(`mutation ${i} of ${label} (MIC_FUZZ_SEED=${SEED})`, mutate(archive, random));
    }

    const run = spawnSync(
      reference,
      cases.map((c) => c.file),
      { encoding: 'utf8', maxBuffer: 512 << 20 }
    );
    if (run.status !== 0) throw new Error(`go-tar-reference failed: ${run.stderr}`);
    goReadings = new Map(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Reading & { file: string })
        .map((r) => [r.file, r])
    );
  }, 300000);

  let failed = false;
  // The archives of a failing run stay, named in the failure, to be read with both readers.
  afterAll(() => failed || rmSync(dir, { recursive: true, force: true }));

  const differences = async (which: (label: string) => boolean) => {
    const found: string[] = [];
    for (const c of cases.filter((x) => which(x.label))) {
      const why = difference(goReadings.get(c.file)!, await readWithParser(c.archive));
      if (why) found.push(`${c.label}: ${why} [${c.file}]`);
    }
    failed ||= found.length > 0;
    return found;
  };

  it("agrees on Go's own test archives", async () => {
    expect(cases.filter((c) => c.label.startsWith("Go's")).length).toBeGreaterThan(30);
    expect(await differences((l) => l.startsWith("Go's"))).toEqual([]);
  });

  it('agrees on the crafted archives', async () => {
    expect(await differences((l) => l.startsWith('crafted'))).toEqual([]);
  });

  it(`agrees on ${MUTATIONS} mutations of them`, async () => {
    expect(await differences((l) => l.startsWith('mutation'))).toEqual([]);
  }, 120000);

  it('is a real comparison: the reference reads the entries, and refuses archives too', () => {
    const readings = [...goReadings.values()];
    expect(readings.filter((r) => r.error === undefined && r.entries.length > 0).length).toBeGreaterThan(MUTATIONS / 10);
    expect(readings.filter((r) => r.error !== undefined).length).toBeGreaterThan(MUTATIONS / 10);
    const gnu = goReadings.get(cases.find((c) => c.label === 'crafted: a GNU header with a prefix')!.file)!;
    expect(Buffer.from(gnu.entries[0].name, 'hex').toString()).toBe('etc/passwd');
    expect(DOCKER_REFUSES.map((d) => [d.why, (allowedUses.get(d) ?? 0) > 0])).toEqual(DOCKER_REFUSES.map((d) => [d.why, true]));
  });
});
