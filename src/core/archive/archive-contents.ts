// An image archive's files as Docker reads them: what the archive reader collected, and the
// one way to look a file up by the path a manifest names (ArchiveContents.fileAt).
import { ImageError } from '../errors';
import { normalizeEntryName } from '../fs/image-path';
import type { LayerRecord } from '../layer/layer-record';
import { excerpt } from '../text/excerpt';
import type { BlobKind } from './blob-kind';

export interface ArchiveBlob {
  /** "sha256:<hex>" of the blob as stored in the archive. */
  digest: string;
  size: number;
  kind: BlobKind;
  layer?: LayerRecord;
  json?: unknown;
  jsonError?: string;
  /** The text of a JSON blob: manifests and configs are read from it as Go reads them (go-json.ts). */
  text?: string;
}

/**
 * The archive's files by path (no leading slash), as both ways Docker loads an archive read it:
 * its classic image store unpacks the archive (`docker load`: a later entry replaces an earlier
 * one at its path, writes go through symlinked directories, symlinks resolve inside the
 * archive, a hard link is the file its target was then), and its containerd image store reads
 * the regular files by name (following one symlink, by its text, for what manifest.json names).
 * Where the two would read different files the archive is refused (AMBIGUOUS): an entry written
 * through a symlinked directory, an entry that replaces one of another type, and a symlink the
 * two resolve differently. Read files through `fileAt`.
 */
export class ArchiveContents {
  /** Regular files by their path in the archive ("manifest.json", "blobs/sha256/..."). */
  readonly files = new Map<string, ArchiveBlob>();
  /** Symlinks by path, with their targets as written (legacy `docker save` links repeated layers). */
  readonly links = new Map<string, string>();

  /** `label` names the archive in messages. */
  constructor(readonly label: string) {}

  /** The file Docker reads at `path` (as manifest.json or index.json name it). */
  fileAt(path: string): ArchiveBlob | undefined {
    const normalized = normalizeEntryName(path);
    if (normalized === null) return undefined;
    const p = normalized.slice(1);
    const { files, links, label } = this;
    const file = files.get(p);
    if (file) return file;
    const target = links.get(p);
    if (target === undefined) {
      if (resolveInArchive(links, p, false) !== p) throw new ImageError(`${label} names "${excerpt(path, 200)}" through a symlinked directory: ${AMBIGUOUS}`);
      return undefined;
    }
    // containerd follows the symlink once, joining its text to the link's directory; docker load
    // follows every symlink inside the archive. Legacy `docker save` links ("../<id>/layer.tar") agree.
    const joined = target.startsWith('/') ? null : normalizeEntryName(p.slice(0, p.lastIndexOf('/') + 1) + target);
    const resolved = resolveInArchive(links, p, true);
    if (joined === null || resolved !== joined.slice(1))
      throw new ImageError(`${label} names "${excerpt(path, 200)}", a symlink to "${excerpt(target, 200)}" that ${AMBIGUOUS}`);
    return files.get(resolved);
  }
}

/** Symlinks followed on one path before it counts as a loop (Linux gives up after 40). */
const MAX_LINK_HOPS = 40;
/**
 * Characters of path looked up while resolving, per archive: real archives need a few
 * thousand; a crafted one with deep paths and symlinks must not cost quadratic time.
 */
export const RESOLVE_BUDGET = 64 * 1024 * 1024;

/**
 * `path` with the symlinks on it followed (the last component's too with `followLast`), as
 * inside the root that `docker load` unpacks into: ".." stops at the root, and an absolute
 * target starts from it. Undefined for a loop, or when `budget` runs out.
 */
export function resolveInArchive(
  links: ReadonlyMap<string, string>,
  path: string,
  followLast: boolean,
  budget = { chars: RESOLVE_BUDGET }
): string | undefined {
  if (links.size === 0) return path;
  let resolved = '';
  const rest = path.split('/').reverse();
  let hops = 0;
  while (rest.length > 0) {
    const part = rest.pop()!;
    if (part === '' || part === '.') continue;
    const parent = resolved;
    if (part === '..') {
      resolved = resolved.slice(0, Math.max(0, resolved.lastIndexOf('/')));
      continue;
    }
    resolved = resolved === '' ? part : `${resolved}/${part}`;
    if (rest.length === 0 && !followLast) break;
    if ((budget.chars -= resolved.length) < 0) return undefined;
    const target = links.get(resolved);
    if (target === undefined) continue;
    if (++hops > MAX_LINK_HOPS) return undefined;
    resolved = target.startsWith('/') ? '' : parent;
    rest.push(...target.split('/').reverse());
  }
  return resolved;
}

export const AMBIGUOUS =
  "Docker's classic image store (which unpacks the archive) and its containerd image store (which reads its entries by name) would read different files, so it cannot be checked";

/** A digest as Docker writes them: sha256 and 64 lowercase hex digits (the only kind read). */
export const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;

/** "sha256:<hex>" for an OCI-style blob path ("blobs/sha256/<hex>"), else undefined. */
export function digestInBlobPath(path: string): string | undefined {
  const named = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(path);
  return named ? `sha256:${named[1]}` : undefined;
}
