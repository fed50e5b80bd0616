import { check, rule } from '../../../__fixtures__/check';
import { onBase, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('image-size', () => {
  it('reports an image over the limit with its largest layers and files', async () => {
    const r = await check(onBase([layer([{ path: 'opt/model.bin', content: Buffer.alloc(40000, 7) }], '/bin/sh -c download-weights')]), {
      settings: { maxSize: 20000 }
    });
    const found = rule(r, 'image-size');
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/over the 20\.0 kB limit/);
    expect(found[0].message).toMatch(/\/opt\/model\.bin 40\.0 kB/);
    expect(rule(await check(onBase([]), { settings: { maxSize: 10_000_000 } }), 'image-size')).toEqual([]);
  });
});

describe('image-size in the current profile', () => {
  const weights = (bytes: number) => onBase([layer([{ path: 'opt/model.bin', content: Buffer.alloc(bytes, 7) }], '/bin/sh -c download-weights')]);

  it('warns over the recommended size and is an error over the limit', async () => {
    const settings = { profileChoice: 'current' as const, profile: 'current' as const, maxSize: 100_000, recommendedSize: 50_000 };
    expect(rule(await check(weights(10_000), { settings }), 'image-size')).toEqual([]);
    const [warning] = rule(await check(weights(40_000), { settings }), 'image-size');
    expect(warning.severity).toBe('warning');
    expect(warning.message).toMatch(/over the 50\.0 kB Huawei recommends \(the limit is 100 kB\)/);
    const [error] = rule(await check(weights(90_000), { settings }), 'image-size');
    expect(error.severity).toBe('error');
    expect(error.message).toMatch(/over the 100 kB limit/);
  });

  it('warns about a custom layer over the size SWR accepts for one layer, in every profile', async () => {
    const found = rule(await check(weights(40_000), { settings: { maxLayerSize: 30_000 } }), 'image-size');
    expect(found.map((f) => [f.severity, f.layer?.index])).toEqual([['warning', 1]]);
    expect(found[0].message).toMatch(/^Layer 2 is 4\d\.\d kB uncompressed; SWR refuses layers over 30\.0 kB, so pushing it fails/);
  });
});
