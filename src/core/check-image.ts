// The validator core: image source -> archive reader -> layer walker -> filesystem model ->
// rules. Takes plain values and returns plain findings; the CLI and the action share it.
import { readArchive, type ReadOptions } from './archive/archive-reader';
import { ClamdClient } from './scan/clamd-client';
import { ImageError } from './errors';
import { guessBaseLayerCount, layerHistory, redactedConfig, type Finding, type ImageFacts, type LayerFact } from './facts';
import { Filesystem, MAX_LAYERS } from './fs/filesystem-model';
import { LEGACY_LAYER_PATH } from './archive/legacy-layer-ids';
import { resolveImage, type ResolvedImage } from './archive/image-manifest';
import type { ImageSource } from './source/image-source';
import type { ScanStats } from './layer/layer-record';
import { ReadBudget, type WalkOptions } from './layer/layer-walker';
import { createScanWorkers } from './scan/scan-workers';
import { runRules, streamNeeds } from './rules';
import { softwareVersions, type SoftwareVersions } from './rules/software-versions';
import { CombinedNeeds } from './stream-needs';
import { applyProfile, type AppliedProfile } from './settings/profile';
import type { Settings } from './settings/settings';

/** A base image known by its layer list alone (the daemon's inspect gives it without a save). */
export interface KnownBase {
  name: string;
  id: string;
  diffIds: string[];
  /** Its layers' blob digests, where known (a registry's manifest): the image's copies of them are not content-scanned. */
  layerDigests?: string[];
}

export interface CheckOptions {
  image: ImageSource;
  base?: ImageSource | KnownBase;
  settings: Settings;
  /** Called with the bytes of layer data read so far. */
  onProgress?: (bytes: number) => void;
  /** A ClamAV daemon to stream files to: tcp://HOST:PORT or unix:PATH. */
  clamd?: string;
}

export interface CheckResult {
  facts: ImageFacts;
  /** The profile the image was judged by, and why. */
  profile: AppliedProfile;
  /** The settings in force (those of the profile applied). */
  settings: Settings;
  /** CUDA, cuDNN, NCCL, OFED, CANN and Python versions found in the image. */
  software: SoftwareVersions;
  findings: Finding[];
  scan: ScanStats;
  timings: { phase: string; ms: number }[];
}

export async function checkImage(options: CheckOptions): Promise<CheckResult> {
  const { settings } = options;
  const budget = new ReadBudget(settings.maxUncompressed);
  const clamd = options.clamd ? await ClamdClient.connect(options.clamd) : undefined;
  const needs = new CombinedNeeds(streamNeeds(settings));
  const scanWorkers = createScanWorkers(settings.scanLimit, needs.detectors, !options.image.layersVerified);
  try {
    return await checkWith(options, { needs, budget, scanWorkers, clamd, scanLimit: settings.scanLimit });
  } finally {
    clamd?.close();
    await scanWorkers.close();
  }
}

async function checkWith(options: CheckOptions, walk: WalkOptions): Promise<CheckResult> {
  const { settings } = options;
  const timings: CheckResult['timings'] = [];
  const timed = async <T>(phase: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings.push({ phase, ms: Math.round(performance.now() - start) });
    }
  };
  const given = options.base;
  const base = !given
    ? undefined
    : 'diffIds' in given
      ? knownBaseImage(given)
      : await timed('read base image', () => readImage(given, settings, { walk, walkLayers: false }));
  let bytes = 0;
  const onProgress = options.onProgress && ((n: number) => options.onProgress!((bytes += n)));
  const knownDigests = given && 'diffIds' in given ? (given.layerDigests ?? []) : [];
  const baseLayerDigests = base && new Set([...base.config.rootfs.diff_ids, ...base.blobs.map((b) => b.digest), ...knownDigests].filter(Boolean));
  const baseLayerPaths = base && new Set(base.blobs.map((b) => b.path).filter((p) => LEGACY_LAYER_PATH.test(p)));
  const baseDiffIds = base?.config.rootfs.diff_ids;
  const image = await timed('read image', () =>
    readImage(options.image, settings, { walk, walkLayers: true, onProgress, baseLayerDigests, baseLayerPaths, baseDiffIds })
  );
  // The scan workers' memory is returned before the filesystem model, the biggest structure, is built.
  await walk.scanWorkers.close();
  const facts = await timed('build filesystem', () => buildFacts(image, base, options));
  const { profile, settings: applied } = applyProfile(settings, facts);
  const findings = await timed('run rules', () => runRules(facts, applied));
  const scan = facts.layers.reduce<ScanStats>(
    (s, l) => ({ truncatedFiles: s.truncatedFiles + l.record.scan.truncatedFiles, unscannedBytes: s.unscannedBytes + l.record.scan.unscannedBytes }),
    { truncatedFiles: 0, unscannedBytes: 0 }
  );
  return { facts, findings, scan, timings, profile, settings: applied, software: softwareVersions(facts) };
}

async function readImage(source: ImageSource, settings: Settings, opts: Omit<ReadOptions, 'label'>): Promise<ResolvedImage> {
  const contents = await readArchive(source.open(), { ...opts, label: source.name });
  return resolveImage(contents, {
    platform: settings.platform,
    label: source.name,
    layersWalked: opts.walkLayers,
    layout: source.layout,
    layersVerified: source.layersVerified
  });
}

function knownBaseImage(base: KnownBase): ResolvedImage {
  return { layout: 'docker-archive', id: base.id, repoTags: [], config: { rootfs: { type: 'layers', diff_ids: base.diffIds } }, layers: [], blobs: [] };
}

function buildFacts(image: ResolvedImage, base: ResolvedImage | undefined, options: CheckOptions): ImageFacts {
  if (image.layers.length > MAX_LAYERS) {
    throw new ImageError(`${options.image.name} has ${image.layers.length} layers; Docker images have at most ${MAX_LAYERS}`);
  }
  const baseDiffIds = new Set(base?.config.rootfs.diff_ids);
  const records = image.layers.map((l, i) => {
    if (!l) throw new ImageError(`${options.image.name}: a layer was not read`);
    // Read unscanned because its archive path is a base layer's: the content must be one.
    if (!l.contentScanned && !baseDiffIds.has(l.diffId)) {
      throw new ImageError(
        `layer ${i + 1} of ${options.image.name} is stored under the name of a base image layer but is not one (${l.diffId}): the archive was modified`
      );
    }
    return l;
  });
  const config = redactedConfig(image.config);
  const diffIds = image.config.rootfs.diff_ids;
  let baseCount: number;
  let matches = true;
  let guessed = false;
  let firstMismatch: number | undefined;
  if (base) {
    const baseIds = base.config.rootfs.diff_ids;
    firstMismatch = baseIds.findIndex((id, i) => diffIds[i] !== id);
    matches = firstMismatch === -1 && baseIds.length <= diffIds.length;
    if (firstMismatch === -1) firstMismatch = matches ? undefined : diffIds.length;
    // Without a match, the layers before the first difference are still the base's, byte for
    // byte: their files are not held against the image (the base-image rule reports the rest).
    baseCount = matches ? baseIds.length : firstMismatch!;
  } else {
    const guess = guessBaseLayerCount(config.history);
    guessed = guess !== undefined && guess <= records.length;
    baseCount = guessed ? guess! : 0;
  }
  const history = layerHistory(config.history, records.length);
  const built = Filesystem.buildWithBase(records, baseCount);
  const layers: LayerFact[] = records.map((record, index) => ({
    index,
    diffId: diffIds[index],
    size: record.size,
    compression: record.compression,
    ...(history[index] !== undefined && { createdBy: history[index] }),
    base: index < baseCount,
    record
  }));
  return {
    reference: options.image.name,
    id: image.id,
    layout: options.image.transport ?? image.layout,
    // A save of an image ID names no tag: the daemon's tags for it then.
    repoTags: image.repoTags.length > 0 ? image.repoTags : (options.image.repoTags ?? []),
    config,
    rawConfig: image.config,
    layers,
    base: {
      given: !!base,
      ...(options.base && { reference: options.base.name }),
      ...(base && { id: base.id, givenLayerCount: base.config.rootfs.diff_ids.length }),
      layerCount: baseCount,
      matches,
      guessed,
      ...(firstMismatch !== undefined && { firstMismatch })
    },
    fs: built.full,
    baseFs: built.base
  };
}
