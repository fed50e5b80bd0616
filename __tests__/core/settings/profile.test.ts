import { check } from '../../../__fixtures__/check';
import { baseLayers, maUserBaseLayers, onBase, onMaUserBase, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });
const app = layer([{ path: 'home/ma-user/train.py', content: 'print(1)\n', uid: 1000, gid: 100 }]);

describe('the profile (auto)', () => {
  it('is current for a base with ma-user (UID 1000), with its values, and says why', async () => {
    const r = await check(onMaUserBase([app], { Cmd: ['python3', 'train.py'] }), { baseLayers: maUserBaseLayers() });
    expect(r.profile).toEqual({ name: 'current', reason: 'the base image has the user ma-user (UID 1000, home /home/ma-user)' });
    expect(r.settings).toMatchObject({
      profile: 'current',
      expectedUid: 1000,
      expectedGid: 100,
      maxSize: 30e9,
      recommendedSize: 15e9,
      expectedHome: '/home/ma-user'
    });
    expect(r.findings.filter((f) => f.severity !== 'notice')).toEqual([]);
  });

  it('is legacy for a base with work (UID 1101), judged exactly as before', async () => {
    const r = await check(onBase([layer([{ path: 'opt/app/train.py', content: 'print(1)\n' }])]));
    expect(r.profile).toEqual({ name: 'legacy', reason: 'the base image has the user work (UID 1101)' });
    expect(r.settings).toMatchObject({ profile: 'legacy', expectedUid: 1101, maxSize: 9.5e9 });
    expect(r.settings.expectedGid).toBeUndefined();
  });

  it('is legacy for a base with the ModelArts tools in /home/work, and for a base with neither', async () => {
    const tools = baseLayers();
    tools[0].entries = tools[0].entries.map((e) => (e.path === 'etc/passwd' ? { ...e, content: 'root:x:0:0::/root:/bin/sh\n' } : e));
    const r = await check({ ...onBase([]), layers: tools, config: { User: '1101' } }, { baseLayers: tools });
    expect(r.profile).toEqual({ name: 'legacy', reason: 'the base image has the ModelArts tools in /home/work' });
    const bare = [
      layer([
        { path: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' },
        { path: 'bin/sh', content: 'sh', mode: 0o755 }
      ])
    ];
    const neither = await check({ layers: bare, config: { User: 'root' } }, { baseLayers: bare });
    expect(neither.profile).toEqual({ name: 'legacy', reason: 'the base image has neither ma-user nor work: the published specification applies' });
  });

  it("reads the image's own users when no base is known", async () => {
    const r = await check({ layers: maUserBaseLayers(), config: { User: 'ma-user' } }, { withBase: false });
    expect(r.profile.name).toBe('current');
    expect(r.profile.reason).toMatch(/^the image \(no base image is known\) has the user ma-user/);
  });

  it('keeps a profile given in the settings, and explicit values whichever profile applies', async () => {
    const forced = await check(onMaUserBase([app]), { baseLayers: maUserBaseLayers(), settings: { profileChoice: 'legacy', profile: 'legacy' } });
    expect(forced.profile.name).toBe('legacy');
    expect(forced.findings.find((f) => f.rule === 'default-user')?.message).toMatch(/UID 1000; ModelArts requires UID 1101/);
    const overridden = await check(onMaUserBase([app]), { baseLayers: maUserBaseLayers(), settings: { overrides: { maxSize: 1234 } } });
    expect(overridden.settings).toMatchObject({ profile: 'current', maxSize: 1234, expectedUid: 1000 });
  });
});
