import { check, rule } from '../../../__fixtures__/check';
import { maUserBaseLayers, onBase, onMaUserBase, type EntrySpec, type ImageSpec } from '../../../__fixtures__/image-builder';

const custom = (entries: EntrySpec[], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });
const onMaUser = (entries: EntrySpec[], config: ImageSpec['config']) => check(onMaUserBase([custom(entries)], config), { baseLayers: maUserBaseLayers() });
const access = async (entries: EntrySpec[], config: ImageSpec['config']) => rule(await onMaUser(entries, config), 'user-access');
const messages = async (entries: EntrySpec[], config: ImageSpec['config']) => (await access(entries, config)).map((f) => [f.severity, f.message]);

describe('user-access', () => {
  const runSh = (mode: number, uid = 0, gid = 0): EntrySpec => ({ path: 'home/ma-user/run.sh', content: '#!/bin/bash\npython3 train.py\n', mode, uid, gid });

  it('accepts a boot command the user can run, and a script it can read', async () => {
    expect(await access([runSh(0o755)], { Cmd: ['bash', '/home/ma-user/run.sh'] })).toEqual([]);
    expect(await access([runSh(0o644)], { Cmd: ['python3', 'train.py'] })).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(await access([{ path: 'home/ma-user/train.py', content: 'print(1)', mode: 0o640, uid: 1000, gid: 100 }], { Cmd: ['python3', 'train.py'] })).toEqual(
      []
    );
  });

  it('is an error when a script the boot command names is not readable by the default user', async () => {
    const [found] = await access([runSh(0o700)], { Cmd: ['bash', '/home/ma-user/run.sh'] });
    expect(found.severity).toBe('error');
    expect(found.path).toBe('/home/ma-user/run.sh');
    expect(found.message).toMatch(
      /reads \/home\/ma-user\/run\.sh, but \/home\/ma-user\/run\.sh \(owner 0:0, mode 0700\) is not readable by UID 1000: the job would fail with "Permission denied"/
    );
  });

  it('reads a script through a group the user is in (supplementary groups from /etc/group)', async () => {
    const group = (members: string): EntrySpec => ({ path: 'etc/group', content: `root:x:0:\nusers:x:100:\nteam:x:2000:${members}\n` });
    const script: EntrySpec = { path: 'opt/team/run.sh', content: '#!/bin/sh\n', mode: 0o750, uid: 0, gid: 2000 };
    const cmd = { Cmd: ['sh', '/opt/team/run.sh'] };
    expect((await access([group('ma-user'), script], cmd)).filter((f) => f.severity === 'error')).toEqual([]);
    expect((await access([group('someone'), script], cmd)).map((f) => f.severity)).toEqual(['error']);
  });

  it('needs search permission on every directory on the way: a parent with mode 0700 hides what is in it', async () => {
    const found = await access(
      [
        { path: 'opt/secret', type: 'dir', mode: 0o700 },
        { path: 'opt/secret/start', content: 'binary', mode: 0o755 }
      ],
      { Entrypoint: ['/opt/secret/start'] }
    );
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      ['error', expect.stringMatching(/runs \/opt\/secret\/start, but the directory \/opt\/secret \(owner 0:0, mode 0700\) does not let UID 1000 search it/)]
    ]);
  });

  it('follows a symlinked entrypoint to the file it names, and looks programs up in PATH', async () => {
    const target: EntrySpec = { path: 'opt/tools/train-bin', content: 'binary', mode: 0o700 };
    const link: EntrySpec = { path: 'usr/local/bin/train', type: 'symlink', link: '/opt/tools/train-bin' };
    const [found] = await access([target, link], { Entrypoint: ['train'] });
    expect(found.message).toMatch(
      /runs \/usr\/local\/bin\/train, but \/usr\/local\/bin\/train, a symlink to \/opt\/tools\/train-bin, \(owner 0:0, mode 0700\) is not executable by UID 1000/
    );
    expect(await access([{ ...target, mode: 0o755 }, link], { Entrypoint: ['train'] })).toEqual([]);
  });

  it('warns, not fails, when the boot command names a file that is not in the image', async () => {
    expect(await messages([], { Cmd: ['python3', '/home/ma-user/missing.py'] })).toEqual([
      ['warning', expect.stringMatching(/runs "\/home\/ma-user\/missing\.py", which is not in the image at \/home\/ma-user\/missing\.py/)]
    ]);
    expect(await messages([], { Cmd: ['no-such-program'] })).toEqual([
      ['warning', expect.stringMatching(/"no-such-program", which is not in the image in the PATH/)]
    ]);
  });

  it('follows the commands of a shell -c boot command, with the directory a cd went to', async () => {
    const code: EntrySpec = { path: 'home/ma-user/code/train.py', content: 'print(1)', mode: 0o600 };
    const [found] = await access([code], { Cmd: ['/bin/sh', '-c', 'cd code && PYTHONUNBUFFERED=1 exec python3 -u train.py --lr 0.1 > /dev/null 2>&1'] });
    expect(found.severity).toBe('error');
    expect(found.path).toBe('/home/ma-user/code/train.py');
  });

  it('warns when the home or WORKDIR is missing or not writable by the user', async () => {
    expect(await messages([], { WorkingDir: '/workspace' })).toEqual([
      ['warning', expect.stringMatching(/^The user's working directory \(WORKDIR\) \/workspace is not in the image/)]
    ]);
    expect(await messages([{ path: 'workspace', type: 'dir', mode: 0o755 }], { WorkingDir: '/workspace' })).toEqual([
      [
        'warning',
        expect.stringMatching(/working directory \(WORKDIR\) \/workspace is not writable by UID 1000: \/workspace \(owner 0:0, mode 0755\) is not writable/)
      ]
    ]);
    expect(await messages([{ path: 'workspace', type: 'dir', mode: 0o775, uid: 0, gid: 100 }], { WorkingDir: '/workspace' })).toEqual([]);
    expect(await messages([{ path: 'home/ma-user', type: 'dir', mode: 0o755, uid: 0, gid: 0 }], {})).toEqual([
      ['warning', expect.stringMatching(/^The user's home \/home\/ma-user is not writable by UID 1000/)]
    ]);
  });

  it('warns once per directory about files the custom layers put in the home that the user cannot read', async () => {
    const files = ['a.py', 'b.py', 'c.py', 'd.py'].map((f): EntrySpec => ({ path: `home/ma-user/code/${f}`, content: 'x', mode: 0o600 }));
    const found = await access([...files, { path: 'home/ma-user/code/ok.py', content: 'x', mode: 0o644 }], {});
    expect(found.map((f) => [f.severity, f.path, f.layer?.index])).toEqual([['warning', '/home/ma-user/code', 1]]);
    expect(found[0].message).toMatch(
      /^4 files that the custom layers put in \/home\/ma-user\/code are not readable by UID 1000 \(a\.py, b\.py, c\.py, \.\.\.\)/
    );
  });

  it('lets root do anything but run a file without an x bit', async () => {
    const ok = await check(onBase([custom([{ path: 'opt/run.sh', content: '#!/bin/sh\n', mode: 0o600 }])], { User: 'root', Cmd: ['sh', '/opt/run.sh'] }));
    expect(rule(ok, 'user-access')).toEqual([]);
    const noX = await check(onBase([custom([{ path: 'opt/run', content: 'binary', mode: 0o600 }])], { User: 'root', Entrypoint: ['/opt/run'] }));
    expect(rule(noX, 'user-access').map((f) => f.severity)).toEqual(['error']);
  });
});
