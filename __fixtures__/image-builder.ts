// Builds image archives in memory from a short description, written the way `docker save` and
// OCI tools write them. tar-stream writes the tars: an implementation independent of the
// project's own reader, so the tests do not grade the reader with its own mistakes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import type { ImageSource } from '../src/core/source/image-source';
import { END_OF_ARCHIVE, paxHeader } from './raw-tar';

export interface EntrySpec {
  path: string;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink' | 'whiteout' | 'opaque' | 'fifo';
  content?: string | Buffer;
  mode?: number;
  uid?: number;
  gid?: number;
  /** Symlink or hard link target. */
  link?: string;
  /** The `security.capability` extended attribute (see capabilityValue in raw-tar.ts). */
  capability?: Buffer;
}

export interface LayerSpec {
  entries: EntrySpec[];
  /** A layer tar written byte by byte (see raw-tar.ts), used instead of `entries`. */
  raw?: Buffer;
  /** Write the entries exactly as given: no directory entries for parents no layer has yet. */
  exact?: boolean;
  compression?: 'none' | 'gzip' | 'zstd';
  createdBy?: string;
}

export interface ImageSpec {
  layers: LayerSpec[];
  config?: {
    User?: string;
    Entrypoint?: string[];
    Cmd?: string[];
    Env?: string[];
    Labels?: Record<string, string>;
    WorkingDir?: string;
  };
  /** Metadata-only history entries: inserted after the layer with this index (-1: first). */
  metadata?: { after: number; createdBy: string }[];
}

export type Layout = 'docker-legacy' | 'docker-oci' | 'oci';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function tarOf(files: { name: string; data?: Buffer; header?: Partial<tar.Header> }[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => chunks.push(c as Buffer));
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  for (const f of files) {
    await new Promise<void>((resolve, reject) => {
      const header = { name: f.name, mtime: new Date(0), ...f.header, ...(f.data ? { size: f.data.length } : {}) };
      const done = (err?: Error | null) => (err ? reject(err) : resolve());
      if (f.data) pack.entry(header, f.data, done);
      else pack.entry(header, done).end(Buffer.alloc(0));
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export async function layerTar(layer: LayerSpec): Promise<Buffer> {
  if (layer.raw) return layer.raw;
  if (layer.entries.some((e) => e.capability)) {
    // tar-stream writes PAX values as text, and a capability is binary: such an entry gets a PAX
    // header written byte by byte, as Go's tar writer (Docker's) writes it, before its own header.
    const parts = await Promise.all(
      layer.entries.map(async (e) => {
        const entry = (await layerTar({ entries: [{ ...e, capability: undefined }] })).subarray(0, -END_OF_ARCHIVE.length);
        return e.capability ? Buffer.concat([paxHeader([['SCHILY.xattr.security.capability', e.capability]]), entry]) : entry;
      })
    );
    return Buffer.concat([...parts, END_OF_ARCHIVE]);
  }
  return tarOf(
    layer.entries.map((e) => {
      const name = e.path.replace(/^\//, '');
      const dir = name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '';
      const base = name.slice(dir.length);
      const owner = { uid: e.uid ?? 0, gid: e.gid ?? 0 };
      switch (e.type ?? 'file') {
        case 'dir':
          return { name, header: { type: 'directory', mode: e.mode ?? 0o755, ...owner } };
        case 'symlink':
          return { name, header: { type: 'symlink', linkname: e.link, mode: 0o777, ...owner } };
        case 'hardlink':
          return { name, header: { type: 'link', linkname: e.link!.replace(/^\//, ''), mode: e.mode ?? 0o644, ...owner } };
        case 'whiteout':
          return { name: `${dir}.wh.${base}`, data: Buffer.alloc(0), header: { mode: 0o644 } };
        case 'opaque':
          return { name: `${name.replace(/\/$/, '')}/.wh..wh..opq`, data: Buffer.alloc(0), header: { mode: 0o644 } };
        case 'fifo':
          return { name, header: { type: 'fifo', mode: e.mode ?? 0o644, ...owner } };
        default:
          return { name, data: Buffer.from(e.content ?? ''), header: { mode: e.mode ?? 0o644, ...owner } };
      }
    })
  );
}

/**
 * The layers as Docker's builders write them: a parent directory that no layer has yet gets an
 * entry (root, 0755) before the first entry below it. Docker's classic store would otherwise
 * create it with mode 0600 when it unpacks the layer, as for a hand-made tar.
 */
export function withParentDirectories(layers: LayerSpec[]): LayerSpec[] {
  const seen = new Set<string>();
  return layers.map((layer) => {
    if (layer.raw || layer.exact) {
      for (const e of layer.entries) seen.add(e.path.replace(/^\/|\/$/g, ''));
      return layer;
    }
    const entries: EntrySpec[] = [];
    for (const e of layer.entries) {
      const path = e.path.replace(/^\/|\/$/g, '');
      const parts = path.split('/');
      // Crafted names (climbing with "..", absurdly long) are written as given.
      const crafted = path.length > 4096 || parts.some((p) => p === '' || p === '.' || p === '..');
      for (let i = 1; i < parts.length && !crafted; i++) {
        const dir = parts.slice(0, i).join('/');
        if (seen.has(dir)) continue;
        seen.add(dir);
        entries.push({ path: dir, type: 'dir', mode: 0o755 });
      }
      if (e.type !== 'whiteout' && e.type !== 'opaque') seen.add(path);
      entries.push(e);
    }
    return { ...layer, entries };
  });
}

export function compress(data: Buffer, how: LayerSpec['compression']): Buffer {
  if (how === 'gzip') return gzipSync(data);
  if (how === 'zstd') return execFileSync('zstd', ['-q', '-c', '-3'], { input: data, maxBuffer: 1 << 30 });
  return data;
}

export function zstdAvailable(): boolean {
  try {
    execFileSync('zstd', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface BuiltImage {
  archive: Buffer;
  configDigest: string;
  diffIds: string[];
}

export interface ArchiveOptions {
  layout?: Layout;
  /** Where manifest.json / index.json go: last (as `docker save` writes them) or first. */
  metadataFirst?: boolean;
  /** Change the config after the layers were hashed (a tampered archive). */
  tamperConfig?: (config: Record<string, unknown>) => void;
  /** Change an OCI image manifest before it is hashed (a crafted archive). */
  tamperManifest?: (manifest: { config: { size: number }; layers: { size: number }[] }) => void;
  platform?: { os: string; architecture: string };
  /** Wrap the image manifest in a nested index with a second, foreign platform. */
  multiPlatform?: boolean;
}

export async function buildImage(spec: ImageSpec, options: ArchiveOptions = {}): Promise<BuiltImage> {
  const layout = options.layout ?? 'docker-legacy';
  const tars = await Promise.all(withParentDirectories(spec.layers).map(layerTar));
  const blobs = tars.map((t, i) => compress(t, layout === 'docker-legacy' ? 'none' : (spec.layers[i].compression ?? 'none')));
  const diffIds = tars.map((t) => 'sha256:' + sha(t));
  const history: { created_by: string; empty_layer?: boolean }[] = [];
  const meta = spec.metadata ?? [];
  for (const m of meta.filter((m) => m.after === -1)) history.push({ created_by: m.createdBy, empty_layer: true });
  spec.layers.forEach((l, i) => {
    history.push({ created_by: l.createdBy ?? `/bin/sh -c #(nop) ADD layer-${i} in / ` });
    for (const m of meta.filter((m) => m.after === i)) history.push({ created_by: m.createdBy, empty_layer: true });
  });
  const config: Record<string, unknown> = {
    architecture: options.platform?.architecture ?? 'amd64',
    os: options.platform?.os ?? 'linux',
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ...spec.config },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history
  };
  options.tamperConfig?.(config);
  const configBuf = Buffer.from(JSON.stringify(config));
  const configDigest = 'sha256:' + sha(configBuf);
  const files: { name: string; data: Buffer }[] = [];
  const meta_: { name: string; data: Buffer }[] = [];
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  if (layout === 'docker-legacy') {
    const layerPaths = blobs.map((b, i) => `${sha(Buffer.concat([b, Buffer.from(String(i))]))}/layer.tar`);
    blobs.forEach((b, i) => {
      const dir = layerPaths[i].split('/')[0];
      files.push({ name: `${dir}/VERSION`, data: Buffer.from('1.0') });
      files.push({ name: `${dir}/json`, data: json({ id: dir }) });
      files.push({ name: layerPaths[i], data: b });
    });
    files.push({ name: `${configDigest.slice(7)}.json`, data: configBuf });
    meta_.push({ name: 'manifest.json', data: json([{ Config: `${configDigest.slice(7)}.json`, RepoTags: ['test/image:latest'], Layers: layerPaths }]) });
  } else {
    const mediaLayer = (c: LayerSpec['compression']) =>
      c === 'gzip'
        ? 'application/vnd.oci.image.layer.v1.tar+gzip'
        : c === 'zstd'
          ? 'application/vnd.oci.image.layer.v1.tar+zstd'
          : 'application/vnd.oci.image.layer.v1.tar';
    const manifestObject = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: configBuf.length },
      layers: blobs.map((b, i) => ({ mediaType: mediaLayer(spec.layers[i].compression), digest: 'sha256:' + sha(b), size: b.length }))
    };
    options.tamperManifest?.(manifestObject);
    const manifest = json(manifestObject);
    const manifestDigest = 'sha256:' + sha(manifest);
    const seen = new Set<string>();
    for (const b of [...blobs, configBuf, manifest]) {
      const name = `blobs/sha256/${sha(b)}`;
      if (!seen.has(name)) files.push({ name, data: b });
      seen.add(name);
    }
    const platform = { os: options.platform?.os ?? 'linux', architecture: options.platform?.architecture ?? 'amd64' };
    let top = {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: manifestDigest,
      size: manifest.length,
      ...(options.multiPlatform && { platform })
    } as Record<string, unknown>;
    if (options.multiPlatform) {
      const nested = json({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: 'sha256:' + '0'.repeat(64),
            size: 10,
            platform: { os: 'linux', architecture: 'arm64' }
          },
          top
        ]
      });
      files.push({ name: `blobs/sha256/${sha(nested)}`, data: nested });
      top = { mediaType: 'application/vnd.oci.image.index.v1+json', digest: 'sha256:' + sha(nested), size: nested.length };
    }
    meta_.push({ name: 'oci-layout', data: json({ imageLayoutVersion: '1.0.0' }) });
    meta_.push({ name: 'index.json', data: json({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [top] }) });
    if (layout === 'docker-oci') {
      meta_.push({
        name: 'manifest.json',
        data: json([{ Config: `blobs/sha256/${configDigest.slice(7)}`, RepoTags: ['test/image:latest'], Layers: blobs.map((b) => `blobs/sha256/${sha(b)}`) }])
      });
    }
  }
  const ordered = options.metadataFirst ? [...meta_, ...files] : [...files, ...meta_];
  return { archive: await tarOf(ordered), configDigest, diffIds };
}

/** The entries of an archive, in order (to build crafted archives from real ones). */
export async function entriesOf(archive: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const extract = tar.extract();
  const out: { name: string; data: Buffer }[] = [];
  const reading = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      out.push({ name: entry.header.name, data: Buffer.concat(chunks) });
    }
  })();
  extract.end(archive);
  await reading;
  return out;
}

/** An in-memory image source that hands the archive over in small, odd-sized chunks. */
export function memorySource(archive: Buffer, name = 'test image', chunk = 7919): ImageSource {
  return {
    name,
    layout: 'auto',
    size: archive.length,
    open: () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < archive.length; i += chunk) yield archive.subarray(i, Math.min(i + chunk, archive.length));
        })()
      )
  };
}

/** A small ModelArts-like base: a user with UID 1101, the tools in /home/work, a setuid su. */
export function baseLayers(): LayerSpec[] {
  return [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:base in / ',
      entries: [
        { path: 'bin', type: 'dir' },
        { path: 'bin/sh', content: 'shell binary', mode: 0o755 },
        { path: 'bin/ls', content: 'ls binary', mode: 0o755 },
        { path: 'usr', type: 'dir' },
        { path: 'usr/bin', type: 'dir' },
        { path: 'usr/bin/su', content: 'su binary', mode: 0o4755 },
        { path: 'usr/bin/python3', content: 'python', mode: 0o755 },
        { path: 'usr/lib', type: 'dir' },
        { path: 'usr/lib/libc.so', content: 'libc', mode: 0o755 },
        { path: 'usr/share/doc/a/README', content: 'doc a' },
        { path: 'usr/share/doc/b/README', content: 'doc b' },
        { path: 'etc', type: 'dir' },
        { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\nwork:x:1101:1101:work:/home/work:/bin/sh\n' },
        { path: 'etc/group', content: 'root:x:0:\nwork:x:1101:\n' },
        { path: 'etc/hosts', content: '127.0.0.1 localhost\n' },
        { path: 'home', type: 'dir' },
        { path: 'home/work', type: 'dir', uid: 1101, gid: 1101 },
        { path: 'home/work/run_train.sh', content: '#!/bin/bash\necho run\n', mode: 0o755, uid: 1101, gid: 1101 },
        { path: 'home/work/utils.sh', content: '#!/bin/bash\necho utils\n', mode: 0o755, uid: 1101, gid: 1101 },
        { path: 'home/work/ip_mapper.py', content: 'print(1)\n', uid: 1101, gid: 1101 },
        { path: 'home/work/dls-downloader.py', content: 'print(2)\n', uid: 1101, gid: 1101 }
      ]
    }
  ];
}

/** A new-version training base: ma-user (UID 1000) in ma-group (GID 100), home /home/ma-user, WORKDIR there. */
export function maUserBaseLayers(): LayerSpec[] {
  return [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:base in / ',
      entries: [
        { path: 'bin', type: 'dir' },
        { path: 'bin/sh', content: 'shell binary', mode: 0o755 },
        { path: 'bin/bash', content: 'bash binary', mode: 0o755 },
        { path: 'usr', type: 'dir' },
        { path: 'usr/bin', type: 'dir' },
        { path: 'usr/bin/python3.10', content: 'python', mode: 0o755 },
        { path: 'usr/bin/python3', type: 'symlink', link: 'python3.10' },
        { path: 'usr/lib', type: 'dir' },
        { path: 'usr/lib/libc.so', content: 'libc', mode: 0o755 },
        { path: 'etc', type: 'dir' },
        { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\nma-user:x:1000:100::/home/ma-user:/bin/bash\n' },
        { path: 'etc/group', content: 'root:x:0:\nusers:x:100:\n' },
        { path: 'home', type: 'dir' },
        { path: 'home/ma-user', type: 'dir', uid: 1000, gid: 100 }
      ]
    }
  ];
}

/** An image on the ma-user base: custom layers on top, WORKDIR and USER as Huawei's sample ends. */
export function onMaUserBase(custom: LayerSpec[], config: ImageSpec['config'] = {}, metadata: ImageSpec['metadata'] = []): ImageSpec {
  return {
    layers: [...maUserBaseLayers(), ...custom],
    config: { User: 'ma-user', WorkingDir: '/home/ma-user', Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'PYTHONUNBUFFERED=1'], ...config },
    metadata: [...BASE_METADATA, ...metadata]
  };
}

export const BASE_METADATA = [{ after: 0, createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]' }];

/** An image on the test base: custom layers and config on top, base CMD in the history. */
export function onBase(custom: LayerSpec[], config: ImageSpec['config'] = { User: 'work' }, metadata: ImageSpec['metadata'] = []): ImageSpec {
  return { layers: [...baseLayers(), ...custom], config, metadata: [...BASE_METADATA, ...metadata] };
}
