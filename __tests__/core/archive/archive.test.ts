import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { check, paths } from '../../../__fixtures__/check';
import {
  BASE_METADATA,
  baseLayers,
  buildImage,
  entriesOf,
  layerTar,
  memorySource,
  onBase,
  tarOf,
  withParentDirectories,
  zstdAvailable,
  type Layout,
  type LayerSpec
} from '../../../__fixtures__/image-builder';
import { END_OF_ARCHIVE, paxRecords, rawBody, rawHeader } from '../../../__fixtures__/raw-tar';
import { resolveInArchive } from '../../../src/core/archive/archive-contents';
import { checkImage } from '../../../src/core/check-image';
import { StreamProcessor } from '../../../src/core/scan/stream-processor';
import { ImageError } from '../../../src/core/errors';
import { archiveSource, type ImageSource } from '../../../src/core/source/image-source';
import { defaultSettings } from '../../../src/core/settings/settings';

const violating = (compression: LayerSpec['compression'] = 'none') =>
  onBase(
    [
      {
        createdBy: '/bin/sh -c add-tool',
        compression,
        entries: [
          { path: 'opt/tool', content: 'x', mode: 0o4755 },
          { path: 'usr/lib/libc.so', content: 'patched', mode: 0o755 }
        ]
      },
      { createdBy: '/bin/sh -c cleanup', compression, entries: [{ path: 'usr/share/doc', type: 'whiteout' }] }
    ],
    { User: 'root' }
  );

const hasZstdRuntime = 'createZstdDecompress' in require('node:zlib');

describe('archive layouts', () => {
  const expected = { setuid: ['/opt/tool'], protected: ['/usr/lib/libc.so', '/usr/share/doc'], user: 1 };

  it.each<[Layout, LayerSpec['compression'], boolean]>([
    ['docker-legacy', 'none', false],
    ['docker-legacy', 'none', true],
    ['docker-oci', 'none', false],
    ['docker-oci', 'gzip', false],
    ['oci', 'gzip', false],
    ['oci', 'gzip', true],
    ['oci', 'none', false]
  ])('reports the same findings for %s with %s layers (metadata first: %s)', async (layout, compression, metadataFirst) => {
    const r = await check(violating(compression), { layout, metadataFirst });
    expect(paths(r, 'setuid-setgid')).toEqual(expected.setuid);
    expect(paths(r, 'protected-path').sort()).toEqual(expected.protected);
    expect(r.findings.filter((f) => f.rule === 'default-user')).toHaveLength(expected.user);
    expect(r.facts.base.matches).toBe(true);
    expect(r.facts.layers.map((l) => l.compression)).toEqual(
      ['none', compression, compression].map((c, i) => (i === 0 || layout === 'docker-legacy' ? 'none' : c))
    );
  });

  it('picks the platform from a nested multi-platform index', async () => {
    const r = await check(violating('gzip'), { layout: 'oci', multiPlatform: true });
    expect(paths(r, 'setuid-setgid')).toEqual(expected.setuid);
    await expect(check(violating('gzip'), { layout: 'oci', multiPlatform: true, withBase: false, settings: { platform: 'linux/s390x' } })).rejects.toThrow(
      /no image for platform linux\/s390x \(it has linux\/arm64, linux\/amd64\)/
    );
  });

  it.each<Layout>(['docker-legacy', 'docker-oci', 'oci'])(
    'requires a platform asked for of an archive of one image (%s), and takes its only one otherwise',
    async (layout) => {
      expect(paths(await check(violating(), { layout, withBase: false, settings: { platform: 'linux/amd64' } }), 'setuid-setgid')).toEqual(expected.setuid);
      await expect(check(violating(), { layout, withBase: false, settings: { platform: 'linux/arm64' } })).rejects.toThrow(
        /holds one image, for linux\/amd64, not for the platform linux\/arm64 asked for|has no image for platform linux\/arm64 \(it has linux\/amd64\)/
      );
    }
  );

  (zstdAvailable() ? it : it.skip)('reads zstd layers, or says clearly that this Node.js cannot', async () => {
    const run = check(violating('zstd'), { layout: 'oci' });
    if (hasZstdRuntime) expect(paths(await run, 'setuid-setgid')).toEqual(expected.setuid);
    else await expect(run).rejects.toThrow(/zstd-compressed, and this Node.js .* has no zstd support: run with Node.js 22.15 or newer/);
  });

  it('reads an archive that was gzipped as a whole', async () => {
    const { archive } = await buildImage(violating());
    const r = await checkImage({ image: memorySource(gzipSync(archive)), settings: defaultSettings() });
    expect(paths(r, 'setuid-setgid')).toEqual(expected.setuid);
  });

  it('stops reading at the end-of-archive marker: a daemon that keeps the connection open after it (cleaning up its export) does not hold the check up', async () => {
    const { archive } = await buildImage(violating());
    let closed = false;
    const lingering: ImageSource = {
      name: 'image x',
      layout: 'docker-archive',
      size: archive.length,
      open: () => ({
        cutShortHint: 'did it stop?',
        [Symbol.asyncIterator]: async function* () {
          try {
            for (let at = 0; at < archive.length; at += 4096) yield archive.subarray(at, at + 4096);
            await new Promise(() => undefined); // the connection stays open: never ends
          } finally {
            closed = true;
          }
        }
      })
    };
    const r = await checkImage({ image: lingering, settings: defaultSettings() });
    expect(paths(r, 'setuid-setgid')).toEqual(expected.setuid);
    expect(closed).toBe(true);
  }, 10_000);

  it('reads on to the end of an archive gzipped as a whole, so that the gzip trailer is checked', async () => {
    const { archive } = await buildImage(violating());
    const gz = gzipSync(archive);
    const badCrc = Buffer.from(gz);
    badCrc[badCrc.length - 8] ^= 0xff; // the trailer's CRC-32, after the end-of-archive marker
    await expect(checkImage({ image: memorySource(badCrc, 'image archive x.tar.gz'), settings: defaultSettings() })).rejects.toThrow(ImageError);
  });

  it('handles long names written as PAX records', async () => {
    const long = 'opt/' + 'very-long-directory-name/'.repeat(12) + 'tool';
    const r = await check(onBase([{ entries: [{ path: long, content: 'x', mode: 0o4755 }] }]));
    expect(paths(r, 'setuid-setgid')).toEqual(['/' + long]);
  });
});

describe('bad input gives a clear ImageError', () => {
  const settings = defaultSettings();
  const run = (archive: Buffer) => checkImage({ image: memorySource(archive, 'image archive x.tar'), settings });

  it('rejects an empty file, a non-tar and a truncated archive', async () => {
    await expect(run(Buffer.alloc(0))).rejects.toThrow(new ImageError('image archive x.tar is empty'));
    await expect(run(Buffer.from('hello, this is not an archive'.repeat(40)))).rejects.toThrow(/is not a tar archive/);
    const { archive } = await buildImage(violating());
    for (const cut of [100, 700, Math.floor(archive.length / 2), archive.length - 1500]) {
      await expect(run(archive.subarray(0, cut))).rejects.toThrow(ImageError);
    }
    await expect(run(archive.subarray(0, Math.floor(archive.length / 2)))).rejects.toThrow(/truncated|has neither manifest/);
  });

  it("needs the end-of-archive marker from a source that cannot tell a complete stream from a cut one (the daemon's save)", async () => {
    const { archive } = await buildImage(violating());
    expect(archive.subarray(-1024).equals(Buffer.alloc(1024))).toBe(true);
    const cutAtEntry = archive.subarray(0, archive.length - 1024);
    await expect(run(cutAtEntry)).resolves.toBeDefined(); // a file: tolerated, as GNU tar does
    const unframed = (bytes: Buffer): ImageSource => {
      const plain = memorySource(bytes, 'image x');
      return { ...plain, open: () => Object.assign(plain.open(), { cutShortHint: 'did it stop?' }) };
    };
    await expect(checkImage({ image: unframed(archive), settings })).resolves.toBeDefined();
    await expect(checkImage({ image: unframed(cutAtEntry), settings })).rejects.toThrow(
      new ImageError(`image x is truncated: it ends at byte ${cutAtEntry.length}, before the end-of-archive marker (did it stop?)`)
    );
  });

  it("rejects an OCI descriptor whose size is not its blob's, as Docker does", async () => {
    const { archive: layerLies } = await buildImage(violating('gzip'), { layout: 'oci', tamperManifest: (m) => void (m.layers[1].size += 1) });
    await expect(run(layerLies)).rejects.toThrow(
      /^the blob sha256:[a-f0-9]{64} in image archive x\.tar has (\d+) bytes, but its descriptor says (?!\1)\d+: the archive was modified$/
    );
    const { archive: configLies } = await buildImage(violating('gzip'), { layout: 'oci', tamperManifest: (m) => void (m.config.size = 7) });
    await expect(run(configLies)).rejects.toThrow(/has \d+ bytes, but its descriptor says 7: the archive was modified/);
  });

  it('keeps the clear error of a corrupt entry inside an archive gzipped as a whole', async () => {
    const { archive } = await buildImage(violating());
    const broken = Buffer.from(archive);
    broken[1024 + 100] ^= 0x07; // the mode field of the second header: its checksum no longer matches
    await expect(run(gzipSync(broken))).rejects.toThrow(/is corrupt: bad tar header checksum at byte 1024/);
  });

  it("reads a layer as Docker's DecompressStream does: without a compression magic it is a tar, even a V7 one or none at all", async () => {
    const v7 = Buffer.concat([rawHeader({ name: 'opt/tool', magic: 'v7', mode: 0o4755, size: 1 }), rawBody('x'), END_OF_ARCHIVE]);
    const { archive } = await buildImage(
      onBase([
        { entries: [], raw: v7 },
        { entries: [], raw: Buffer.alloc(0) }
      ])
    );
    const result = await run(archive);
    expect(result.findings).toContainEqual(expect.objectContaining({ rule: 'setuid-setgid', path: '/opt/tool' }));
  });

  it.each([
    ['bzip2', Buffer.from('BZh91AY&SY' + '\0'.repeat(100), 'latin1')],
    ['xz', Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), Buffer.alloc(100)])]
  ])('says clearly that it does not read a %s layer', async (kind, raw) => {
    const { archive } = await buildImage(onBase([{ entries: [], raw }]));
    await expect(run(archive)).rejects.toThrow(
      new RegExp(`is ${kind}-compressed, which this tool does not read \\(Docker does\\): recompress it with gzip or zstd`)
    );
  });

  it('rejects corrupt gzip inside a layer', async () => {
    const { archive } = await buildImage(violating('gzip'), { layout: 'oci' });
    const gz = archive.indexOf(Buffer.from([0x1f, 0x8b, 0x08]));
    const broken = Buffer.from(archive);
    broken.fill(0x55, gz + 20, gz + 60);
    await expect(run(broken)).rejects.toThrow(/cannot be decompressed|does not match|corrupt/);
  });

  it('rejects an archive without a manifest, or naming a missing layer', async () => {
    await expect(run(await tarOf([{ name: 'hello.txt', data: Buffer.from('hi') }]))).rejects.toThrow(/neither manifest\.json \(docker save\) nor index\.json/);
    const manifest = Buffer.from(JSON.stringify([{ Config: 'c.json', Layers: ['abc/layer.tar'] }]));
    const config = Buffer.from(JSON.stringify({ rootfs: { type: 'layers', diff_ids: ['sha256:' + '1'.repeat(64)] } }));
    await expect(
      run(
        await tarOf([
          { name: 'c.json', data: config },
          { name: 'manifest.json', data: manifest }
        ])
      )
    ).rejects.toThrow(/names the layer abc\/layer\.tar, which is not in the archive/);
  });

  it.each<[string, (c: Record<string, unknown>) => void, RegExp]>([
    ['a USER that is not a string', (c) => ((c.config as Record<string, unknown>).User = 5), /"config\.User" is not a string/],
    ['a CMD that is not a list of strings', (c) => ((c.config as Record<string, unknown>).Cmd = 'python x'), /"config\.Cmd" is not a list of strings/],
    ['an ENV list with a number', (c) => ((c.config as Record<string, unknown>).Env = ['A=1', 2]), /"config\.Env" is not a list of strings/],
    ['labels that are a list', (c) => ((c.config as Record<string, unknown>).Labels = ['x']), /"config\.Labels" is not an object of strings/],
    ['a config section that is a list', (c) => (c.config = []), /"config" is not an object/],
    ['a history entry that is not an object', (c) => (c.history as unknown[]).push(null), /"history" holds an entry that is not an object/],
    ['a created_by that is not a string', (c) => (c.history as unknown[]).push({ created_by: 5 }), /"history" holds an entry that is not an object/],
    ['an architecture that is not a string', (c) => (c.architecture = { x: 1 }), /"architecture" is not a string/]
  ])('rejects a config with %s as malformed', async (_what, tamper, message) => {
    // Docker refuses to load such a config; it must not reach the rules as something else.
    const { archive } = await buildImage(violating(), { tamperConfig: tamper });
    await expect(run(archive)).rejects.toThrow(message);
    await expect(run(archive)).rejects.toThrow(/the image config \S+ in image archive x\.tar is malformed/);
  });

  it('rejects a tampered archive whose layers do not match the config', async () => {
    const { archive } = await buildImage(violating(), {
      tamperConfig: (c) => {
        const ids = (c.rootfs as { diff_ids: string[] }).diff_ids;
        ids[1] = 'sha256:' + 'f'.repeat(64);
      }
    });
    await expect(run(archive)).rejects.toThrow(/layer 2 \(.*\) in image archive x\.tar does not match the image config: .* the archive was modified/);
  });

  it('rejects an OCI blob whose content does not match its digest', async () => {
    const { archive } = await buildImage(violating(), { layout: 'oci' });
    const at = archive.indexOf(Buffer.from('patched'));
    const broken = Buffer.from(archive);
    broken.write('PATCHED', at);
    await expect(run(broken)).rejects.toThrow(/does not match its digest .* the archive was modified/);
  });
});

describe('a source that verified its layers itself (the Docker daemon)', () => {
  const settings = { ...defaultSettings(), today: '2026-06-01' };
  const run = async (archive: Buffer, layersVerified: boolean) => {
    const base = await buildImage({ layers: baseLayers(), metadata: BASE_METADATA, config: { User: 'work' } });
    return checkImage({ image: { ...memorySource(archive, 'image x'), layersVerified }, base: memorySource(base.archive, 'base'), settings });
  };

  it.each<[Layout, LayerSpec['compression']]>([
    ['docker-legacy', 'none'],
    ['docker-oci', 'none'],
    ['oci', 'gzip']
  ])('gives the same findings in %s (%s layers), its layers taking the diff_ids the config names', async (layout, compression) => {
    const { archive, diffIds } = await buildImage(violating(compression), { layout });
    const [hashed, vouched] = [await run(archive, false), await run(archive, true)];
    expect(vouched.findings).toEqual(hashed.findings);
    expect(vouched.facts.layers.map((l) => l.record.diffId)).toEqual(diffIds);
  });

  it('is not copied to the side work where no file needs it, with the same findings', async () => {
    // A layer with a tagged library and a model file far past the scan limit, read in 64 KiB
    // chunks: the model's bytes past the limit are skipped, nothing a rule needs is.
    const KEY = 'AKIA' + 'Q'.repeat(16);
    const model = Buffer.alloc(2_000_000, 'weights ');
    model.write(KEY, 1000);
    model.write(KEY, 1_500_000);
    const lib = Buffer.alloc(300_000, 'library ');
    const spec = onBase([
      {
        createdBy: '/bin/sh -c add',
        entries: [
          { path: 'opt/model.bin', content: model },
          { path: 'usr/lib/libc.so', content: lib, mode: 0o755 }
        ]
      }
    ]);
    const { archive } = await buildImage(spec, { layout: 'docker-legacy' });
    const small = { ...settings, scanLimit: 64 * 1024 };
    const base = await buildImage({ layers: baseLayers(), metadata: BASE_METADATA, config: { User: 'work' } });
    const check = (layersVerified: boolean) =>
      checkImage({ image: { ...memorySource(archive, 'image x', 65536), layersVerified }, base: memorySource(base.archive, 'base'), settings: small });
    const skip = jest.spyOn(StreamProcessor.prototype, 'skip');
    try {
      const hashed = await check(false);
      expect(skip).not.toHaveBeenCalled();
      const vouched = await check(true);
      const skipped = skip.mock.calls.reduce((sum, [n]) => sum + n, 0);
      expect(skipped).toBeGreaterThan(1_500_000);
      expect(vouched.findings).toEqual(hashed.findings);
      expect(vouched.scan).toEqual(hashed.scan);
      expect(vouched.findings.filter((f) => f.rule === 'secrets').map((f) => f.path)).toEqual(['/opt/model.bin']);
      expect(vouched.findings.filter((f) => f.rule === 'protected-path').map((f) => f.path)).toEqual(['/usr/lib/libc.so']);
    } finally {
      skip.mockRestore();
    }
  });

  it('is not hashed again: a layer is taken to be what the config names', async () => {
    const tampered = (await buildImage(violating(), { tamperConfig: (c) => ((c.rootfs as { diff_ids: string[] }).diff_ids[1] = 'sha256:' + 'f'.repeat(64)) }))
      .archive;
    await expect(run(tampered, false)).rejects.toThrow(/layer 2 .* does not match the image config/);
    const r = await run(tampered, true);
    expect(r.facts.layers[1].record.diffId).toBe('sha256:' + 'f'.repeat(64));
  });
});

describe('layers of the given base image', () => {
  const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
  const base = (): LayerSpec[] => {
    const layers = baseLayers();
    layers[0].entries.push({ path: 'usr/share/eicar.txt', content: EICAR });
    return layers;
  };
  const custom: LayerSpec = { createdBy: '/bin/sh -c add', entries: [{ path: 'opt/eicar.txt', content: EICAR }] };
  const run = async (layout: Layout, image: Buffer) => {
    const b = await buildImage({ layers: base(), metadata: BASE_METADATA, config: { User: 'work' } }, { layout });
    return checkImage({ image: memorySource(image, 'image archive x.tar'), base: memorySource(b.archive, 'base archive'), settings: defaultSettings() });
  };

  it.each<Layout>(['docker-oci', 'oci'])('are not content-scanned when %s names them by digest; custom layers are', async (layout) => {
    const { archive } = await buildImage({ layers: [...base(), custom], metadata: BASE_METADATA, config: { User: 'work' } }, { layout });
    const r = await run(layout, archive);
    expect(r.facts.layers.map((l) => [l.base, l.record.contentScanned])).toEqual([
      [true, false],
      [false, true]
    ]);
    expect(r.facts.layers[0].record.scanHits).toEqual([]);
    expect(paths(r, 'malicious-code')).toEqual(['/opt/eicar.txt']);
  });

  it('are not content-scanned in the legacy layout when the base archive has the same layer path (docker derives it from the layer chain)', async () => {
    const { archive } = await buildImage({ layers: [...base(), custom], metadata: BASE_METADATA, config: { User: 'work' } }, { layout: 'docker-legacy' });
    const r = await run('docker-legacy', archive);
    expect(r.facts.layers.map((l) => [l.base, l.record.contentScanned])).toEqual([
      [true, false],
      [false, true]
    ]);
    expect(paths(r, 'malicious-code')).toEqual(['/opt/eicar.txt']);
  });

  it('rejects a custom layer stored under the legacy path of a base layer', async () => {
    const b = await buildImage({ layers: base(), metadata: BASE_METADATA, config: { User: 'work' } }, { layout: 'docker-legacy' });
    const basePath = `${createHash('sha256')
      .update(Buffer.concat([await layerTar(withParentDirectories(base())[0]), Buffer.from('0')]))
      .digest('hex')}/layer.tar`;
    expect(b.archive.includes(Buffer.from(basePath))).toBe(true);
    const evil = await layerTar({
      entries: [...withParentDirectories(base())[0].entries, { path: 'opt/miner.sh', content: 'xmrig -o stratum+tcp://pool.example.com:3333\n' }]
    });
    const diffId = 'sha256:' + createHash('sha256').update(evil).digest('hex');
    const config = Buffer.from(
      JSON.stringify({ architecture: 'amd64', os: 'linux', config: { User: 'work' }, rootfs: { type: 'layers', diff_ids: [diffId] } })
    );
    const configName = `${createHash('sha256').update(config).digest('hex')}.json`;
    const archive = await tarOf([
      { name: basePath, data: evil },
      { name: configName, data: config },
      { name: 'manifest.json', data: Buffer.from(JSON.stringify([{ Config: configName, Layers: [basePath] }])) }
    ]);
    await expect(run('docker-legacy', archive)).rejects.toThrow(
      /layer 1 of .* is stored under the name of a base image layer but is not one .* the archive was modified/
    );
  });

  it('rejects a custom layer stored under the name of a base layer', async () => {
    const b = await buildImage({ layers: base(), metadata: BASE_METADATA, config: { User: 'work' } }, { layout: 'docker-oci' });
    const evil = await layerTar({
      entries: [...withParentDirectories(base())[0].entries, { path: 'opt/miner.sh', content: 'xmrig -o stratum+tcp://pool.example.com:3333\n' }]
    });
    const config = Buffer.from(
      JSON.stringify({ architecture: 'amd64', os: 'linux', config: { User: 'work' }, rootfs: { type: 'layers', diff_ids: b.diffIds } })
    );
    const configName = `blobs/sha256/${createHash('sha256').update(config).digest('hex')}`;
    const layerName = `blobs/sha256/${b.diffIds[0].slice(7)}`;
    const archive = await tarOf([
      { name: layerName, data: evil },
      { name: configName, data: config },
      { name: 'manifest.json', data: Buffer.from(JSON.stringify([{ Config: configName, Layers: [layerName] }])) }
    ]);
    await expect(run('docker-oci', archive)).rejects.toThrow(/does not match .* the archive was modified/);
  });

  it('are jumped over, not read, in a base archive on disk; a truncated one is still an error', async () => {
    const layers = base();
    layers[0].entries.push({ path: 'usr/lib/big.so', content: 'x'.repeat(4 * 1024 * 1024) });
    const b = await buildImage({ layers, metadata: BASE_METADATA, config: { User: 'work' } }, { layout: 'docker-oci' });
    const dir = mkdtempSync(join(tmpdir(), 'mic-base-'));
    try {
      const whole = join(dir, 'base.tar');
      writeFileSync(whole, b.archive);
      let read = 0;
      const counting = (src: ImageSource): ImageSource => ({
        ...src,
        open: () => {
          const inner = src.open();
          return {
            skip: inner.skip?.bind(inner),
            async *[Symbol.asyncIterator]() {
              for await (const chunk of inner) yield ((read += chunk.length), chunk);
            }
          };
        }
      });
      const image = await buildImage({ layers: [...layers, custom], metadata: BASE_METADATA, config: { User: 'work' } }, { layout: 'docker-oci' });
      const r = await checkImage({ image: memorySource(image.archive), base: counting(archiveSource(whole)), settings: defaultSettings() });
      expect(r.facts.base).toMatchObject({ given: true, matches: true, layerCount: 1 });
      expect(read).toBeLessThan(b.archive.length / 4);
      const cut = join(dir, 'cut.tar');
      writeFileSync(cut, b.archive.subarray(0, 2 * 1024 * 1024));
      await expect(checkImage({ image: memorySource(image.archive), base: archiveSource(cut), settings: defaultSettings() })).rejects.toThrow(
        /image archive .*cut\.tar is truncated/
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// docker load unpacks the archive into a directory before it reads the manifest, and Docker
// unpacks each layer with Go's archive/tar: what the rules judge must be what Docker would run.
describe('reads an archive as docker load unpacks it', () => {
  const benignSpec = onBase([{ entries: [{ path: 'opt/app', content: 'ok' }] }]);
  const evilSpec = onBase([{ entries: [{ path: 'opt/app', content: 'x', mode: 0o4755 }] }]);
  const run = async (archive: Buffer) =>
    paths(await checkImage({ image: memorySource(archive, 'image archive x.tar'), settings: { ...defaultSettings(), today: '2026-06-01' } }), 'setuid-setgid');
  const both = async () => [await entriesOf((await buildImage(benignSpec)).archive), await entriesOf((await buildImage(evilSpec)).archive)];
  const manifestOf = (entries: { name: string; data: Buffer }[]) =>
    JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString())[0] as { Config: string; Layers: string[] };

  // Docker's classic image store unpacks the archive (`docker load`); its containerd image store
  // reads the entries by name. Where the two would read different files, nothing is checked.
  it('refuses a manifest.json replaced by a later symlink (docker load follows it, containerd keeps the file)', async () => {
    const [benign, evil] = await both();
    const archive = await tarOf([
      ...evil.map((e) => (e.name === 'manifest.json' ? { ...e, name: 'evil.json' } : e)),
      ...benign,
      { name: 'manifest.json', header: { type: 'symlink', linkname: 'evil.json' } }
    ]);
    await expect(run(archive)).rejects.toThrow(
      /replaces the file "manifest.json" with an entry of another type: Docker's classic image store .* and its containerd image store .* would read different files, so it cannot be checked/
    );
  });

  it('refuses an entry written through a symlinked directory (docker load writes it elsewhere, containerd under its name)', async () => {
    const [benign, evil] = await both();
    const archive = await tarOf([
      ...benign,
      ...evil.filter((x) => x.name !== 'manifest.json'),
      { name: 'alias', header: { type: 'symlink', linkname: '/' } },
      { name: 'alias/./manifest.json', data: evil.find((x) => x.name === 'manifest.json')!.data }
    ]);
    await expect(run(archive)).rejects.toThrow(/writes "alias\/.\/manifest.json" through a symlinked directory/);
  });

  it('refuses a symlink that replaces a directory (docker load removes what it held, containerd reads it by name)', async () => {
    const [benign, evil] = await both();
    const layerDir = manifestOf(benign).Layers.at(-1)!.split('/')[0];
    const archive = await tarOf([
      ...benign,
      { name: 'evil/layer.tar', data: evil.find((x) => x.name === manifestOf(evil).Layers.at(-1))!.data },
      { name: layerDir, header: { type: 'symlink', linkname: 'evil' } }
    ]);
    await expect(run(archive)).rejects.toThrow(/replaces the directory "[0-9a-f]{64}" with an entry of another type/);
  });

  it('refuses a symlink that docker load and containerd resolve differently, and reads one they agree on', async () => {
    const [benign] = await both();
    const b = manifestOf(benign);
    const custom = b.Layers.at(-1)!;
    const withLink = async (target: string) => {
      const manifest = [{ ...b, Layers: [...b.Layers.slice(0, -1), 'linked/layer.tar'] }];
      return tarOf([
        ...benign.filter((x) => x.name !== 'manifest.json'),
        { name: 'linked/layer.tar', header: { type: 'symlink', linkname: target } },
        { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }
      ]);
    };
    // As legacy `docker save` links a repeated layer: both read the same file.
    expect(await run(await withLink(`../${custom}`))).toEqual([]);
    // An absolute target: docker load reads it from the archive's root, containerd below linked/.
    await expect(run(await withLink(`/${custom}`))).rejects.toThrow(
      /names "linked\/layer.tar", a symlink to "\/[0-9a-f]{64}\/layer.tar" that Docker's classic image store/
    );
  });

  it('keeps in a hard link the file its target was when the link was made', async () => {
    const [benign, evil] = await both();
    const custom = manifestOf(evil).Layers.at(-1)!;
    const manifest = [{ ...manifestOf(evil), Layers: [...manifestOf(evil).Layers.slice(0, -1), 'saved/layer.tar'] }];
    const archive = await tarOf([
      ...evil.filter((x) => x.name !== 'manifest.json'),
      { name: 'saved/layer.tar', header: { type: 'link', linkname: custom } },
      { name: custom, data: benign.find((x) => x.name === manifestOf(benign).Layers.at(-1))!.data },
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }
    ]);
    expect(await run(archive)).toEqual(['/opt/app']);
  });

  it('refuses an archive whose manifest.json and index.json name different images', async () => {
    // Docker's classic image store loads manifest.json, its containerd image store index.json.
    const benign = await entriesOf((await buildImage(benignSpec, { layout: 'docker-oci' })).archive);
    const evil = await entriesOf((await buildImage(evilSpec, { layout: 'docker-oci' })).archive);
    const archive = await tarOf([
      ...benign.filter((e) => e.name !== 'index.json'),
      ...evil.filter((e) => e.name.startsWith('blobs/') || e.name === 'index.json')
    ]);
    await expect(run(archive)).rejects.toThrow(
      /manifest.json and index.json in image archive x.tar name different images \(configs sha256:[0-9a-f]{12} and sha256:[0-9a-f]{12}\)/
    );
    // Where both name the same image, for whatever platform, the archive is read as before.
    const arm = await buildImage(evilSpec, { layout: 'docker-oci', platform: { os: 'linux', architecture: 'arm64' } });
    expect(await run(arm.archive)).toEqual(['/opt/app']);
    expect(await run((await buildImage(evilSpec, { layout: 'docker-oci', multiPlatform: true })).archive)).toEqual(['/opt/app']);
  });

  it('reads manifest.json as Docker does: a later "config" key names the config', async () => {
    const [benign, evil] = await both();
    const [b, e] = [manifestOf(benign), manifestOf(evil)];
    const manifest = `[{"Config": ${JSON.stringify(b.Config)}, "Layers": ${JSON.stringify(b.Layers)}, "config": ${JSON.stringify(e.Config)}, "LAYERS": ${JSON.stringify(e.Layers)}}]`;
    const archive = await tarOf([
      ...benign.filter((x) => x.name !== 'manifest.json'),
      ...evil.filter((x) => x.name !== 'manifest.json'),
      { name: 'manifest.json', data: Buffer.from(manifest) }
    ]);
    expect(await run(archive)).toEqual(['/opt/app']);
  });

  it('follows symlinks as inside the directory docker load unpacks into', () => {
    const links = new Map([
      ['a', 'x/y'],
      ['b', 'a/../z'],
      ['abs', '/top'],
      ['up', '../../../top'],
      ['loop', 'loop2'],
      ['loop2', 'loop']
    ]);
    expect(resolveInArchive(links, 'b', true)).toBe('x/z');
    expect(resolveInArchive(links, 'd/../a/file', false)).toBe('x/y/file');
    expect(resolveInArchive(links, 'abs/file', true)).toBe('top/file');
    expect(resolveInArchive(links, 'up', true)).toBe('top');
    expect(resolveInArchive(links, 'a', false)).toBe('a');
    expect(resolveInArchive(links, 'loop/file', true)).toBeUndefined();
  });

  it('gives up clearly on paths nested deeper than any archive needs, once symlinks make it resolve them', async () => {
    const deep = 'a/'.repeat(200_000) + 'manifest.json';
    const records = paxRecords([`path=${deep}`]);
    const archive = Buffer.concat([
      rawHeader({ name: 'elsewhere', type: '2', link: '.' }),
      rawHeader({ name: 'pax', type: 'x', size: records.length }),
      rawBody(records),
      rawHeader({ name: 'manifest.json', size: 2 }),
      rawBody('[]'),
      END_OF_ARCHIVE
    ]);
    await expect(checkImage({ image: memorySource(archive, 'image archive x.tar'), settings: defaultSettings() })).rejects.toThrow(
      /loop of symlinks, or paths nested deeper than any archive needs/
    );
  });

  it('treats a PAX global header in a layer as Docker does: it removes whatever is at its path', async () => {
    const g = paxRecords(['path=usr/lib/libc.so', 'comment=deletes what its path names']);
    const raw = Buffer.concat([
      rawHeader({ name: 'pax_global_header', type: 'g', size: g.length }),
      rawBody(g),
      rawHeader({ name: 'usr/bin/.wh.su', type: 'g' }),
      END_OF_ARCHIVE
    ]);
    const r = await check(onBase([{ entries: [], raw }]));
    expect(paths(r, 'protected-path').sort()).toEqual(['/usr/bin/su', '/usr/lib/libc.so']);
  });

  it('refuses a PAX global header that names the root of a layer, as Docker does', async () => {
    const raw = Buffer.concat([rawHeader({ name: './', type: 'g' }), END_OF_ARCHIVE]);
    await expect(check(onBase([{ entries: [], raw }]))).rejects.toThrow(/global header .* names the image root/);
  });
});
