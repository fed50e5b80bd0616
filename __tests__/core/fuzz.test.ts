// Hostile and broken archives: every mutation of a valid archive must end in a result or a
// clear ImageError within a bounded time, never another exception, a hang or a crash.
// MIC_FUZZ_ITERATIONS raises the count (CI runs the default); MIC_FUZZ_SEED replays a run.
import { gzipSync } from 'node:zlib';
import { buildImage, memorySource, onBase, tarOf, type Layout, type LayerSpec } from '../../__fixtures__/image-builder';
import { mutate, prng } from '../../__fixtures__/mutations';
import { rawHeader } from '../../__fixtures__/raw-tar';
import { checkImage } from '../../src/core/check-image';
import { ImageError } from '../../src/core/errors';
import { defaultSettings } from '../../src/core/settings/settings';
import { Readable } from 'node:stream';

const ITERATIONS = Number(process.env.MIC_FUZZ_ITERATIONS ?? 3000);
const SEED = Number(process.env.MIC_FUZZ_SEED ?? 20261125);
const PER_CASE_MS = 5000;

const settings = { ...defaultSettings(), maxUncompressed: 64 * 1024 * 1024 };

async function outcome(archive: Buffer): Promise<'ok' | 'image-error'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${PER_CASE_MS} ms`)), PER_CASE_MS)));
  try {
    await Promise.race([checkImage({ image: memorySource(archive, 'fuzzed archive', 4093), settings }), timeout]);
    return 'ok';
  } catch (err) {
    if (err instanceof ImageError) {
      expect(err.message).not.toMatch(/\n/);
      expect(err.message.length).toBeLessThan(1000);
      return 'image-error';
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

const spec = (compression: LayerSpec['compression']) =>
  onBase(
    [
      {
        compression,
        entries: [
          { path: 'opt/app/train.py', content: 'print(1)\n'.repeat(50) },
          { path: 'opt/tool', content: 'x', mode: 0o4755 },
          { path: 'opt/' + 'long-name/'.repeat(20) + 'file', content: 'y' },
          { path: 'opt/link', type: 'symlink', link: '/opt/tool' },
          { path: 'opt/hard', type: 'hardlink', link: 'opt/tool' },
          { path: 'usr/share/doc', type: 'whiteout' }
        ]
      }
    ],
    { User: 'work', Cmd: ['/bin/sh', '-c', 'python3 /opt/app/train.py'] }
  );

describe('fuzzing mutated archives', () => {
  const seeds: [string, Layout, LayerSpec['compression']][] = [
    ['docker-save legacy', 'docker-legacy', 'none'],
    ['Docker 25+ layout, gzip layers', 'docker-oci', 'gzip'],
    ['OCI layout, gzip layers', 'oci', 'gzip']
  ];

  it.each(seeds)(
    `survives ${ITERATIONS / seeds.length} mutations of a %s archive`,
    async (_name, layout, compression) => {
      const { archive } = await buildImage(spec(compression), { layout });
      expect(await outcome(archive)).toBe('ok');
      const random = prng(SEED + layout.length);
      const counts = { ok: 0, 'image-error': 0 };
      for (let i = 0; i < ITERATIONS / seeds.length; i++) {
        const input = mutate(archive, random);
        counts[await outcome(input)]++;
      }
      // Most mutations must be caught: digests and checksums protect the whole archive.
      expect(counts['image-error']).toBeGreaterThan(counts.ok);
    },
    300000
  );
});

describe('hostile but well-formed input', () => {
  it('stops a decompression bomb at the configured limit with a clear error', async () => {
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 64 }, () => member)); // ~1 GiB of zeros
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const manifest = Buffer.from(JSON.stringify([{ Config: 'c.json', Layers: ['l/layer.tar'] }]));
    const config = Buffer.from(JSON.stringify({ rootfs: { type: 'layers', diff_ids: ['sha256:' + '0'.repeat(64)] } }));
    const archive = await tarOf([
      { name: 'l/layer.tar', data: bomb },
      { name: 'c.json', data: config },
      { name: 'manifest.json', data: manifest }
    ]);
    const started = Date.now();
    await expect(checkImage({ image: memorySource(archive), settings })).rejects.toThrow(
      /expands to more than the 67\.1 MB limit on uncompressed data \(--max-uncompressed\)/
    );
    expect(Date.now() - started).toBeLessThan(10000);
  });

  it('reports paths that are too long or too deep instead of walking them', async () => {
    const deep = 'a/'.repeat(5000) + 'f';
    const { archive } = await buildImage(
      onBase([
        {
          entries: [
            { path: deep, content: 'x' },
            { path: 'opt/' + 'x'.repeat(5000), content: 'y' }
          ]
        }
      ])
    );
    const result = await checkImage({ image: memorySource(archive), settings });
    const found = result.findings.filter((f) => f.rule === 'malicious-code').map((f) => f.message);
    expect(found).toHaveLength(2);
    expect(found.every((m) => /longer than 4096 bytes or 256 levels deep/.test(m))).toBe(true);
  });

  it('reports link targets longer than a path can be instead of keeping them', async () => {
    // Each would be kept for the filesystem model: megabytes of PAX link text per entry must not add up.
    const far = '/opt/' + 'x'.repeat(5000);
    const { archive } = await buildImage(
      onBase([
        {
          entries: [
            { path: 'opt/far', type: 'symlink', link: far },
            { path: 'opt/hard', type: 'hardlink', link: far.slice(1) },
            { path: 'opt/near', type: 'symlink', link: '/opt/x' }
          ]
        }
      ])
    );
    const result = await checkImage({ image: memorySource(archive), settings });
    const found = result.findings.filter((f) => f.rule === 'malicious-code');
    expect(found.map((f) => f.path).sort()).toEqual(['/opt/far', '/opt/hard']);
    expect(found.every((f) => /link target is longer than 4096 bytes/.test(f.message))).toBe(true);
    expect(result.facts.fs.get('/opt/far')).toBeUndefined();
    expect(result.facts.fs.get('/opt/near')?.link).toBe('/opt/x');
  });

  it('survives symlink loops and hard links to missing targets', async () => {
    const { archive } = await buildImage(
      onBase(
        [
          {
            entries: [
              { path: 'etc/passwd', type: 'symlink', link: '/etc/passwd2' },
              { path: 'etc/passwd2', type: 'symlink', link: '/etc/passwd' },
              { path: 'opt/ghost', type: 'hardlink', link: 'opt/nothing-here' }
            ]
          }
        ],
        { User: 'work' }
      )
    );
    const result = await checkImage({ image: memorySource(archive), settings });
    expect(result.findings.find((f) => f.rule === 'default-user')?.message).toMatch(/cannot be resolved: the image has no readable \/etc\/passwd/);
    expect(result.findings.find((f) => f.path === '/opt/ghost')?.message).toMatch(/hard link to \/opt\/nothing-here, which does not exist/);
  });

  it('reads 300,000 tiny entries streamed in, in bounded time', async () => {
    const count = Number(process.env.MIC_FUZZ_ENTRIES ?? 300000);
    const layer = await tarOf([]); // end-of-archive only; entries are generated below
    void layer;
    const header = (name: string) => rawHeader({ name });
    // The layer's digest is needed in the config before the archive streams: hash while generating.
    const { createHash } = await import('node:crypto');
    const layerBlocks = function* () {
      for (let i = 0; i < count; i++) yield header(`d${i % 1000}/f${i}`);
      yield Buffer.alloc(1024);
    };
    const hash = createHash('sha256');
    let size = 0;
    for (const b of layerBlocks()) {
      hash.update(b);
      size += b.length;
    }
    const config = Buffer.from(JSON.stringify({ rootfs: { type: 'layers', diff_ids: ['sha256:' + hash.digest('hex')] }, config: { User: '1101' } }));
    const manifest = Buffer.from(JSON.stringify([{ Config: 'c.json', Layers: ['l/layer.tar'] }]));
    const head = rawHeader({ name: 'l/layer.tar', size });
    const tail = await tarOf([
      { name: 'c.json', data: config },
      { name: 'manifest.json', data: manifest }
    ]);
    const source = {
      name: 'many entries',
      layout: 'auto' as const,
      open: () =>
        Readable.from(
          (function* () {
            yield head;
            let batch: Buffer[] = [];
            for (const b of layerBlocks()) {
              batch.push(b);
              if (batch.length === 256) {
                yield Buffer.concat(batch);
                batch = [];
              }
            }
            yield Buffer.concat(batch);
            yield tail;
          })()
        )
    };
    const started = Date.now();
    const result = await checkImage({ image: source, settings: defaultSettings() });
    expect(result.facts.fs.size).toBeGreaterThanOrEqual(count);
    expect(Date.now() - started).toBeLessThan(60000);
  }, 120000);
});
