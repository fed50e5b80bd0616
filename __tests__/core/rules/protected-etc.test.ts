import { check, paths, rule } from '../../../__fixtures__/check';
import { onBase, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('protected-etc', () => {
  it('reports changed, added and deleted important files, and ignores others', async () => {
    const r = await check(
      onBase([
        layer([
          { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\nwork:x:1101:1101:work:/home/work:/bin/sh\nevil:x:0:0::/:/bin/sh\n' },
          { path: 'etc/sudoers.d/work', content: 'work ALL=(ALL) NOPASSWD:ALL\n' },
          { path: 'etc/hosts', type: 'whiteout' },
          { path: 'etc/pip.conf', content: '[global]\n' }
        ])
      ])
    );
    expect(paths(r, 'protected-etc').sort()).toEqual(['/etc/hosts', '/etc/passwd', '/etc/sudoers.d/work']);
  });

  it('follows the configured list: globs outside /etc, or none at all', async () => {
    const spec = onBase([
      layer([
        { path: 'etc/passwd', content: 'root:x:0:0::/:/bin/sh\n' },
        { path: 'opt/policy/rules.conf', content: 'x' }
      ])
    ]);
    const custom = await check(spec, { settings: { protectedEtc: ['/etc/passwd', '/opt/policy/**'] } });
    expect(paths(custom, 'protected-etc').sort()).toEqual(['/etc/passwd', '/opt/policy/rules.conf']);
    expect(rule(await check(spec, { settings: { protectedEtc: [] } }), 'protected-etc')).toEqual([]);
  });
});
