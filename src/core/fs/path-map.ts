// A map from absolute paths to numbers, kept as one small Map per parent directory. The
// filesystem model maps every path of an image (hundreds of thousands) to its entry, and one
// Map that size spends most of its time growing: each growth allocates a bigger table in fresh
// memory and moves every entry. A directory's Map stays small, grows in the young generation
// and is moved once; a tar lists a directory's entries together, so the last directory is
// remembered and most calls look up no directory at all (docs/performance.md, `PathMap`).
import { parentOf } from './image-path';

export class PathMap {
  private readonly dirs: Map<string, Map<string, number>>;
  private count = 0;
  /** The directory of the last call, and its Map (undefined when it has none yet). */
  private lastDir = '';
  private last: Map<string, number> | undefined;

  /** An empty map, or a copy of `from`. */
  constructor(from?: PathMap) {
    this.dirs = new Map();
    from?.dirs.forEach((entries, dir) => this.dirs.set(dir, new Map(entries)));
    this.count = from?.count ?? 0;
  }

  get size(): number {
    return this.count;
  }

  /** `dir`, here and in set and delete, is parentOf(path), when the caller has it already. */
  get(path: string, dir = parentOf(path)): number | undefined {
    return this.directory(dir)?.get(path);
  }

  set(path: string, value: number, dir = parentOf(path)): void {
    let entries = this.directory(dir);
    if (!entries) {
      entries = new Map();
      this.dirs.set(dir, entries);
      this.last = entries;
    }
    const before = entries.size;
    entries.set(path, value);
    this.count += entries.size - before;
  }

  delete(path: string, dir = parentOf(path)): void {
    const entries = this.directory(dir);
    if (entries?.delete(path)) this.count--;
  }

  /** Visits each directory that holds paths (directly). */
  forEachDirectory(visit: (dir: string) => void): void {
    this.dirs.forEach((entries, dir) => {
      if (entries.size > 0) visit(dir);
    });
  }

  /** Visits every path, a directory's together (Map#forEach: no [key, value] array per path). */
  forEach(visit: (value: number, path: string, dir: string) => void): void {
    this.dirs.forEach((entries, dir) => entries.forEach((value, path) => visit(value, path, dir)));
  }

  private directory(dir: string): Map<string, number> | undefined {
    if (dir !== this.lastDir) {
      this.lastDir = dir;
      this.last = this.dirs.get(dir);
    }
    return this.last;
  }
}
