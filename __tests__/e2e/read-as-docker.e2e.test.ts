// Crafted images that a naive reader and Docker read differently (Go's archive/tar for the tars,
// Go's encoding/json for manifests and configs, runc's user package for /etc/passwd), checked
// against the real daemon: what `docker load`, `docker inspect`, `docker export` and
// `docker run` show is what the validator must judge. Each case once let a root-owned setuid
// file, a root user or a deleted base file through the check unseen.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar-stream';
import { docker, dockerRequired, dockerUnavailable, imageStore } from '../../__fixtures__/docker-env';
import { BASE_METADATA, baseLayers, buildImage, entriesOf, layerTar, onBase, tarOf } from '../../__fixtures__/image-builder';
import { capabilityValue, END_OF_ARCHIVE, paxRecords, rawBody, rawHeader } from '../../__fixtures__/raw-tar';

const unavailable = dockerUnavailable();
if (unavailable && dockerRequired) throw new Error(`the e2e suite is required here (MIC_REQUIRE_DOCKER=1) but ${unavailable}`);
const suite = unavailable ? describe.skip : describe;
if (unavailable) describe(`e2e tar: skipped because ${unavailable}`, () => it.skip('needs a Docker daemon (scripts/test-env.sh start)', () => undefined));

const EVIL = [rawHeader({ name: 'usr/bin/evil', mode: 0o4755, size: 5 }), rawBody('evil\n')];
const layer = (...blocks: Buffer[]) => Buffer.concat([...blocks, END_OF_ARCHIVE]);
const pax = (type: 'x' | 'g', records: string[]) => {
  const text = paxRecords(records);
  return [rawHeader({ name: 'pax_header', type, size: text.length }), rawBody(text)];
};

/** Layers on the test base; Docker unpacks each as the comment says. */
const CASES: [string, Buffer][] = [
  ['a directory whose size field claims the next entry', layer(rawHeader({ name: 'usr/', type: '5', mode: 0o755, size: 1024 }), ...EVIL)],
  ['an old-style directory (type NUL) with a size', layer(rawHeader({ name: 'usr/', type: '\0', mode: 0o755, size: 1024 }), ...EVIL)],
  ['a global PAX header giving every later entry UID 1101', layer(...pax('g', ['uid=1101']), ...EVIL)],
  ['a mode field with leading NULs', layer(rawHeader({ name: 'usr/bin/evil', mode: Buffer.from('\x00\x00004755', 'latin1'), size: 5 }), rawBody('evil\n'))],
  ["an empty PAX path (the header's own name counts)", layer(...pax('x', ['path=tmp/harmless', 'path=']), ...EVIL)],
  // Go reads the prefix of a GNU header whose times are not numbers (what its writer before 1.8 wrote).
  ['a GNU header with a name prefix', layer(rawHeader({ name: 'evil', prefix: 'usr/bin', magic: 'gnu', mode: 0o4755, size: 5 }), rawBody('evil\n'))],
  // Docker's DecompressStream reads anything without a compression magic as a tar.
  ['a V7 tar layer, without the ustar magic', layer(rawHeader({ name: 'usr/bin/evil', magic: 'v7', mode: 0o4755, size: 5 }), rawBody('evil\n'))],
  // lchown(-1) leaves the owner Docker created the file with: root.
  ['a PAX uid of -1', layer(...pax('x', ['uid=-1', 'gid=-1']), ...EVIL)],
  ['a PAX uid of 2^32 (the kernel takes the low 32 bits)', layer(...pax('x', ['uid=4294967296']), ...EVIL)],
  [
    'a star header, whose prefix ends before its access time',
    layer(rawHeader({ name: 'evil', mode: 0o4755, size: 5, prefix: 'usr/bin/' + './'.repeat(61) + '.', star: { atime: '14000000000 ' } }), rawBody('evil\n'))
  ]
];

/** The filesystem of a container made from `image`, as Docker unpacked it, as a tar. */
function dockerExport(image: string): Buffer {
  const container = docker(['create', image, '/none']);
  try {
    return spawnSync('docker', ['export', container], { maxBuffer: 256 << 20 }).stdout;
  } finally {
    docker(['rm', container]);
  }
}

/** Path, mode, owner and (small) content of every file in a container made from `image`, as Docker unpacked it. */
async function dockerView(image: string): Promise<Map<string, { mode: number; uid: number; text?: string }>> {
  const files = new Map<string, { mode: number; uid: number; text?: string }>();
  const extract = tar.extract();
  const reading = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      if (entry.header.type !== 'file') continue;
      const file = { mode: (entry.header.mode ?? 0) & 0o7777, uid: entry.header.uid ?? -1 };
      files.set('/' + entry.header.name, (entry.header.size ?? 0) <= 4096 ? { ...file, text: Buffer.concat(chunks).toString() } : file);
    }
  })();
  extract.end(dockerExport(image));
  await reading;
  return files;
}

function validate(archive: string, base: string): { status: number | null; errors: { rule: string; path?: string }[]; stderr: string } {
  const r = spawnSync(process.execPath, [join(__dirname, '../../dist/cli.js'), '--format', 'json', '--quiet', '--base', base, archive], { encoding: 'utf8' });
  const errors =
    r.status === 2 ? [] : (JSON.parse(r.stdout).findings as { rule: string; path?: string; severity: string }[]).filter((f) => f.severity === 'error');
  return { status: r.status, errors, stderr: r.stderr };
}

suite('crafted archives are read as Docker reads them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mic-e2e-tar-'));
  const base = join(dir, 'base.tar');
  const loaded: string[] = [];
  beforeAll(async () => writeFileSync(base, (await buildImage({ layers: baseLayers(), metadata: BASE_METADATA, config: { User: 'work' } })).archive));
  afterAll(() => {
    for (const id of loaded) spawnSync('docker', ['rmi', '-f', id]);
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Loads an archive. The image's ID is its config's digest in the classic image store and its
   * manifest's in the containerd one: taken from what docker load says it loaded.
   */
  const load = (name: string, archive: Buffer) => {
    const path = join(dir, `${name}.tar`);
    writeFileSync(path, archive);
    const out = spawnSync('docker', ['load', '-i', path], { encoding: 'utf8' });
    const loadedAs = /^Loaded image(?: ID)?: (\S+)$/m.exec(out.stdout)?.[1];
    const id = out.status === 0 && loadedAs ? docker(['inspect', '--format', '{{.Id}}', loadedAs]) : '';
    if (id) loaded.push(id);
    return { path, id, stderr: out.stderr };
  };

  it.each(CASES)(
    '%s: Docker unpacks a root-owned setuid /usr/bin/evil, and the check reports it',
    async (_name, raw) => {
      const { archive } = await buildImage(onBase([{ entries: [], raw, createdBy: '/bin/sh -c crafted' }]));
      const { path, id, stderr } = load(`case-${CASES.findIndex((c) => c[1] === raw)}`, archive);
      expect(stderr).toBe('');
      expect((await dockerView(id)).get('/usr/bin/evil')).toMatchObject({ mode: 0o4755, uid: 0 });
      const r = validate(path, base);
      expect(r.stderr).toBe('');
      expect(r.errors).toContainEqual(expect.objectContaining({ rule: 'setuid-setgid', path: '/usr/bin/evil' }));
    },
    60000
  );

  it('a PAX global header: Docker removes what is at its path, and the check reports a deleted base file', async () => {
    const raw = layer(...pax('g', ['path=usr/lib/libc.so']));
    const { archive } = await buildImage(onBase([{ entries: [], raw, createdBy: '/bin/sh -c crafted' }]));
    const { path, id } = load('global-header', archive);
    const view = await dockerView(id);
    expect(view.has('/usr/bin/python3')).toBe(true);
    expect(view.has('/usr/lib/libc.so')).toBe(false);
    expect(validate(path, base).errors).toContainEqual(expect.objectContaining({ rule: 'protected-path', path: '/usr/lib/libc.so' }));
  }, 60000);

  it('a hard link entry whose header sets the setuid bit: Docker makes the linked file setuid root, and the check reports it', async () => {
    // Docker chmods and chowns the shared file to the hard link's header (on vfs, which the test
    // daemon uses; overlay2 refuses a hard link to a lower layer's file outright).
    const raw = layer(rawHeader({ name: 'usr/bin/x', type: '1', link: 'usr/bin/python3', mode: 0o4755 }));
    const { archive } = await buildImage(onBase([{ entries: [], raw, createdBy: '/bin/sh -c crafted' }]));
    const { path, id } = load('hard-link-mode', archive);
    expect((await dockerView(id)).get('/usr/bin/python3')).toMatchObject({ mode: 0o4755, uid: 0 });
    expect(validate(path, base).errors).toContainEqual(expect.objectContaining({ rule: 'setuid-setgid', path: '/usr/bin/x' }));
  }, 60000);

  it('a manifest.json replaced by a later symlink: the classic store loads the image it points to, the containerd store the file, and the check refuses the archive', async () => {
    const benign = await entriesOf((await buildImage(onBase([{ entries: [{ path: 'opt/app', content: 'ok' }] }]))).archive);
    const evilImage = await buildImage(onBase([{ entries: [{ path: 'usr/bin/evil', content: 'evil\n', mode: 0o4755 }] }]));
    const evil = await entriesOf(evilImage.archive);
    const archive = await tarOf([
      ...evil.map((e) => (e.name === 'manifest.json' ? { ...e, name: 'evil.json' } : e)),
      ...benign,
      { name: 'manifest.json', header: { type: 'symlink', linkname: 'evil.json' } }
    ]);
    const { path, id } = load('symlinked-manifest', archive);
    const view = await dockerView(id);
    if (imageStore() === 'containerd') expect(view.has('/opt/app')).toBe(true);
    else expect(view.get('/usr/bin/evil')).toMatchObject({ mode: 0o4755, uid: 0 });
    const r = validate(path, base);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/replaces the file "manifest.json" with an entry of another type/);
  }, 60000);

  it('a config with "User" and then "user": Docker runs as the second, and so does the check read it', async () => {
    const { archive } = await buildImage(onBase([{ entries: [{ path: 'opt/app', content: 'ok' }] }], { User: 'work' }), {
      tamperConfig: (c) => Object.assign(c.config as object, { user: 'root' })
    });
    const { path, id } = load('config-user-twice', archive);
    expect(docker(['inspect', '--format', '{{.Config.User}}', id])).toBe('root');
    expect(validate(path, base).errors).toContainEqual(expect.objectContaining({ rule: 'default-user' }));
  }, 60000);

  it('a manifest.json with "Config" and then "config": Docker loads the second image, and so does the check', async () => {
    const benignImage = await buildImage(onBase([{ entries: [{ path: 'opt/app', content: 'ok' }] }]));
    const evilImage = await buildImage(onBase([{ entries: [{ path: 'usr/bin/evil', content: 'evil\n', mode: 0o4755 }] }]));
    const [benign, evil] = [await entriesOf(benignImage.archive), await entriesOf(evilImage.archive)];
    const manifestOf = (entries: { name: string; data: Buffer }[]) => JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString())[0];
    const [b, e] = [manifestOf(benign), manifestOf(evil)];
    const manifest = `[{"Config": ${JSON.stringify(b.Config)}, "Layers": ${JSON.stringify(b.Layers)}, "config": ${JSON.stringify(e.Config)}, "layers": ${JSON.stringify(e.Layers)}}]`;
    const archive = await tarOf([
      ...benign.filter((x) => x.name !== 'manifest.json'),
      ...evil.filter((x) => x.name !== 'manifest.json'),
      { name: 'manifest.json', data: Buffer.from(manifest) }
    ]);
    const { path, id } = load('manifest-config-twice', archive);
    expect((await dockerView(id)).get('/usr/bin/evil')).toMatchObject({ mode: 0o4755, uid: 0 });
    expect(validate(path, base).errors).toContainEqual(expect.objectContaining({ rule: 'setuid-setgid', path: '/usr/bin/evil' }));
  }, 60000);

  it.each([
    ['a line with blanks around it', ' work:x:0:0:root:/root:/bin/sh\t'],
    ['a line with fewer fields', 'work:x:0:0'],
    ['a UID that is no number', 'work:x:1101x:1101::/home/work:/bin/sh']
  ])(
    '/etc/passwd with %s before the real entry: runc runs USER work as root, and the check reports it',
    async (name, first) => {
      const tag = `mic-e2e/passwd-${name.toLowerCase().replace(/\W+/g, '-')}:${Date.now().toString(36)}`;
      const entries = [
        { path: 'bin/busybox', content: readFileSync('/bin/busybox'), mode: 0o755 },
        { path: 'bin/id', type: 'symlink' as const, link: 'busybox' },
        { path: 'etc/passwd', content: `root:x:0:0::/root:/bin/sh\n${first}\nwork:x:1101:1101::/home/work:/bin/sh\n` },
        { path: 'etc/group', content: 'root:x:0:\nwork:x:1101:\n' }
      ];
      docker(['import', '--change', 'USER work', '-', tag], await layerTar({ entries }));
      loaded.push(tag);
      expect(docker(['run', '--rm', '--network', 'none', tag, 'id', '-u'])).toBe('0');
      const r = spawnSync(process.execPath, [join(__dirname, '../../dist/cli.js'), '--format', 'json', '--quiet', `docker-daemon:${tag}`], {
        encoding: 'utf8'
      });
      expect(r.stderr).toBe('');
      const findings = JSON.parse(r.stdout).findings as { rule: string; message: string }[];
      expect(findings).toContainEqual(expect.objectContaining({ rule: 'default-user', message: expect.stringMatching(/"work" is root \(UID 0\)/) }));
    },
    60000
  );

  it('file capabilities in a layer: Docker gives them to a process of UID 1101, and the check warns about them', async () => {
    const tag = `mic-e2e/file-capabilities:${Date.now().toString(36)}`;
    const busybox = readFileSync('/bin/busybox');
    const entries = [
      // Docker creates a missing parent directory with mode 0600, which user work could not enter.
      { path: 'bin', type: 'dir' as const },
      { path: 'etc', type: 'dir' as const },
      { path: 'opt', type: 'dir' as const },
      { path: 'opt/cap', type: 'dir' as const },
      { path: 'bin/busybox', content: busybox, mode: 0o755 },
      // cap_setuid+ep: what setcap writes, kept by Docker as SCHILY.xattr.security.capability.
      // (Named busybox too: busybox picks its applet by its own name.)
      { path: 'opt/cap/busybox', content: busybox, mode: 0o755, capability: capabilityValue([7]) },
      { path: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\nwork:x:1101:1101::/home/work:/bin/sh\n' },
      { path: 'etc/group', content: 'root:x:0:\nwork:x:1101:\n' }
    ];
    docker(['import', '--change', 'USER work', '-', tag], await layerTar({ entries }));
    loaded.push(tag);
    const effective = (program: string) =>
      /^CapEff:\s*(\w+)$/m.exec(docker(['run', '--rm', '--network', 'none', tag, program, 'cat', '/proc/self/status']))?.[1];
    expect(effective('/bin/busybox')).toBe('0000000000000000');
    expect(effective('/opt/cap/busybox')).toBe('0000000000000080'); // cap_setuid, as user work
    const r = spawnSync(process.execPath, [join(__dirname, '../../dist/cli.js'), '--format', 'json', '--quiet', `docker-daemon:${tag}`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const findings = JSON.parse(r.stdout).findings as { rule: string; path?: string; severity: string; message: string }[];
    expect(findings.filter((f) => f.rule === 'file-capabilities')).toEqual([
      expect.objectContaining({ path: '/opt/cap/busybox', severity: 'warning', message: expect.stringMatching(/file capabilities cap_setuid=ep/) })
    ]);
  }, 60000);

  it('a GNU header whose prefix names /etc: Docker writes /etc/passwd with a root "work", and the check reports it', async () => {
    const passwd = 'root:x:0:0::/root:/bin/sh\nwork:x:0:0::/home/work:/bin/sh\n';
    const raw = layer(rawHeader({ name: 'passwd', prefix: 'etc', magic: 'gnu', size: passwd.length }), rawBody(passwd));
    const { archive } = await buildImage(onBase([{ entries: [], raw, createdBy: '/bin/sh -c crafted' }], { User: 'work' }));
    const { path, id } = load('gnu-prefix-passwd', archive);
    expect((await dockerView(id)).get('/etc/passwd')?.text).toBe(passwd);
    expect(validate(path, base).errors).toContainEqual(expect.objectContaining({ rule: 'default-user' }));
  }, 60000);

  it('a whiteout whose name differs from a setuid file in one byte that is not UTF-8: Docker keeps the file, and the check reports it', async () => {
    const added = layer(rawHeader({ name: Buffer.from('usr/bin/x\x80', 'latin1'), mode: 0o4755, size: 5 }), rawBody('evil\n'));
    const whiteout = layer(rawHeader({ name: Buffer.from('usr/bin/.wh.x\x81', 'latin1') }));
    const { archive } = await buildImage(
      onBase([
        { entries: [], raw: added },
        { entries: [], raw: whiteout }
      ])
    );
    const { path, id } = load('non-utf8-whiteout', archive);
    // GNU tar lists the exported names byte for byte (\200 is the byte 0x80).
    const listing = spawnSync('tar', ['-tv', '--numeric-owner', '--quoting-style=c', '-f', '-'], { input: dockerExport(id), encoding: 'utf8' }).stdout;
    expect(listing).toMatch(/^-rwsr-xr-x 0\/0 .* "usr\/bin\/x\\200"$/m);
    expect(listing).not.toMatch(/x\\201/);
    const r = validate(path, base);
    expect(r.errors).toContainEqual(expect.objectContaining({ rule: 'setuid-setgid', path: '/usr/bin/x\udc80' }));
    // Printed for people, the byte shows as \x80.
    const text = spawnSync(process.execPath, [join(__dirname, '../../dist/cli.js'), '--quiet', '--base', base, path], { encoding: 'utf8' }).stdout;
    expect(text).toContain('/usr/bin/x\\x80');
  }, 60000);

  it('a PAX mtime Go cannot parse: Docker cannot load the image, and the check cannot check it', async () => {
    const raw = layer(...pax('x', ['mtime=999xxx9324.4']), ...EVIL);
    const { archive } = await buildImage(onBase([{ entries: [], raw }]));
    const { path, stderr } = load('bad-pax-mtime', archive);
    expect(stderr).toMatch(/invalid tar header/);
    const r = validate(path, base);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the PAX header at byte 0 has a time that does not parse in the record mtime="999xxx9324.4"/);
  }, 60000);

  it('a lone zero block inside a layer: Docker refuses the layer, and the check cannot check the image', async () => {
    const raw = layer(rawHeader({ name: 'usr/', type: '5', mode: 0o755 }), Buffer.alloc(512), ...EVIL);
    const { archive } = await buildImage(onBase([{ entries: [], raw }]));
    const { path, stderr } = load('lone-zero-block', archive);
    expect(stderr).toMatch(/invalid tar header/);
    const r = validate(path, base);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/zero block at byte \d+ is followed by an entry/);
  }, 60000);
});
