import type { ImageFacts, RawFinding } from '../facts';
import { lookup } from '../fs/access';
import { baseName } from '../fs/image-path';
import { EntryKind } from '../layer/layer-record';
import { SOURCES, type Rule } from './rule';

/** The software versions found in the final filesystem, by name (only what was found). */
export interface SoftwareVersions {
  cuda?: string;
  cudnn?: string;
  nccl?: string;
  ofed?: string;
  cann?: string;
  python?: string;
}

/** Oldest versions ModelArts' training needs (FAQ docker-modelarts_6019). */
const MIN_NCCL = '2.7.8';
const MIN_OFED = '5.4-3.1.0.0';

const CUDA_VERSION_FILE = /^\/usr\/local\/cuda[^/]*\/version\.(?:json|txt)$/;
const CUDNN_HEADER = /\/cudnn(?:_version)?(?:_v\d+)?\.h$/;
const CANN_VERSION_FILE = /^\/usr\/local\/Ascend\/.*\/(?:version\.cfg|ascend_toolkit_install\.info)$/;
const OFED_INFO = '/usr/bin/ofed_info';
/** Library and Python package names that carry a version: libnccl.so.2.18.3, nvidia_nccl_cu12-2.18.1.dist-info. */
const NAMED_VERSIONS: [keyof SoftwareVersions, RegExp][] = [
  ['nccl', /^libnccl\.so\.(\d+\.\d+\.\d+)$/],
  ['nccl', /^nvidia_nccl_cu\d+-(\d+\.\d+\.\d+)\.dist-info$/],
  ['cudnn', /^libcudnn\.so\.(\d+\.\d+\.\d+)$/],
  ['cudnn', /^nvidia_cudnn_cu\d+-(\d+\.\d+\.\d+)(?:\.\d+)*\.dist-info$/],
  ['cuda', /^nvidia_cuda_runtime_cu\d+-(\d+\.\d+\.\d+)\.dist-info$/]
];

export const softwareVersionsRule: Rule = {
  id: 'software-versions',
  defaultSeverity: 'notice',
  description: `Reports the CUDA, cuDNN, NCCL, OFED, CANN and Python versions in the image; NCCL must be ${MIN_NCCL} or later, and MLNX OFED ${MIN_OFED} or later.`,
  spec: 'NCCL 2.7.8 or later; MLNX OFED 5.4-3.1.0.0 or later; the CUDA version must suit the GPU driver of the resource pool.',
  source: SOURCES.versions,
  needs: () => ({
    texts: [
      { pattern: CUDA_VERSION_FILE, maxBytes: 64 * 1024 },
      { pattern: CUDNN_HEADER, maxBytes: 512 * 1024 },
      { pattern: CANN_VERSION_FILE, maxBytes: 64 * 1024 },
      { paths: [OFED_INFO], maxBytes: 1024 * 1024 }
    ]
  }),
  check(facts) {
    const sources = new Map<keyof SoftwareVersions, string>();
    const found = softwareVersions(facts, sources);
    const out: RawFinding[] = [];
    // Where a version was read: the finding points at the file, and so at the layer that wrote it.
    const at = (key: keyof SoftwareVersions) => {
      const path = sources.get(key);
      return path === undefined ? {} : { path, layer: facts.fs.get(path)?.layer };
    };
    if (found.nccl && compareVersions(found.nccl, MIN_NCCL) < 0) {
      out.push({
        severity: 'error',
        message: `The image has NCCL ${found.nccl}; ModelArts needs NCCL ${MIN_NCCL} or later for distributed training. Install a newer NCCL (libnccl2), or build on a newer base image.`,
        ...at('nccl')
      });
    }
    if (found.ofed && compareVersions(found.ofed, MIN_OFED) < 0) {
      out.push({
        severity: 'warning',
        message: `The image has MLNX OFED ${found.ofed}; ModelArts needs ${MIN_OFED} or later for training over InfiniBand/RoCE. Install a newer MLNX_OFED user space.`,
        ...at('ofed')
      });
    }
    const names: Record<keyof SoftwareVersions, string> = { cuda: 'CUDA', cudnn: 'cuDNN', nccl: 'NCCL', ofed: 'MLNX OFED', cann: 'CANN', python: 'Python' };
    // The list is advice about drivers: without a GPU or Ascend stack there is nothing to match
    // (the JSON report and the job summary still list what was found).
    const gpu = Boolean(found.cuda || found.cudnn || found.nccl);
    if (!gpu && !found.cann) return out;
    const listed = (Object.keys(names) as (keyof SoftwareVersions)[]).filter((k) => found[k]).map((k) => `${names[k]} ${found[k]}`);
    const advice = [
      gpu && 'the CUDA version to the GPU driver of your resource pool',
      found.cann && 'CANN to the Ascend driver (a mismatch fails the job at once)'
    ].filter(Boolean);
    out.push({ message: `Software in the image: ${listed.join(', ')}. Match ${advice.join(', and ')}.` });
    return out;
  }
};

/**
 * Reads the versions from the final filesystem: version files, library names, Python package
 * names. `sources`, when given, receives the path each version was read from.
 */
export function softwareVersions(facts: ImageFacts, sources = new Map<keyof SoftwareVersions, string>()): SoftwareVersions {
  const found: SoftwareVersions = {};
  const highest = (key: keyof SoftwareVersions, version: string | undefined, path: string) => {
    if (version && (!found[key] || compareVersions(version, found[key]!) > 0)) {
      found[key] = version;
      sources.set(key, path);
    }
  };
  const fromText: { cuda: [string, string][]; cudnn: [string, string][] } = { cuda: [], cudnn: [] };
  facts.fs.eachPath(
    (path) =>
      CUDA_VERSION_FILE.test(path) || CUDNN_HEADER.test(path) || CANN_VERSION_FILE.test(path) || NAMED_VERSIONS.some(([, re]) => re.test(baseName(path))),
    (path) => {
      const node = facts.fs.get(path);
      if (!node) return;
      const text = facts.fs.resolve(path)?.text;
      if (CUDA_VERSION_FILE.test(path) && text) fromText.cuda.push([cudaVersion(text) ?? '', path]);
      else if (CUDNN_HEADER.test(path) && text) fromText.cudnn.push([cudnnVersion(text) ?? '', path]);
      else if (CANN_VERSION_FILE.test(path) && text) highest('cann', /^(?:\w*_)?version=\[?([\w.-]+)/im.exec(text)?.[1], path);
      else if (node.kind === EntryKind.File || node.kind === EntryKind.Directory) {
        for (const [key, re] of NAMED_VERSIONS) highest(key, re.exec(baseName(path))?.[1], path);
      }
    }
  );
  // Version files beat names: pip's CUDA runtime is a part of CUDA, the toolkit's version.json all of it.
  for (const key of ['cuda', 'cudnn'] as const) {
    const versions = fromText[key].filter(([v]) => v !== '');
    if (!versions.length) continue;
    const [version, path] = versions.reduce((a, b) => (compareVersions(a[0], b[0]) >= 0 ? a : b));
    found[key] = version;
    sources.set(key, path);
  }
  const ofed = facts.fs.resolve(OFED_INFO)?.text;
  if (ofed) highest('ofed', /MLNX_OFED_LINUX-(\d+\.\d+-[\d.]+)/.exec(ofed)?.[1], OFED_INFO);
  const python = pythonVersion(facts);
  if (python) highest('python', python.version, python.path);
  return found;
}

function cudaVersion(text: string): string | undefined {
  const json = /"cuda"\s*:\s*\{[^}]*"version"\s*:\s*"([\d.]+)"/.exec(text);
  return json?.[1] ?? /CUDA Version (\d+(?:\.\d+)+)/.exec(text)?.[1];
}

function cudnnVersion(text: string): string | undefined {
  const part = (name: string) => new RegExp(`#define\\s+CUDNN_${name}\\s+(\\d+)`).exec(text)?.[1];
  const [major, minor, patch] = [part('MAJOR'), part('MINOR'), part('PATCHLEVEL')];
  return major && minor ? `${major}.${minor}${patch ? `.${patch}` : ''}` : undefined;
}

/** The version of the python3 (or python) the image's PATH finds, following its symlinks to python3.X. */
function pythonVersion(facts: ImageFacts): { version: string; path: string } | undefined {
  const path = (facts.config.config?.Env ?? []).find((e) => e.startsWith('PATH='))?.slice(5) ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  for (const name of ['python3', 'python']) {
    for (const dir of path.split(':')) {
      if (!dir.startsWith('/')) continue;
      const found = lookup(facts.fs, `${dir}/${name}`);
      if (!found.node || found.node.kind === EntryKind.Directory) continue;
      const m = /python(\d+\.\d+)$/.exec(found.path);
      if (m) return { version: m[1], path: found.path };
    }
  }
  return undefined;
}

/** Compares dotted (or dashed) versions number by number: "2.7.8" < "2.18.3", "5.4-3.1.0.0" < "5.8-1.0.1.1". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  const pb = b.split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
