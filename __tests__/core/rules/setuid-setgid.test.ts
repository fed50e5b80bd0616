import { check, paths, rule } from '../../../__fixtures__/check';
import { onBase, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('setuid-setgid', () => {
  it('reports a root-owned setuid file a custom layer added', async () => {
    const r = await check(onBase([layer([{ path: 'opt/tool', content: 'x', mode: 0o4755 }])]));
    expect(paths(r, 'setuid-setgid')).toEqual(['/opt/tool']);
    expect(rule(r, 'setuid-setgid')[0].layer?.index).toBe(1);
  });

  it('reports a setgid file too, but not one owned by another user', async () => {
    const r = await check(
      onBase([
        layer([
          { path: 'opt/g', content: 'x', mode: 0o2755 },
          { path: 'opt/u', content: 'x', mode: 0o4755, uid: 1101 }
        ])
      ])
    );
    expect(paths(r, 'setuid-setgid')).toEqual(['/opt/g']);
  });

  it('does not report a file whose directory a later layer replaced, even when a layer after that re-creates the directory', async () => {
    // overlayfs stops merging a directory at a lower layer's non-directory: /opt/x/tool is gone.
    const r = await check(
      onBase([
        layer([
          { path: 'opt/x', type: 'dir' },
          { path: 'opt/x/tool', content: 'x', mode: 0o4755 }
        ]),
        layer([{ path: 'opt/x', content: 'now a file' }]),
        layer([
          { path: 'opt/x', type: 'dir' },
          { path: 'opt/x/new', content: 'n' }
        ])
      ])
    );
    expect(paths(r, 'setuid-setgid')).toEqual([]);
    expect(r.facts.fs.get('/opt/x/new')).toBeDefined();
  });

  it('does not report a file whose directory a later layer replaced with a hard link', async () => {
    const r = await check(
      onBase([
        layer([
          { path: 'opt/y', type: 'dir' },
          { path: 'opt/y/tool', content: 'x', mode: 0o4755 },
          { path: 'opt/plain', content: 'p' }
        ]),
        layer([{ path: 'opt/y', type: 'hardlink', link: 'opt/plain' }])
      ])
    );
    expect(paths(r, 'setuid-setgid')).toEqual([]);
  });

  it('reports a hard link to a setuid file of the base', async () => {
    // Docker's tar writer gives a hard link the mode of its file.
    const r = await check(onBase([layer([{ path: 'opt/su2', type: 'hardlink', link: 'usr/bin/su', mode: 0o4755 }])]));
    expect(paths(r, 'setuid-setgid')).toEqual(['/opt/su2']);
    expect(rule(r, 'setuid-setgid')[0].message).toMatch(/hard link to \/usr\/bin\/su/);
  });

  it('takes the mode and owner of a hard linked file from the last hard link entry, as Docker applies them', async () => {
    // Docker chmods and chowns the shared file to each hard link entry's header.
    const made = await check(onBase([layer([{ path: 'opt/py', type: 'hardlink', link: 'usr/bin/python3', mode: 0o4755 }])]));
    expect(paths(made, 'setuid-setgid').sort()).toEqual(['/opt/py', '/usr/bin/python3']);
    const cleared = await check(onBase([layer([{ path: 'opt/su2', type: 'hardlink', link: 'usr/bin/su', mode: 0o755 }])]));
    expect(paths(cleared, 'setuid-setgid')).toEqual([]);
    // ... which is the base's file too, under its other name.
    expect(rule(made, 'protected-path').map((f) => [f.path, f.layer?.index])).toEqual([['/usr/bin/python3', 1]]);
    expect(rule(made, 'protected-path')[0].message).toMatch(/mode/);
  });

  it('reports a chmod-only change of a base file', async () => {
    const r = await check(onBase([layer([{ path: 'bin/ls', content: 'ls binary', mode: 0o4755 }])]));
    expect(paths(r, 'setuid-setgid')).toEqual(['/bin/ls']);
  });

  it('does not report setuid files inherited from the base, even when rewritten identically', async () => {
    expect(rule(await check(onBase([])), 'setuid-setgid')).toEqual([]);
    expect(rule(await check(onBase([layer([{ path: 'usr/bin/su', content: 'su binary', mode: 0o4755 }])])), 'setuid-setgid')).toEqual([]);
  });
});
