import { check, paths, rule } from '../../../__fixtures__/check';
import { onBase, type LayerSpec } from '../../../__fixtures__/image-builder';

const layer = (entries: LayerSpec['entries'], createdBy = '/bin/sh -c make-it') => ({ entries, createdBy });

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
