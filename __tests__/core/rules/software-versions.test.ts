import { check, rule } from '../../../__fixtures__/check';
import { baseLayers, maUserBaseLayers, onBase, onMaUserBase, type EntrySpec } from '../../../__fixtures__/image-builder';
import { compareVersions } from '../../../src/core/rules/software-versions';

const custom = (entries: EntrySpec[]) => ({ entries, createdBy: '/bin/sh -c make-it' });
const LIB = 'usr/lib/x86_64-linux-gnu';

describe('software-versions', () => {
  it('reads CUDA, cuDNN, NCCL, OFED, CANN and Python from the final filesystem, as a notice and in the result', async () => {
    const r = await check(
      onMaUserBase([
        custom([
          {
            path: 'usr/local/cuda-12.2/version.json',
            content: '{"cuda": {"name": "CUDA SDK", "version": "12.2.140"}, "cuda_cudart": {"version": "12.2.140"}}'
          },
          { path: 'usr/include/cudnn_version.h', content: '#define CUDNN_MAJOR 8\n#define CUDNN_MINOR 9\n#define CUDNN_PATCHLEVEL 4\n' },
          { path: `${LIB}/libnccl.so.2.18.3`, content: 'nccl' },
          { path: `${LIB}/libnccl.so.2`, type: 'symlink', link: 'libnccl.so.2.18.3' },
          { path: 'usr/bin/ofed_info', content: '#!/bin/bash\necho MLNX_OFED_LINUX-5.8-1.0.1.1 (OFED-5.8-1.0.1):\n', mode: 0o755 },
          {
            path: 'usr/local/Ascend/ascend-toolkit/latest/x86_64-linux/ascend_toolkit_install.info',
            content: 'package_name=Ascend-cann-toolkit\nversion=8.0.RC1\n'
          }
        ])
      ]),
      { baseLayers: maUserBaseLayers() }
    );
    expect(r.software).toEqual({ cuda: '12.2.140', cudnn: '8.9.4', nccl: '2.18.3', ofed: '5.8-1.0.1.1', cann: '8.0.RC1', python: '3.10' });
    expect(rule(r, 'software-versions').map((f) => [f.severity, f.message])).toEqual([
      [
        'notice',
        expect.stringMatching(
          /^Software in the image: CUDA 12\.2\.140, cuDNN 8\.9\.4, NCCL 2\.18\.3, MLNX OFED 5\.8-1\.0\.1\.1, CANN 8\.0\.RC1, Python 3\.10\./
        )
      ]
    ]);
  });

  it('is an error for an NCCL older than 2.7.8, and a warning for an old MLNX OFED', async () => {
    const r = await check(
      onBase([
        custom([
          { path: `${LIB}/libnccl.so.2.4.8`, content: 'nccl' },
          { path: 'usr/bin/ofed_info', content: 'MLNX_OFED_LINUX-4.9-2.2.4.0\n', mode: 0o755 }
        ])
      ])
    );
    expect(rule(r, 'software-versions').map((f) => [f.severity, f.message])).toEqual([
      ['error', expect.stringMatching(/^The image has NCCL 2\.4\.8; ModelArts needs NCCL 2\.7\.8 or later/)],
      ['warning', expect.stringMatching(/^The image has MLNX OFED 4\.9-2\.2\.4\.0/)],
      ['notice', expect.any(String)]
    ]);
    // Each points at the file it read, and so at the layer (and the Dockerfile line) that wrote it.
    expect(rule(r, 'software-versions').map((f) => [f.path, f.layer?.index])).toEqual([
      [`/${LIB}/libnccl.so.2.4.8`, 1],
      ['/usr/bin/ofed_info', 1],
      [undefined, undefined]
    ]);
  });

  it('counts the final file: an NCCL upgrade in a custom layer over an old one in the base', async () => {
    const base = baseLayers();
    base[0].entries.push({ path: `${LIB}/libnccl.so.2.4.8`, content: 'old nccl' });
    const upgrade = custom([
      { path: `${LIB}/libnccl.so.2.4.8`, type: 'whiteout' },
      { path: `${LIB}/libnccl.so.2.18.3`, content: 'new nccl' }
    ]);
    const r = await check({ ...onBase([upgrade]), layers: [...base, upgrade] }, { baseLayers: base });
    expect(r.software.nccl).toBe('2.18.3');
    expect(rule(r, 'software-versions').filter((f) => f.severity === 'error')).toEqual([]);
    const pip = custom([{ path: 'usr/lib/python3/dist-packages/nvidia_nccl_cu12-2.20.5.dist-info', type: 'dir' }]);
    expect((await check({ ...onBase([pip]), layers: [...base, pip] }, { baseLayers: base })).software.nccl).toBe('2.20.5');
  });

  it('says nothing when it finds nothing, or only Python: no driver to match (the result still lists Python)', async () => {
    expect(rule(await check(onBase([])), 'software-versions')).toEqual([]);
    const python = custom([
      { path: 'usr/bin/python3.11', content: 'ELF', mode: 0o755 },
      { path: 'usr/bin/python3', type: 'symlink', link: 'python3.11' }
    ]);
    const r = await check(onBase([python], { User: 'work', Env: ['PATH=/usr/bin:/bin'] }));
    expect(r.software.python).toBe('3.11');
    expect(rule(r, 'software-versions')).toEqual([]);
  });

  it('compares versions number by number', () => {
    expect(compareVersions('2.7.8', '2.18.3')).toBeLessThan(0);
    expect(compareVersions('2.7.8', '2.7.8')).toBe(0);
    expect(compareVersions('5.4-3.1.0.0', '5.4-3.0.4.0')).toBeGreaterThan(0);
  });
});
