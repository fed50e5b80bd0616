// Finds the image in a read archive (docker-save manifest.json, or an OCI index with nested
// indexes and platforms) and verifies it: every digest the archive names must match the bytes,
// and every layer must hash to the diff_id its config promises. A tampered archive stops here.
// (Layers from a source that verified them itself, the Docker daemon, are not hashed: see
// ResolveOptions.layersVerified.)
import { digestInBlobPath, SHA256_DIGEST, type ArchiveBlob, type ArchiveContents } from './archive-contents';
import { excerpt } from '../text/excerpt';
import { ImageError } from '../errors';
import { readAsGo, type GoShape, type GoStruct } from './go-json';
import type { LayerRecord } from '../layer/layer-record';
import { count } from '../text/plural';

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  empty_layer?: boolean;
  comment?: string;
}

export interface ImageConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  config?: {
    User?: string;
    Entrypoint?: string[] | null;
    Cmd?: string[] | null;
    Env?: string[] | null;
    Labels?: Record<string, string> | null;
    WorkingDir?: string;
    Shell?: string[] | null;
  };
  rootfs: { type: string; diff_ids: string[] };
  history?: HistoryEntry[];
}

export type ArchiveLayout = 'docker-archive' | 'oci-archive';

export interface ResolvedImage {
  layout: ArchiveLayout;
  /** Digest of the config blob: the image ID. */
  id: string;
  repoTags: string[];
  config: ImageConfig;
  /** Layer records in order (undefined when layers were not walked). */
  layers: (LayerRecord | undefined)[];
  /** Per layer: compressed blob digest, size and path as stored in the archive. */
  blobs: { digest: string; size: number; path: string }[];
}

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

// The Go structs Docker reads these files into (moby's manifestItem and image.Image, the OCI
// image spec's index, manifest and descriptor), with the fields read here.
const DESCRIPTOR: GoStruct = {
  mediaType: 'value',
  digest: 'value',
  size: 'value',
  annotations: 'value',
  platform: { architecture: 'value', os: 'value', variant: 'value' }
};
const DOCKER_MANIFEST: GoShape = { listOf: { Config: 'value', RepoTags: 'value', Layers: 'value' } };
/** An index or a manifest: which one, Docker tells by its media type. */
const OCI_MANIFEST: GoStruct = { mediaType: 'value', manifests: { listOf: DESCRIPTOR }, config: DESCRIPTOR, layers: { listOf: DESCRIPTOR } };
const IMAGE_CONFIG: GoStruct = {
  architecture: 'value',
  os: 'value',
  variant: 'value',
  config: { User: 'value', Entrypoint: 'value', Cmd: 'value', Env: 'value', Labels: 'value', WorkingDir: 'value', Shell: 'value' },
  rootfs: { type: 'value', diff_ids: 'value' },
  history: { listOf: { created: 'value', created_by: 'value', empty_layer: 'value', comment: 'value' } }
};

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

export interface ResolveOptions {
  /** The platform asked for (Settings.platform); unset: the only image, or linux/amd64 of several. */
  platform?: string;
  /** What to call the archive in messages. */
  label: string;
  layersWalked: boolean;
  layout?: ArchiveLayout | 'auto';
  /**
   * The source checked each layer against its diff_id (ImageSource.layersVerified): a layer
   * that was not hashed (empty digest) stands for what the manifest and config name.
   */
  layersVerified?: boolean;
}

export function resolveImage(contents: ArchiveContents, options: ResolveOptions): ResolvedImage {
  const { layout = 'auto', platform, label } = options;
  const manifestJson = layout === 'oci-archive' ? undefined : contents.fileAt('manifest.json');
  const index = contents.fileAt('index.json');
  if (manifestJson) {
    const image = fromDockerManifest(contents, manifestJson, options);
    requirePlatform(image.config, platform, label);
    // Docker 25+ writes both. Its classic image store loads manifest.json, its containerd image
    // store index.json (containerd prefers the OCI layout): both must name the image checked.
    if (index) {
      const other = fromOciIndex(contents, index, platformOf(image.config) ?? platform, options);
      if (other.id !== image.id) {
        throw new ImageError(
          `manifest.json and index.json in ${label} name different images (configs ${image.id.slice(0, 19)} and ${other.id.slice(0, 19)}): Docker's classic image store would load the first, its containerd image store the second, so the archive cannot be checked`
        );
      }
    }
    return image;
  }
  if (index && layout !== 'docker-archive') {
    const image = fromOciIndex(contents, index, platform, options);
    requirePlatform(image.config, platform, label);
    return image;
  }
  if (layout === 'docker-archive') throw new ImageError(`${label} has no manifest.json: it is not a docker save archive (for an OCI layout use oci-archive:)`);
  if (layout === 'oci-archive') throw new ImageError(`${label} has no index.json: it is not an OCI image layout (for docker save output use docker-archive:)`);
  if (contents.files.size === 0) throw new ImageError(`${label} contains no files: it is not an image archive`);
  throw new ImageError(`${label} has neither manifest.json (docker save) nor index.json (OCI layout): it is not an image archive, or it is truncated`);
}

/** A platform asked for must be the one image's, where an archive holds only one. */
function requirePlatform(config: ImageConfig, platform: string | undefined, label: string): void {
  if (!platform) return;
  const [os, arch, variant] = platform.split('/');
  if (config.os === os && config.architecture === arch && (!variant || !config.variant || config.variant === variant)) return;
  const has = [config.os, config.architecture, config.variant].filter(Boolean).join('/') || 'an unnamed platform';
  throw new ImageError(
    `${label} holds one image, for ${has}, not for the platform ${platform} asked for; leave --platform out, or save the image for ${platform}`
  );
}

/** "os/architecture" from an image config, when it names them (variants are spelled loosely). */
function platformOf(config: ImageConfig): string | undefined {
  return config.os && config.architecture ? `${config.os}/${config.architecture}` : undefined;
}

function jsonOf(blob: ArchiveBlob, name: string, label: string, shape: GoShape): unknown {
  if (blob.json === undefined || blob.text === undefined) {
    throw new ImageError(`${name} in ${label} is not valid JSON${blob.jsonError ? ` (${blob.jsonError})` : ''}`);
  }
  return readAsGo(blob.text, shape);
}

function fromDockerManifest(contents: ArchiveContents, blob: ArchiveBlob, o: ResolveOptions): ResolvedImage {
  const { label, layersWalked } = o;
  const manifest = jsonOf(blob, 'manifest.json', label, DOCKER_MANIFEST);
  if (!Array.isArray(manifest) || manifest.length === 0) {
    throw new ImageError(`manifest.json in ${label} lists no image`);
  }
  if (manifest.length > 1) {
    throw new ImageError(`${label} holds ${manifest.length} images; save one image per archive (docker save IMAGE)`);
  }
  const entry = manifest[0] as { Config?: unknown; Layers?: unknown; RepoTags?: unknown };
  if (typeof entry.Config !== 'string' || !Array.isArray(entry.Layers) || !entry.Layers.every((l) => typeof l === 'string')) {
    throw new ImageError(`manifest.json in ${label} is malformed: it needs "Config" (a path) and "Layers" (a list of paths)`);
  }
  const configBlob = contents.fileAt(entry.Config);
  if (!configBlob) throw new ImageError(`manifest.json in ${label} names the config ${entry.Config}, which is not in the archive`);
  const digestInName = /([a-f0-9]{64})(?:\.json)?$/.exec(entry.Config);
  if (digestInName && configBlob.digest !== 'sha256:' + digestInName[1]) {
    throw new ImageError(`the config ${entry.Config} in ${label} does not match its name (content is ${configBlob.digest}): the archive was modified`);
  }
  const config = checkConfig(jsonOf(configBlob, entry.Config, label, IMAGE_CONFIG), entry.Config, label);
  const layerBlobs = (entry.Layers as string[]).map((path) => {
    const layer = contents.fileAt(path);
    if (!layer) throw new ImageError(`manifest.json in ${label} names the layer ${path}, which is not in the archive`);
    const inName = digestInBlobPath(path);
    if (layersWalked && inName && !contentIs(layer, inName, o)) {
      throw new ImageError(`the layer ${path} in ${label} does not match its name (content is ${layer.digest}): the archive was modified`);
    }
    return { path, blob: layer };
  });
  const repoTags = Array.isArray(entry.RepoTags) ? entry.RepoTags.filter((t): t is string => typeof t === 'string') : [];
  return finish('docker-archive', configBlob.digest, repoTags, config, layerBlobs, o);
}

/**
 * The image an index lists for the platform asked for: its only one when none is asked for,
 * else linux/amd64 of several. Attestation manifests (buildx provenance, platform
 * unknown/unknown) are never the image. Shared with the registry source, which fetches the one
 * chosen here.
 */
export function chooseManifest(manifests: Descriptor[], asked: string | undefined, where: string, label: string): Descriptor {
  const platform = asked ?? 'linux/amd64';
  const [os, arch, variant] = platform.split('/');
  const candidates = manifests.filter((d) => d && typeof d.digest === 'string');
  const images = candidates.filter((d) => d.platform?.os !== 'unknown' && d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
  const withPlatform = images.filter((d) => d.platform);
  if (withPlatform.length === 1 && !asked) return withPlatform[0];
  if (withPlatform.length > 0) {
    const chosen = withPlatform.find((d) => d.platform!.os === os && d.platform!.architecture === arch && (!variant || d.platform!.variant === variant));
    if (chosen) return chosen;
    const offered = withPlatform.map((d) => [d.platform!.os, d.platform!.architecture, d.platform!.variant].filter(Boolean).join('/'));
    throw new ImageError(`${label} has no image for platform ${platform} (it has ${offered.join(', ')}); choose one with --platform`);
  }
  if (images.length === 1) return images[0];
  throw new ImageError(`${where} lists ${images.length} images and no platforms; save one image per archive`);
}

function fromOciIndex(contents: ArchiveContents, blob: ArchiveBlob, asked: string | undefined, o: ResolveOptions): ResolvedImage {
  const { label } = o;
  let node = jsonOf(blob, 'index.json', label, OCI_MANIFEST);
  let name = 'index.json';
  for (let depth = 0; depth < 8; depth++) {
    const manifests = (node as { manifests?: unknown }).manifests;
    if (!Array.isArray(manifests) || manifests.length === 0) throw new ImageError(`${name} in ${label} lists no manifests`);
    const chosen = chooseManifest(manifests as Descriptor[], asked, `${name} in ${label}`, label);
    const child = blobByDigest(contents, chosen, o);
    const json = jsonOf(child, chosen.digest, label, OCI_MANIFEST);
    const mediaType = (json as { mediaType?: string }).mediaType ?? chosen.mediaType;
    if (mediaType && INDEX_TYPES.has(mediaType)) {
      node = json;
      name = chosen.digest;
      continue;
    }
    return fromOciManifest(contents, json, chosen.digest, o);
  }
  throw new ImageError(`index.json in ${label} nests indexes too deeply`);
}

function fromOciManifest(contents: ArchiveContents, manifest: unknown, name: string, o: ResolveOptions): ResolvedImage {
  const { label, layersWalked } = o;
  const m = manifest as { config?: Descriptor; layers?: Descriptor[] };
  if (!m.config || typeof m.config.digest !== 'string' || !Array.isArray(m.layers)) {
    throw new ImageError(`the manifest ${name} in ${label} is malformed: it needs "config" and "layers"`);
  }
  const configBlob = blobByDigest(contents, m.config, o);
  const config = checkConfig(jsonOf(configBlob, m.config.digest, label, IMAGE_CONFIG), m.config.digest, label);
  const layerBlobs = m.layers.map((d) => {
    if (!d || typeof d.digest !== 'string') throw new ImageError(`the manifest ${name} in ${label} has a layer without a digest`);
    return { path: d.digest, blob: blobByDigest(contents, d, o, layersWalked) };
  });
  return finish('oci-archive', configBlob.digest, [], config, layerBlobs, o);
}

/**
 * Whether a blob's content is the one `digest` names: it hashed to it, or it is a layer that was
 * not hashed because its source checked it (ResolveOptions.layersVerified).
 */
function contentIs(blob: ArchiveBlob, digest: string, o: ResolveOptions): boolean {
  return blob.digest === digest || (o.layersVerified === true && blob.digest === '' && blob.layer !== undefined);
}

/**
 * The blob a descriptor names, checked against its content (unless it was not read: base
 * layers) and against the descriptor's size, as Docker checks it on load.
 */
function blobByDigest(contents: ArchiveContents, descriptor: Descriptor, o: ResolveOptions, verify = true): ArchiveBlob {
  const { label } = o;
  const { digest } = descriptor;
  if (!SHA256_DIGEST.test(digest)) throw new ImageError(`${label} names a blob by an unsupported digest "${excerpt(digest, 80)}" (only sha256 is supported)`);
  const blob = contents.fileAt(`blobs/sha256/${digest.slice('sha256:'.length)}`);
  if (!blob) throw new ImageError(`${label} names the blob ${digest}, which is not in the archive`);
  if (verify && !contentIs(blob, digest, o)) {
    throw new ImageError(`the blob ${digest} in ${label} does not match its digest (content is ${blob.digest}): the archive was modified`);
  }
  if (descriptor.size !== undefined && descriptor.size !== blob.size) {
    throw new ImageError(
      `the blob ${digest} in ${label} has ${blob.size} bytes, but its descriptor says ${excerpt(String(descriptor.size), 40)}: the archive was modified`
    );
  }
  return blob;
}

function checkConfig(json: unknown, name: string, label: string): ImageConfig {
  const c = json as ImageConfig;
  const ids = c?.rootfs?.diff_ids;
  if (typeof c !== 'object' || c === null || !Array.isArray(ids) || !ids.every((d) => typeof d === 'string')) {
    throw new ImageError(`the image config ${name} in ${label} is malformed: it has no rootfs.diff_ids list`);
  }
  const problem = typeProblem(c);
  if (problem) throw new ImageError(`the image config ${name} in ${label} is malformed: ${problem}`);
  return c;
}

const isString = (v: unknown): boolean => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The first field the rules read whose type is not the one Docker and the OCI image spec give
 * it. Docker refuses to load such a config, and a rule must never meet a number for a string.
 */
function typeProblem(c: ImageConfig): string | undefined {
  for (const key of ['architecture', 'os', 'variant'] as const) if (c[key] !== undefined && !isString(c[key])) return `"${key}" is not a string`;
  const section: unknown = c.config;
  if (section !== undefined && section !== null) {
    if (!isObject(section)) return '"config" is not an object';
    for (const key of ['User', 'WorkingDir']) if (section[key] !== undefined && !isString(section[key])) return `"config.${key}" is not a string`;
    for (const key of ['Entrypoint', 'Cmd', 'Env', 'Shell']) {
      const v = section[key];
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.every(isString))) return `"config.${key}" is not a list of strings`;
    }
    const labels = section.Labels;
    if (labels !== undefined && labels !== null && !(isObject(labels) && Object.values(labels).every(isString)))
      return '"config.Labels" is not an object of strings';
  }
  const history: unknown = c.history;
  if (history !== undefined && history !== null) {
    if (!Array.isArray(history)) return '"history" is not a list';
    const entryOk = (h: unknown) =>
      isObject(h) && (h.created_by === undefined || isString(h.created_by)) && (h.empty_layer === undefined || typeof h.empty_layer === 'boolean');
    if (!history.every(entryOk)) return '"history" holds an entry that is not an object with a string created_by and a boolean empty_layer';
  }
  return undefined;
}

function finish(
  layout: ArchiveLayout,
  id: string,
  repoTags: string[],
  config: ImageConfig,
  layerBlobs: { path: string; blob: ArchiveBlob }[],
  o: ResolveOptions
): ResolvedImage {
  const { label, layersWalked } = o;
  const diffIds = config.rootfs.diff_ids;
  if (layersWalked && diffIds.length !== layerBlobs.length) {
    throw new ImageError(
      `${label} lists ${count(layerBlobs.length, 'layer')} but its config has ${count(diffIds.length, 'diff_id')}: the archive was modified or is incomplete`
    );
  }
  const layers = layerBlobs.map(({ path, blob }, i) => {
    if (!layersWalked) return undefined;
    if (!blob.layer)
      throw new ImageError(
        blob.kind === 'bzip2' || blob.kind === 'xz'
          ? `the layer ${path} in ${label} is ${blob.kind}-compressed, which this tool does not read (Docker does): recompress it with gzip or zstd, or save the image again`
          : `the layer ${path} in ${label} is not a tar, gzip or zstd stream (it starts like ${blob.kind === 'json' ? 'JSON' : 'something else'})`
      );
    const diffId = blob.layer.diffId;
    // Not hashed: the source checked the layer against this diff_id as it produced it.
    if (diffId === '' && o.layersVerified) blob.layer.diffId = diffIds[i];
    else if (diffId !== diffIds[i]) {
      throw new ImageError(
        `layer ${i + 1} (${path}) in ${label} does not match the image config: the config's diff_id is ${diffIds[i]}, the content hashes to ${diffId}; the archive was modified`
      );
    }
    return blob.layer;
  });
  // A layer that was not read has no computed digest: the one its name declares stands in.
  const blobs = layerBlobs.map(({ path, blob }) => ({ digest: blob.digest || declaredDigest(path), size: blob.size, path }));
  return { layout, id, repoTags, config, layers, blobs };
}

/** The digest a layer's archive path or OCI descriptor names ("" for legacy `ID/layer.tar`). */
function declaredDigest(path: string): string {
  if (SHA256_DIGEST.test(path)) return path;
  return digestInBlobPath(path) ?? '';
}
