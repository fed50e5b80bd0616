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
