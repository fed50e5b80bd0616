// Paths inside an image are kept absolute and normalised ("/usr/bin/python3"), whatever form the
// tar entry used ("./usr/bin/python3", "usr//bin/python3", "/usr/bin/python3").

const SLASH = 0x2f;

/** A name with an empty, "." or ".." segment needs the full treatment; most have none. */
const UNUSUAL = /\/\/|(?:^|\/)\.\.?(?:\/|$)/;

/** The normalised absolute path, or null when the name climbs above the root with "..". */
export function normalizeEntryName(name: string): string | null {
  if (!UNUSUAL.test(name)) {
    // "usr/bin/" -> "/usr/bin": only a leading or trailing slash to mend.
    const start = name.charCodeAt(0) === SLASH ? 1 : 0;
    const end = name.length > start && name.charCodeAt(name.length - 1) === SLASH ? name.length - 1 : name.length;
    return start === 1 && end === name.length ? name : '/' + name.slice(start, end);
  }
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    out.push(part);
  }
  return '/' + out.join('/');
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when `path` is `dir` or lies below it. */
export function isUnder(path: string, dir: string): boolean {
  if (dir === '/') return true;
  return path === dir || (path.startsWith(dir) && path.charCodeAt(dir.length) === SLASH);
}

/** Resolves a symlink target against the directory holding the link (never above the root). */
export function resolveLinkTarget(linkPath: string, target: string): string {
  const joined = target.startsWith('/') ? target : parentOf(linkPath) + '/' + target;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}
