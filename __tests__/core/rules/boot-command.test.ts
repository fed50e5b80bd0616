import { check, rule } from '../../../__fixtures__/check';
import { maUserBaseLayers, onBase, onMaUserBase, type EntrySpec, type ImageSpec } from '../../../__fixtures__/image-builder';

const custom = (entries: EntrySpec[]) => ({ entries, createdBy: '/bin/sh -c make-it' });
const onMaUser = (entries: EntrySpec[], config: ImageSpec['config']) => check(onMaUserBase([custom(entries)], config), { baseLayers: maUserBaseLayers() });

describe('boot-command', () => {
  it('warns about conda activate and source activate in the boot command', async () => {
    for (const command of [
      'conda activate torch && python3 train.py',
      'source activate torch; python3 train.py',
      '. /opt/conda/bin/activate torch && python3 x.py'
    ]) {
      const found = rule(await onMaUser([], { Cmd: ['/bin/bash', '-c', command] }), 'boot-command');
      expect(found.map((f) => [f.severity, f.message])).toEqual([
        ['warning', expect.stringMatching(/^The boot command \(CMD\) activates a conda environment/)]
      ]);
    }
    expect(rule(await onMaUser([], { Cmd: ['conda', 'run', '-n', 'torch', 'python3', 'train.py'] }), 'boot-command')).toEqual([]);
  });

  it('warns about conda activate in a script the boot command runs, unless the script loads conda first', async () => {
    const script = (text: string): EntrySpec => ({ path: 'home/ma-user/run.sh', content: text, mode: 0o755, uid: 1000, gid: 100 });
    const cmd = { Cmd: ['bash', '/home/ma-user/run.sh'] };
    const found = rule(await onMaUser([script('#!/bin/bash\nconda activate torch\npython3 train.py\n')], cmd), 'boot-command');
    expect(found.map((f) => [f.path, f.message])).toEqual([
      ['/home/ma-user/run.sh', expect.stringMatching(/^\/home\/ma-user\/run\.sh:2 activates a conda environment/)]
    ]);
    const hooked = '#!/bin/bash\neval "$(conda shell.bash hook)"\nconda activate torch\npython3 train.py\n';
    expect(rule(await onMaUser([script(hooked)], cmd), 'boot-command')).toEqual([]);
  });

  it("in the current profile, warns when the image does not start in the user's home", async () => {
    const found = rule(await onMaUser([{ path: 'workspace', type: 'dir', uid: 1000 }], { WorkingDir: '/workspace' }), 'boot-command');
    expect(found.map((f) => f.message)).toEqual([
      expect.stringMatching(/^The image starts in \/workspace, but ModelArts runs the boot command of a training job in the user's home \/home\/ma-user/)
    ]);
    expect(rule(await onMaUser([], { WorkingDir: '/home/ma-user/' }), 'boot-command')).toEqual([]);
    // Not in the legacy profile, whose spec says nothing of it.
    expect(rule(await check(onBase([], { User: 'work', WorkingDir: '/opt' })), 'boot-command')).toEqual([]);
  });
});
