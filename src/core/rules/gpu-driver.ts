import { baseName, isUnder, parentOf } from '../fs/image-path';
import { EntryKind } from '../layer/layer-record';
import type { RawFinding } from '../facts';
import { excerpt } from '../text/excerpt';
import { count } from '../text/plural';
import { SOURCES, type Rule } from './rule';

/** Where ModelArts mounts the host's driver: whatever the image puts there is hidden, or shadows it. */
const DRIVER_MOUNT = '/usr/local/nvidia';
/**
 * The driver's user-space libraries, named with the driver's version (libcuda.so.535.104.05,
 * libnvidia-ml.so.535.104.05). The CUDA toolkit's own libraries (libcudart, libcublas...) and its
 * unversioned stubs are not the driver.
 */
const DRIVER_LIBRARY = /^lib(?:cuda|nvidia-[a-z0-9_-]+)\.so\.\d+\.\d+(?:\.\d+)*$/;
/** The driver's programs. */
const DRIVER_PROGRAMS = new Set(['nvidia-smi', 'nvidia-debugdump', 'nvidia-persistenced', 'nvidia-cuda-mps-control', 'nvidia-cuda-mps-server']);
const NAMED = 4;

export const gpuDriver: Rule = {
  id: 'gpu-driver',
  defaultSeverity: 'error',
  description: `Custom layers must not install the NVIDIA GPU driver (libcuda.so.<driver version>, libnvidia-*.so.<version>, nvidia-smi) or put anything in ${DRIVER_MOUNT}: ModelArts provides the host's driver there.`,
  spec: "GPU drivers must not be installed in the image: ModelArts places the host's driver in /usr/local/nvidia.",
  source: SOURCES.newTraining,
  check(facts) {
    // One finding per directory and layer: a driver install writes dozens of files in a few places.
    const groups = new Map<string, { dir: string; layer: number; files: string[]; mount: boolean }>();
    facts.fs.eachPath(
      (path) => isUnder(path, DRIVER_MOUNT) || DRIVER_LIBRARY.test(baseName(path)) || DRIVER_PROGRAMS.has(baseName(path)),
      (path) => {
        const node = facts.fs.get(path);
        if (!node || facts.layers[node.layer]?.base) return;
        const mount = isUnder(path, DRIVER_MOUNT);
        // A driver file is a file; the toolkit's stubs (lib64/stubs/libcuda.so) are for linking only.
        if (!mount && (node.kind !== EntryKind.File || path.includes('/stubs/'))) return;
        const before = facts.baseFs.get(path);
        if (before && before.kind === node.kind && before.size === node.size && before.contentTag === node.contentTag && !mount) return;
        const dir = mount ? DRIVER_MOUNT : parentOf(path);
        const key = `${node.layer}\0${dir}`;
        const group = groups.get(key) ?? { dir, layer: node.layer, files: [], mount };
        group.files.push(path);
        groups.set(key, group);
      }
    );
    return [...groups.values()]
      .sort((a, b) => (a.files[0] < b.files[0] ? -1 : 1))
      .map((g): RawFinding => {
        const names = g.files.slice(0, NAMED).map((f) => excerpt(g.mount ? f : baseName(f), 100));
        const listed = `${names.join(', ')}${g.files.length > NAMED ? `, and ${g.files.length - NAMED} more` : ''}`;
        const what = g.mount
          ? `${count(g.files.length, 'path')} in ${DRIVER_MOUNT} (${listed}), where ModelArts mounts the host's GPU driver: the job does not see them, or they hide the driver.`
          : `${count(g.files.length, 'NVIDIA driver file')} in ${g.dir} (${listed}): a driver in the image does not match the host's, and CUDA then fails to start ("CUDA driver version is insufficient", "driver/library version mismatch").`;
        return {
          message: `The image adds ${what} Do not install the driver (packages nvidia-driver-*, libnvidia-compute-*, cuda-drivers); the CUDA toolkit alone (cuda-toolkit-*, cuda-libraries-*) is enough.`,
          path: g.files[0],
          layer: g.layer
        };
      });
  }
};
