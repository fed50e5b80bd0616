// The image's /etc/passwd and /etc/group, as the rules need them.
import type { Filesystem } from './filesystem-model';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
}

/** Entries of /etc/passwd, or undefined when the image has none (or it could not be read). */
export function readPasswd(fs: Filesystem): PasswdEntry[] | undefined {
  const text = fs.resolve('/etc/passwd')?.text;
  if (text === undefined) return undefined;
  const out: PasswdEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 7 || !/^\d+$/.test(f[2]) || !/^\d+$/.test(f[3])) continue;
    out.push({ name: f[0], uid: Number(f[2]), gid: Number(f[3]), home: f[5] });
  }
  return out;
}

export function readGroups(fs: Filesystem): GroupEntry[] | undefined {
  const text = fs.resolve('/etc/group')?.text;
  if (text === undefined) return undefined;
  const out: GroupEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 3 || !/^\d+$/.test(f[2])) continue;
    out.push({ name: f[0], gid: Number(f[2]) });
  }
  return out;
}
