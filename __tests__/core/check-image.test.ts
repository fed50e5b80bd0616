import { check } from '../../__fixtures__/check';
import { onBase, type LayerSpec } from '../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

describe('a clean image', () => {
  it('has no findings at all when built on the given base', async () => {
    const result = await check(
      onBase([layer([{ path: 'opt/app/train.py', content: 'print("hi")\n', uid: 1101 }])], {
        User: 'work',
        Cmd: ['python3', '/opt/app/train.py'],
        Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'PYTHONUNBUFFERED=1']
      })
    );
    expect(result.findings).toEqual([]);
  });
});
