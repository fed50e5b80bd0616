import { check, paths, rule } from '../../../__fixtures__/check';
import { baseLayers, onBase, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('protected-path', () => {
  it('reports a modified base file with the layer at fault', async () => {
    const r = await check(onBase([layer([{ path: 'usr/lib/libc.so', content: 'patched', mode: 0o755 }], '/bin/sh -c patch-libc')]));
    expect(paths(r, 'protected-path')).toEqual(['/usr/lib/libc.so']);
    expect(rule(r, 'protected-path')[0].instruction).toBe('/bin/sh -c patch-libc');
  });

  it('reports mode, owner and symlink target changes', async () => {
    const r = await check(
      onBase([
        layer([
          { path: 'usr/bin/python3', content: 'python', mode: 0o777 },
          { path: 'bin/sh', content: 'shell binary', mode: 0o755, uid: 1101 }
        ])
      ])
    );
    expect(paths(r, 'protected-path').sort()).toEqual(['/bin/sh', '/usr/bin/python3']);
  });

  it('accepts a byte-identical rewrite and a change that a later layer restores', async () => {
    expect(rule(await check(onBase([layer([{ path: 'usr/lib/libc.so', content: 'libc', mode: 0o755 }])])), 'protected-path')).toEqual([]);
    const restored = onBase([
      layer([{ path: 'usr/lib/libc.so', content: 'evil', mode: 0o755 }]),
      layer([{ path: 'usr/lib/libc.so', content: 'libc', mode: 0o755 }])
    ]);
    expect(rule(await check(restored), 'protected-path')).toEqual([]);
  });

  // Libraries from 16 KiB on are compared by a keyed GMAC tag, smaller files by sha256
  // (content-tag.ts): a library read whole from one chunk and one read across many chunks.
  it.each([
    ['in one chunk', 1 << 20],
    ['across chunks', 7919]
  ])('tells a same-size change of a big base library from a byte-identical rewrite, %s', async (_how, chunk) => {
    const lib = Buffer.alloc(100_000, 'cuda library ');
    const base = [...baseLayers(), layer([{ path: 'usr/lib/libcudart.so', content: lib, mode: 0o755 }])];
    const rewritten = async (content: Buffer) =>
      paths(
        await check({ ...onBase([]), layers: [...base, layer([{ path: 'usr/lib/libcudart.so', content, mode: 0o755 }])] }, { baseLayers: base, chunk }),
        'protected-path'
      );
    expect(await rewritten(Buffer.from(lib))).toEqual([]);
    for (const at of [0, 50_000, lib.length - 1]) {
      const changed = Buffer.from(lib);
      changed[at] ^= 1;
      expect(await rewritten(changed)).toEqual(['/usr/lib/libcudart.so']);
    }
  });

  it('reports a deleted tree once, with the count', async () => {
    const r = await check(onBase([layer([{ path: 'usr/share/doc', type: 'whiteout' }], '/bin/sh -c rm -rf /usr/share/doc')]));
    const found = rule(r, 'protected-path');
    expect(found).toHaveLength(1);
    expect(found[0].path).toBe('/usr/share/doc');
    expect(found[0].message).toMatch(/5 base-image paths under \/usr\/share\/doc were deleted/);
    expect(found[0].layer?.index).toBe(1);
  });

  it('reports files hidden by an opaque directory', async () => {
    const r = await check(
      onBase([
        layer([
          { path: 'usr/share/doc', type: 'dir' },
          { path: 'usr/share/doc', type: 'opaque' },
          { path: 'usr/share/doc/new', content: 'n' }
        ])
      ])
    );
    expect(rule(r, 'protected-path')[0].message).toMatch(/hidden/);
  });

  it('allows new files in protected directories', async () => {
    const r = await check(onBase([layer([{ path: 'usr/local/bin/mytool', content: 'tool', mode: 0o755 }])]));
    expect(rule(r, 'protected-path')).toEqual([]);
  });
});
