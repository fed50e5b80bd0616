// What one layer contains, as the layer walker saw it. Entries are stored column-wise in typed
// arrays because an image can hold hundreds of thousands of them and every byte per entry counts
// (the performance issue allows about 300 bytes of memory per entry, path included).
import { TAG_BYTES } from '../scan/content-tag';
import type { ContentHit, ContentTags } from '../scan/scan-results';

export const enum EntryKind {
  File = 0,
  Directory = 1,
  Symlink = 2,
  Hardlink = 3,
  CharDevice = 4,
  BlockDevice = 5,
  Fifo = 6,
  /** `.wh.NAME`: NAME and everything below it from lower layers is deleted. */
  Whiteout = 7,
  /** `.wh..wh..opq`: the directory hides whatever lower layers put in it. */
  Opaque = 8
}

export const KIND_NAMES = ['file', 'directory', 'symlink', 'hardlink', 'char-device', 'block-device', 'fifo', 'whiteout', 'opaque'] as const;
export type KindName = (typeof KIND_NAMES)[number];

/** A content match found while a layer streamed by (malicious code, secrets), with its file's path. */
export interface ScanHit extends Omit<ContentHit, 'index'> {
  path: string;
}

/** An entry that was not applied because it is unsafe (escapes the root, dangling hard link...). */
export interface UnsafeEntry {
  path: string;
  reason: string;
}

class Column<T extends Uint8Array | Uint32Array | Float64Array> {
  data: T;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(64);
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = v;
  }
  compact(n: number): void {
    if (n < this.data.length) this.data = this.data.slice(0, Math.max(n, 1)) as T;
  }
}

export class LayerEntries {
  readonly paths: string[] = [];
  private readonly kindCol = new Column((n) => new Uint8Array(n));
  private readonly modeCol = new Column((n) => new Uint32Array(n));
  private readonly uidCol = new Column((n) => new Uint32Array(n));
  private readonly gidCol = new Column((n) => new Uint32Array(n));
  private readonly sizeCol = new Column((n) => new Float64Array(n));
  /** Symlink and hard link targets, by entry index. */
  readonly links = new Map<number, string>();
  /** Slot (1-based) of each entry's content tag in `tagBytes`; 0: none. */
  private tagSlots = new Uint32Array(0);
  /** Content tags (content-tag.ts), TAG_BYTES each, for the entries a rule compares (protected paths, /etc, tools). */
  private tagBytes = new Uint8Array(0);
  /** Text kept for rules that read files: /etc/passwd, /etc/group, shell scripts, credential files. */
  readonly texts = new Map<number, string>();
  /** The raw `security.capability` attribute of the files and hard links that carry one (file-capabilities.ts). */
  readonly capabilities = new Map<number, Buffer>();

  get length(): number {
    return this.paths.length;
  }

  add(path: string, kind: EntryKind, mode: number, uid: number, gid: number, size: number, link?: string): number {
    const i = this.paths.length;
    this.paths.push(path);
    this.kindCol.set(i, kind);
    this.modeCol.set(i, mode);
    this.uidCol.set(i, uid);
    this.gidCol.set(i, gid);
    this.sizeCol.set(i, size);
    if (link !== undefined) this.links.set(i, link);
    return i;
  }

  /** Takes the content tags the scan workers made for this layer's entries. */
  setContentTags(found: ContentTags): void {
    this.tagBytes = found.bytes;
    const slots = new Uint32Array(found.count ? this.paths.length : 0);
    for (let k = 0; k < found.count; k++) slots[found.indices[k]] = k + 1;
    this.tagSlots = slots;
  }

  /** The content tag (hex), when the scan workers made one. */
  contentTag(i: number): string | undefined {
    const slot = i < this.tagSlots.length ? this.tagSlots[i] : 0;
    if (!slot) return undefined;
    return Buffer.from(this.tagBytes.buffer, this.tagBytes.byteOffset + (slot - 1) * TAG_BYTES, TAG_BYTES).toString('hex');
  }

  kind(i: number): EntryKind {
    return this.kindCol.data[i] as EntryKind;
  }
  mode(i: number): number {
    return this.modeCol.data[i];
  }
  uid(i: number): number {
    return this.uidCol.data[i];
  }
  gid(i: number): number {
    return this.gidCol.data[i];
  }
  size(i: number): number {
    return this.sizeCol.data[i];
  }

  /** Drops the spare capacity once the layer is complete. */
  seal(): void {
    const n = this.paths.length;
    this.kindCol.compact(n);
    this.modeCol.compact(n);
    this.uidCol.compact(n);
    this.gidCol.compact(n);
    this.sizeCol.compact(n);
  }
}

export interface ScanStats {
  /** Files whose content was scanned only up to the per-file limit. */
  truncatedFiles: number;
  /** Bytes of file content not scanned because of that limit. */
  unscannedBytes: number;
}

export interface LayerRecord {
  /**
   * sha256 of the uncompressed tar stream ("sha256:..."): the config's diff_id. Empty when the
   * source vouches for its layers and they are not hashed, until the manifest supplies it.
   */
  diffId: string;
  compression: 'none' | 'gzip' | 'zstd';
  /** Uncompressed size in bytes (the tar stream). */
  size: number;
  entries: LayerEntries;
  scanHits: ScanHit[];
  /** What ClamAV detected (with --clamd). */
  clamd: { path: string; signature: string }[];
  unsafe: UnsafeEntry[];
  scan: ScanStats;
  /**
   * False when the content was not scanned because the layer is byte for byte a layer of the
   * given base image (its blob is named by a digest the base lists, or by the legacy path of a
   * base layer and then found to be one), whose findings rules skip.
   */
  contentScanned: boolean;
}
