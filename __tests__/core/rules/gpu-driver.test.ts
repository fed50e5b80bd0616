import { check, paths, rule } from '../../../__fixtures__/check';
import { maUserBaseLayers, onBase, onMaUserBase, type EntrySpec } from '../../../__fixtures__/image-builder';

const custom = (entries: EntrySpec[], createdBy = '/bin/sh -c apt-get install -y cuda-drivers') => ({ entries, createdBy });

describe('gpu-driver', () => {
  it('reports the driver libraries and programs a custom layer adds, one finding per directory', async () => {
    const lib = 'usr/lib/x86_64-linux-gnu';
    const r = await check(
      onBase([
        custom([
          { path: `${lib}/libcuda.so.535.104.05`, content: 'driver' },
          { path: `${lib}/libcuda.so.1`, type: 'symlink', link: 'libcuda.so.535.104.05' },
          { path: `${lib}/libnvidia-ml.so.535.104.05`, content: 'nvml' },
          { path: `${lib}/libnvidia-ptxjitcompiler.so.535.104.05`, content: 'jit' },
          { path: 'usr/bin/nvidia-smi', content: 'smi', mode: 0o755 }
        ])
      ])
    );
    const found = rule(r, 'gpu-driver');
    expect(found.map((f) => [f.severity, f.path, f.layer?.index])).toEqual([
      ['error', '/usr/bin/nvidia-smi', 1],
      ['error', `/${lib}/libcuda.so.535.104.05`, 1]
    ]);
    expect(found[1].message).toMatch(
      /^The image adds 3 NVIDIA driver files in \/usr\/lib\/x86_64-linux-gnu \(libcuda\.so\.535\.104\.05, libnvidia-ml\.so\.535\.104\.05, libnvidia-ptxjitcompiler/
    );
  });

  it('reports anything put in /usr/local/nvidia, where ModelArts mounts the host driver', async () => {
    const r = await check(onMaUserBase([custom([{ path: 'usr/local/nvidia/lib64/libfoo.so', content: 'x' }])]), { baseLayers: maUserBaseLayers() });
    expect(paths(r, 'gpu-driver')).toEqual(['/usr/local/nvidia']);
    expect(rule(r, 'gpu-driver')[0].message).toMatch(
      /3 paths in \/usr\/local\/nvidia \(\/usr\/local\/nvidia, \/usr\/local\/nvidia\/lib64, \/usr\/local\/nvidia\/lib64\/libfoo\.so\)/
    );
  });

  it("leaves the CUDA toolkit's libraries and stubs alone, and driver files that come with the base image", async () => {
    const toolkit = custom([
      { path: 'usr/local/cuda-12.2/lib64/stubs/libcuda.so', content: 'stub' },
      { path: 'usr/local/cuda-12.2/lib64/stubs/libnvidia-ml.so', content: 'stub' },
      { path: 'usr/local/cuda-12.2/lib64/libcudart.so.12.2.140', content: 'runtime' },
      { path: 'usr/local/cuda-12.2/lib64/libcublas.so.12.2.5.6', content: 'blas' }
    ]);
    expect(rule(await check(onBase([toolkit])), 'gpu-driver')).toEqual([]);
    const base = maUserBaseLayers();
    base[0].entries.push({ path: 'usr/lib64/libcuda.so.470.82.01', content: 'old driver' }, { path: 'usr/bin/nvidia-smi', content: 'smi', mode: 0o755 });
    const r = await check({ ...onMaUserBase([toolkit]), layers: [...base, toolkit] }, { baseLayers: base });
    expect(rule(r, 'gpu-driver')).toEqual([]);
  });
});
