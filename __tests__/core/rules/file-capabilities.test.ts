import { check, paths, rule } from '../../../__fixtures__/check';
import { baseLayers, onBase, type LayerSpec } from '../../../__fixtures__/image-builder';
import { capabilityValue } from '../../../__fixtures__/raw-tar';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

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

  it('reports a base file with capabilities that a custom layer rewrote with other content of the same size', async () => {
    const base = baseLayers();
    base[0].entries.push({ path: 'opt/tools/ping', content: 'ping', mode: 0o755, capability: capabilityValue([NET_RAW]) });
    const custom = [layer([{ path: 'opt/tools/ping', content: 'pong', mode: 0o755, capability: capabilityValue([NET_RAW]) }])];
    const r = await check({ ...onBase(custom), layers: [...base, ...custom] }, { baseLayers: base });
    expect(rule(r, 'file-capabilities').map((f) => f.message)).toEqual([
      expect.stringMatching(/^\/opt\/tools\/ping has the file capabilities cap_net_raw=ep.*changed from the base image/)
    ]);
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
