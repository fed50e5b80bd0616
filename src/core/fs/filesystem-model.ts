// The merged filesystem of a stack of layers, with overlayfs semantics: a path shows the entry
// of the highest layer that wrote it, unless a later whiteout (`.wh.NAME`) deleted it or an
// ancestor, or a later opaque marker (`.wh..wh..opq`) hid the directory's older contents.
// Deletions are recorded as markers (layer numbers), so deleting a big tree costs nothing and a
// path's visibility is decided by looking at its ancestors.
import { parentOf, resolveLinkTarget } from './image-path';
import { EntryKind, type LayerRecord, type UnsafeEntry } from '../layer/layer-record';
import { PathMap } from './path-map';

export interface FileNode {
  path: string;
  kind: EntryKind;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Symlink target as written; for a hard link, the path it links to. */
  link?: string;
  /** Content tag (content-tag.ts): equal for equal content, for the files the rules compare. */
  contentTag?: string;
  /** The raw `security.capability` attribute (file-capabilities.ts), when the file has one. */
  capability?: Buffer;
  /** Index of the layer that last wrote this path. */
  layer: number;
  text?: string;
}

// A path's entry as one small integer (layer, index): V8 keeps integers below 2^31 unboxed in
// maps, so a reference costs no allocation. Docker images have at most 127 layers.
const SPLIT = 2 ** 24;
export const MAX_LAYERS = 127;
export const MAX_LAYER_ENTRIES = SPLIT;
const refOf = (layer: number, index: number) => layer * SPLIT + index;
const layerOf = (ref: number) => Math.floor(ref / SPLIT);

export class Filesystem {
  /** Latest entry per path (as a layer/index reference); hidden paths are removed once all layers are applied. */
  private readonly latest: PathMap;
  /** Hard link reference -> the entry whose content it shares. */
  private readonly hardlinks: Map<number, number>;
  /**
   * Content entry -> the hard link entry that last set its mode and owner: Docker chmods and
   * chowns the shared inode to each hard link entry's header, for every name of the file.
   */
  private readonly attributes: Map<number, number>;
  /**
   * Content entry -> the hard link entry that last set its file capabilities: Docker sets each
   * entry's extended attributes on the shared inode too, and a link entry without any leaves
   * those in place.
   */
  private readonly capabilitySetBy: Map<number, number>;
  private readonly whiteouts: Map<string, number>;
  private readonly opaques: Map<string, number>;
  /**
   * Directories that replaced a non-directory of a lower layer, with the highest such layer:
   * overlayfs stops merging a directory at a non-directory, so what lay below that path in
   * layers under it stays hidden even though the path is a directory again.
   */
  private readonly replaced: Map<string, number>;
  /** Entries that could not be applied, by layer. */
  readonly unsafe: { layer: number; entry: UnsafeEntry }[];
  /** The directories that hold visible paths, and those above them (see hasChildren). */
  private occupied?: Set<string>;

  /** An empty filesystem, or a copy of the state of `from` (before hidden paths are dropped). */
  private constructor(
    private readonly layers: readonly LayerRecord[],
    from?: Filesystem
  ) {
    this.latest = new PathMap(from?.latest);
    this.hardlinks = new Map(from?.hardlinks);
    this.attributes = new Map(from?.attributes);
    this.capabilitySetBy = new Map(from?.capabilitySetBy);
    this.whiteouts = new Map(from?.whiteouts);
    this.opaques = new Map(from?.opaques);
    this.replaced = new Map(from?.replaced);
    this.unsafe = [...(from?.unsafe ?? [])];
  }

  /**
   * The filesystems of the base layers alone and of all layers: the second continues from a
   * copy of the first, so the base layers are applied once.
   */
  static buildWithBase(layers: readonly LayerRecord[], baseCount: number): { base: Filesystem; full: Filesystem } {
    const base = new Filesystem(layers);
    for (let l = 0; l < baseCount; l++) base.apply(l);
    const full = new Filesystem(layers, base);
    for (let l = baseCount; l < layers.length; l++) full.apply(l);
    base.dropHidden();
    full.dropHidden();
    return { base, full };
  }

  /** Removes the paths that markers or replaced ancestors hide. */
  private dropHidden(): void {
    // Entries of one directory share their ancestors' verdict (and come together): computed once
    // per directory, memoized for the directories above it.
    const hiding = new Map<string, number>();
    let dirHidden = -1;
    let lastDir = '';
    this.latest.forEach((ref, path, dir) => {
      if (dir !== lastDir) {
        lastDir = dir;
        dirHidden = this.hiddenAbove(dir, hiding);
      }
      const layer = layerOf(ref);
      const wo = this.whiteouts.get(path);
      if ((wo !== undefined && wo > layer) || dirHidden > layer) this.latest.delete(path, dir);
    });
  }

  get size(): number {
    return this.latest.size;
  }

  get(path: string): FileNode | undefined {
    const ref = this.latest.get(path);
    return ref === undefined ? undefined : this.node(path, ref);
  }

  /**
   * Whether `dir` holds visible entries. A directory that layers only imply (a file in it, no
   * entry of its own) exists all the same: the runtime creates it, owned by root, mode 0755.
   */
  hasChildren(dir: string): boolean {
    if (!this.occupied) {
      // Every directory that holds a visible path, and every directory above one: computed once.
      const occupied = new Set<string>();
      this.latest.forEachDirectory((d) => {
        for (let p = d; !occupied.has(p); p = parentOf(p)) {
          occupied.add(p);
          if (p === '/') break;
        }
      });
      this.occupied = occupied;
    }
    return this.occupied.has(dir);
  }

  /** Follows symlinks (in every component) to the node a program opening `path` would get. */
  resolve(path: string): FileNode | undefined {
    let current = path;
    for (let hops = 0; hops < 40; hops++) {
      const redirected = this.redirectThroughParents(current);
      if (redirected !== current) {
        current = redirected;
        continue;
      }
      const node = this.get(current);
      if (!node || node.kind !== EntryKind.Symlink) return node;
      current = resolveLinkTarget(current, node.link ?? '');
    }
    return undefined; // a symlink loop
  }

  // The visits below use Map#forEach: iterating a Map with for-of allocates an entry per path,
  // and these run over every path of the image.

  /** Visits the visible paths that pass `wanted`. */
  eachPath(wanted: (path: string) => boolean, visit: (path: string) => void): void {
    this.latest.forEach((_ref, path) => {
      if (wanted(path)) visit(path);
    });
  }

  /** The layer that wrote the visible entry at `path`, or its mode and owner (cheaper than get()). */
  writtenBy(path: string): number | undefined {
    const ref = this.latest.get(path);
    return ref === undefined ? undefined : this.layerOfChange(ref);
  }

  /** The layer of entry `ref`, or of the hard link entry that set its file's mode, owner or capabilities since. */
  private layerOfChange(ref: number): number {
    if (this.attributes.size === 0) return layerOf(ref);
    const src = this.hardlinks.get(ref) ?? ref;
    return Math.max(layerOf(ref), layerOf(this.attributesOf(src)), layerOf(this.capabilitySetBy.get(src) ?? src));
  }

  /** The entry whose header gives the file of content entry `src` its mode and owner (see `attributes`). */
  private attributesOf(src: number): number {
    return this.attributes.get(src) ?? src;
  }

  /** Visits the visible regular files (hard links included) with any of the mode `bits` set. */
  eachFileWithModeBits(bits: number, visit: (node: FileNode) => void): void {
    this.latest.forEach((ref, path) => {
      const target = this.hardlinks.get(ref);
      const isFile = target !== undefined || this.kindOf(ref) === EntryKind.File;
      const attrs = this.attributesOf(target ?? ref);
      if (isFile && this.layers[layerOf(attrs)].entries.mode(attrs % SPLIT) & bits) visit(this.node(path, ref));
    });
  }

  /** Visits the visible regular files (hard links included) that carry file capabilities. */
  eachFileWithCapabilities(visit: (node: FileNode) => void): void {
    if (!this.layers.some((layer) => layer.entries.capabilities.size > 0)) return;
    this.latest.forEach((ref, path) => {
      const src = this.hardlinks.get(ref) ?? ref;
      if (this.capabilityOf(src) !== undefined) visit(this.node(path, ref));
    });
  }

  /** The capabilities attribute of the file of content entry `src`, from whichever entry set it last. */
  private capabilityOf(src: number): Buffer | undefined {
    const by = this.capabilitySetBy.get(src) ?? src;
    return this.layers[layerOf(by)].entries.capabilities.get(by % SPLIT);
  }

  /** Which later layer (above `since`) removed `path`, and how: the marker nearest to it. */
  removedBy(path: string, since: number): { layer: number; path: string; how: 'whiteout' | 'opaque' | 'replaced' } | undefined {
    for (let p = path; ; p = parentOf(p)) {
      const w = this.whiteouts.get(p);
      if (w !== undefined && w > since) return { layer: w, path: p, how: 'whiteout' };
      if (p !== path) {
        const o = this.opaques.get(p);
        if (o !== undefined && o > since) return { layer: o, path: p, how: 'opaque' };
        const ref = this.latest.get(p);
        if (ref !== undefined && layerOf(ref) > since && this.kindOf(ref) !== EntryKind.Directory) {
          return { layer: layerOf(ref), path: p, how: 'replaced' };
        }
        const r = this.replaced.get(p);
        if (r !== undefined && r > since) return { layer: r, path: p, how: 'replaced' };
      }
      if (p === '/') return undefined;
    }
  }

  private node(path: string, ref: number): FileNode {
    const layer = this.layerOfChange(ref);
    const target = this.hardlinks.get(ref);
    const src = target ?? ref;
    const e = this.layers[layerOf(src)].entries;
    const i = src % SPLIT;
    const own = this.layers[layerOf(ref)].entries;
    const attrs = this.attributesOf(src);
    const a = this.layers[layerOf(attrs)].entries;
    const j = attrs % SPLIT;
    return {
      path,
      kind: target === undefined ? e.kind(i) : EntryKind.File,
      mode: a.mode(j),
      uid: a.uid(j),
      gid: a.gid(j),
      size: e.size(i),
      link: own.links.get(ref % SPLIT),
      contentTag: e.contentTag(i),
      capability: this.capabilityOf(src),
      layer,
      text: e.texts.get(i)
    };
  }

  private apply(l: number): void {
    const entries = this.layers[l].entries;
    const n = entries.length;
    // Markers first: they only ever speak of lower layers, wherever the tar lists them.
    for (let i = 0; i < n; i++) {
      const kind = entries.kind(i);
      if (kind === EntryKind.Whiteout) this.whiteouts.set(entries.paths[i], l);
      else if (kind === EntryKind.Opaque) this.opaques.set(entries.paths[i], l);
    }
    // A tar lists a directory's entries together: the last directory found free of symlinks
    // is remembered until a symlink is written.
    let cleanParent: string | null = null;
    for (let i = 0; i < n; i++) {
      const kind = entries.kind(i);
      if (kind === EntryKind.Whiteout || kind === EntryKind.Opaque) continue;
      const path = entries.paths[i];
      const parent = parentOf(path);
      if (parent !== cleanParent) {
        const through = this.symlinkAncestor(path);
        if (through) {
          this.unsafe.push({ layer: l, entry: { path, reason: `it is written through the symlink ${through}, which would place it elsewhere` } });
          continue;
        }
        cleanParent = parent;
      }
      if (kind === EntryKind.Symlink) cleanParent = null;
      const ref = refOf(l, i);
      if (kind === EntryKind.Hardlink) {
        const targetPath = entries.links.get(i)!;
        const targetRef = this.latest.get(targetPath);
        if (targetRef === undefined || !this.visible(targetPath, targetRef) || this.kindOf(targetRef) === EntryKind.Directory) {
          this.unsafe.push({ layer: l, entry: { path, reason: `it is a hard link to ${targetPath}, which does not exist` } });
          continue;
        }
        const src = this.hardlinks.get(targetRef) ?? targetRef;
        this.hardlinks.set(ref, src);
        this.attributes.set(src, ref);
        if (entries.capabilities.has(i)) this.capabilitySetBy.set(src, ref);
      } else if (kind === EntryKind.Directory) {
        const before = this.latest.get(path, parent);
        if (before !== undefined && this.kindOf(before) !== EntryKind.Directory)
          this.replaced.set(path, Math.max(layerOf(before), this.replaced.get(path) ?? -1));
      }
      this.latest.set(path, ref, parent);
    }
  }

  private kindOf(ref: number): EntryKind {
    return this.layers[layerOf(ref)].entries.kind(ref % SPLIT);
  }

  /**
   * Whether the entry `ref` at `path` survives the markers and ancestors applied so far. A pass
   * over many paths shares one `memo` (valid while nothing is applied).
   */
  private visible(path: string, ref: number, memo = new Map<string, number>()): boolean {
    const layer = layerOf(ref);
    const wo = this.whiteouts.get(path);
    return !(wo !== undefined && wo > layer) && this.hiddenAbove(parentOf(path), memo) <= layer;
  }

  /**
   * The highest layer that hides what lower layers put at or below directory `dir`: a whiteout
   * or opaque marker on it or an ancestor, or a non-directory (hard links included) written at
   * it or an ancestor, now or before a directory replaced it; memoized per directory. -1 when
   * nothing hides it.
   */
  private hiddenAbove(dir: string, memo: Map<string, number>): number {
    const known = memo.get(dir);
    if (known !== undefined) return known;
    let hide = Math.max(this.whiteouts.get(dir) ?? -1, this.opaques.get(dir) ?? -1, this.replaced.get(dir) ?? -1);
    if (dir !== '/') {
      const a = this.latest.get(dir);
      if (a !== undefined && this.kindOf(a) !== EntryKind.Directory) hide = Math.max(hide, layerOf(a));
      hide = Math.max(hide, this.hiddenAbove(parentOf(dir), memo));
    }
    memo.set(dir, hide);
    return hide;
  }

  /** The nearest ancestor of `path` that is currently a symlink, if any. */
  private symlinkAncestor(path: string): string | undefined {
    for (let p = parentOf(path); p !== '/'; p = parentOf(p)) {
      const ref = this.latest.get(p);
      if (ref !== undefined && this.kindOf(ref) === EntryKind.Symlink && this.visible(p, ref)) return p;
    }
    return undefined;
  }

  /** Rewrites `path` when one of its parent directories is a symlink. */
  private redirectThroughParents(path: string): string {
    for (let p = parentOf(path); p !== '/'; p = parentOf(p)) {
      const node = this.get(p);
      if (node?.kind === EntryKind.Symlink) {
        const target = resolveLinkTarget(p, node.link ?? '');
        return target === '/' ? path.slice(p.length) : target + path.slice(p.length);
      }
    }
    return path;
  }
}
