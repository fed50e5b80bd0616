// What a user may do with a path of the final filesystem, as the kernel decides it: every
// directory on the way must grant search (x), symlinks are followed wherever they are, and the
// file's owner, group or other bits decide (the first class the user is in, not the best one).
// Root needs no permission, except an x bit somewhere to execute a file.
import type { FileNode } from './filesystem-model';
import { EntryKind } from '../layer/layer-record';
import type { Filesystem } from './filesystem-model';
import { resolveLinkTarget } from './image-path';

/** Who asks: a UID, its primary GID and its supplementary groups. */
export interface Who {
  uid: number;
  gid: number;
  groups: readonly number[];
}

export type Want = 'read' | 'write' | 'execute';
const BIT: Record<Want, number> = { read: 4, write: 2, execute: 1 };

/**
 * A directory the layers only imply (a file in it, no entry of its own). Docker's classic image
 * store creates it owned by root with mode 0600 when it unpacks the layer (moby's UnpackLayer:
 * seen here, `docker run -u 1101` then gets "Permission denied"); containerd's with 0755. The
 * stricter one is what a user's own `docker run` test meets.
 */
const IMPLIED_DIRECTORY = { kind: EntryKind.Directory, mode: 0o600, uid: 0, gid: 0, implied: true };
type Attributes = Pick<FileNode, 'kind' | 'mode' | 'uid' | 'gid'> & { implied?: boolean };

export interface Lookup {
  /** The path with every symlink followed. */
  path: string;
  /** The node there; undefined when nothing is there. */
  node?: Attributes & { path?: string; layer?: number };
  /** The directories searched on the way, with their attributes. */
  directories: { path: string; attributes: Attributes }[];
}

/** Looks `path` up as the kernel would, following symlinks in every component (40 at most). */
export function lookup(fs: Filesystem, path: string): Lookup {
  const directories: Lookup['directories'] = [];
  let rest = path.split('/').filter((p) => p !== '' && p !== '.');
  let current = '/';
  for (let hops = 0; hops <= 40;) {
    directories.push({ path: current, attributes: directoryAt(fs, current) });
    const name = rest.shift();
    if (name === undefined) return { path: current, node: directoryAt(fs, current), directories: directories.slice(0, -1) };
    const next = name === '..' ? parentPath(current) : current === '/' ? `/${name}` : `${current}/${name}`;
    const node = fs.get(next);
    if (node?.kind === EntryKind.Symlink) {
      hops++;
      const target = resolveLinkTarget(next, node.link ?? '');
      rest = [...target.split('/').filter((p) => p !== ''), ...rest];
      current = '/';
      continue;
    }
    if (rest.length === 0) {
      if (node) return { path: next, node, directories };
      return fs.hasChildren(next) ? { path: next, node: IMPLIED_DIRECTORY, directories } : { path: next, directories };
    }
    if (node ? node.kind !== EntryKind.Directory : !fs.hasChildren(next)) return { path: next, directories };
    current = next;
  }
  return { path, directories }; // a symlink loop: nothing can be opened there
}

/** The root directory: the storage driver makes it, root-owned with mode 0755 (the layers' own entry for it is not applied). */
const ROOT = { kind: EntryKind.Directory, mode: 0o755, uid: 0, gid: 0 };

function directoryAt(fs: Filesystem, path: string): Attributes {
  if (path === '/') return ROOT;
  const node = fs.get(path);
  return node && node.kind === EntryKind.Directory ? node : IMPLIED_DIRECTORY;
}

function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Whether `who` may do `want` with a node of these attributes (the directories on the way aside). */
export function permits(node: Attributes, who: Who, want: Want): boolean {
  if (who.uid === 0) return want !== 'execute' || node.kind === EntryKind.Directory || (node.mode & 0o111) !== 0;
  const shift = node.uid === who.uid ? 6 : node.gid === who.gid || who.groups.includes(node.gid) ? 3 : 0;
  return ((node.mode >> shift) & BIT[want]) !== 0;
}

/** Why `who` cannot do `want` at `path`, or null when it can; undefined when nothing is there. */
export function denial(fs: Filesystem, path: string, who: Who, want: Want): string | null | undefined {
  const found = lookup(fs, path);
  const blocked = found.directories.find((d) => !permits(d.attributes, who, 'execute'));
  if (blocked) {
    const why = blocked.attributes.implied
      ? 'has no entry in the layers, so Docker creates it owned by root with mode 0600 when it unpacks them, and'
      : `(${describe(blocked.attributes)})`;
    return `the directory ${blocked.path} ${why} does not let UID ${who.uid} search it`;
  }
  if (!found.node) return undefined;
  if (permits(found.node, who, want)) return null;
  const where = found.path === path ? path : `${path}, a symlink to ${found.path},`;
  return `${where} (${describe(found.node)}) is not ${want === 'execute' ? 'executable' : want === 'read' ? 'readable' : 'writable'} by UID ${who.uid}`;
}

function describe(a: Attributes): string {
  return `owner ${a.uid}:${a.gid}, mode ${a.mode.toString(8).padStart(4, '0')}`;
}
