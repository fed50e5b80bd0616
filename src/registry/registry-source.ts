// Images in a registry (docker://...), for the check: the image as an ImageSource whose bytes are
// an OCI layout tarball streamed from the registry (oci-layout-stream.ts), and a base image as
// what the check needs of it, its layer list, which costs its manifest and config only.
import type { KnownBase } from '../core/check-image';
import { chooseManifest, type Descriptor } from '../core/archive/image-manifest';
import { ImageError } from '../core/errors';
import { SHA256_DIGEST } from '../core/archive/archive-contents';
import { excerpt } from '../core/text/excerpt';
import type { ImageSource } from '../core/source/image-source';
import { ociLayoutTar, type LayoutFile } from './oci-layout-stream';
import type { RegistryClient } from './registry-client';
import { formatRegistryReference, type RegistryReference } from './registry-reference';

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);
const SCHEMA1_TYPES = new Set(['application/vnd.docker.distribution.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v1+prettyjws']);
const MAX_CONFIG = 16 * 1024 * 1024;

/** One image of a registry, resolved: the manifests on the way to it, its config, its layers. */
export interface RegistryImage {
  ref: RegistryReference;
  /** The manifests fetched, from the reference's own (perhaps an index) to the image's. */
  manifests: { bytes: Buffer; mediaType: string; digest: string }[];
  config: { bytes: Buffer; digest: string };
  layers: { digest: string; size: number }[];
  diffIds: string[];
}

/**
 * Fetches the image's manifest (through indexes to the platform asked for, default linux/amd64,
 * as for archives) and its config: a manifest asked for by digest must have it, each one an
 * index names must have the digest it is named by, and the config its digest.
 */
export async function resolveRegistryImage(client: RegistryClient, ref: RegistryReference, platform: string | undefined): Promise<RegistryImage> {
  const name = formatRegistryReference(ref);
  const manifests: RegistryImage['manifests'] = [];
  let reference = ref.digest ?? ref.tag ?? 'latest';
  for (let depth = 0; ; depth++) {
    if (depth >= 8) throw new ImageError(`${name}: its indexes nest too deeply`);
    const what = depth === 0 ? `the manifest of ${name}` : `the manifest ${reference} of ${name}`;
    const m = await client.manifest(ref.repository, reference, what);
    manifests.push(m);
    if (SCHEMA1_TYPES.has(m.mediaType)) {
      throw new ImageError(`${name} has a Docker schema 1 manifest, which nothing current writes: push the image again with a current Docker or buildx`);
    }
    const json = parse(m.bytes, what) as { manifests?: Descriptor[]; config?: Descriptor; layers?: Descriptor[] };
    if (INDEX_TYPES.has(m.mediaType) || (Array.isArray(json.manifests) && !json.layers)) {
      if (!Array.isArray(json.manifests) || json.manifests.length === 0) throw new ImageError(`${what} lists no manifests`);
      reference = checkedDigest(chooseManifest(json.manifests, platform, what, name).digest, what);
      continue;
    }
    if (!json.config || typeof json.config.digest !== 'string' || !Array.isArray(json.layers)) {
      throw new ImageError(`${what} is malformed: it needs "config" and "layers"`);
    }
    const layers = json.layers.map((d) => {
      if (!d || typeof d.digest !== 'string' || typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
        throw new ImageError(`${what} has a layer without a digest and size`);
      }
      return { digest: checkedDigest(d.digest, what), size: d.size };
    });
    checkedDigest(json.config.digest, what);
    const configBytes = await client.smallBlob(ref.repository, json.config.digest, MAX_CONFIG, `the config of ${name}`);
    const config = parse(configBytes, `the config of ${name}`) as { rootfs?: { diff_ids?: unknown } };
    const diffIds = config.rootfs?.diff_ids;
    if (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === 'string')) throw new ImageError(`the config of ${name} has no rootfs.diff_ids list`);
    return { ref, manifests, config: { bytes: configBytes, digest: json.config.digest }, layers, diffIds };
  }
}

/**
 * The image as the check reads it: an OCI layout tarball with the manifests and the config
 * fetched already and the layers streamed in order as the reader asks for them.
 */
export function registrySource(client: RegistryClient, image: RegistryImage): ImageSource {
  const name = formatRegistryReference(image.ref);
  // The index names the one image resolved (the platform was chosen on the way to it).
  const manifest = image.manifests[image.manifests.length - 1];
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length }]
    })
  );
  const blob = (digest: string) => `blobs/sha256/${digest.replace(/^sha256:/, '')}`;
  const files: LayoutFile[] = [
    { name: 'oci-layout', size: 30, data: Buffer.from('{"imageLayoutVersion":"1.0.0"}') },
    { name: 'index.json', size: index.length, data: index },
    { name: blob(manifest.digest), size: manifest.bytes.length, data: manifest.bytes },
    { name: blob(image.config.digest), size: image.config.bytes.length, data: image.config.bytes },
    ...image.layers.map((l, i) => ({
      name: blob(l.digest),
      size: l.size,
      data: () => client.blob(image.ref.repository, l.digest, l.size, `layer ${i + 1} (${l.digest.slice(0, 19)}) of ${name}`)
    }))
  ];
  return {
    name: `image ${name}`,
    layout: 'oci-archive',
    transport: 'registry',
    size: files.reduce((sum, f) => sum + f.size, 0),
    open: () => ociLayoutTar(files)
  };
}

/** A base image in a registry: its layer list, and its layer blobs' names (the image's copies of them need no content scan). */
export function registryBase(image: RegistryImage): KnownBase {
  return {
    name: `image ${formatRegistryReference(image.ref)}`,
    id: image.config.digest,
    diffIds: image.diffIds,
    layerDigests: image.layers.map((l) => l.digest)
  };
}

/**
 * A digest a manifest names, checked before it goes into a URL or a blob's name: anything but
 * sha256 and 64 hex digits (a path, sha512, which Docker does not write) refuses the image.
 */
function checkedDigest(digest: string, what: string): string {
  if (!SHA256_DIGEST.test(digest))
    throw new ImageError(`${what} names a blob or manifest by ${JSON.stringify(excerpt(digest, 80))}, which is not a sha256 digest`);
  return digest;
}

function parse(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ImageError(`${what} is not JSON`);
  }
}
