// The image's /etc/passwd and /etc/group, read as the container runtime reads them to resolve
// USER (runc's and containerd's user package, libcontainer/user): each line trimmed, blank lines
// skipped, fields split at ":" (missing ones empty), a number field that is no number read as 0,
// and the first entry with a name winning. Checked with Docker 20.10 and runc: a line
// " work:x:0:0" (or "work:x:0:0", or "work:x:1101x:...") before the real entry makes "work" root.
import type { StreamNeeds, TextNeed } from '../stream-needs';
import type { Filesystem } from './filesystem-model';

/** What a rule that resolves users or groups needs kept while the layers stream by. */
export const ACCOUNT_FILES: TextNeed = { paths: ['/etc/passwd', '/etc/group'], maxBytes: 4 * 1024 * 1024 };
export const ACCOUNT_NEEDS: StreamNeeds = { texts: [ACCOUNT_FILES] };

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  /** The users listed as members (supplementary groups). */
  members: string[];
}

/** Entries of /etc/passwd in file order, or undefined when the image has none (or it could not be read). */
export function readPasswd(fs: Filesystem): PasswdEntry[] | undefined {
  return fieldsOfLines(fs, '/etc/passwd')?.map((f) => ({ name: f[0], uid: goAtoi(f[2]), gid: goAtoi(f[3]), home: f[5] ?? '' }));
}

export function readGroups(fs: Filesystem): GroupEntry[] | undefined {
  return fieldsOfLines(fs, '/etc/group')?.map((f) => ({ name: f[0], gid: goAtoi(f[2]), members: f[3] ? f[3].split(',') : [] }));
}

/** Who a container runs as: what the runtime makes of USER. */
export interface RunAs {
  uid: number;
  gid: number;
  /** Supplementary groups (from /etc/group, when USER names no group). */
  groups: number[];
  /** The passwd entry's name and home, when USER matched one. */
  name?: string;
  home?: string;
}

/**
 * USER as runc resolves it (libcontainer/user GetExecUser): a number is that UID, with the
 * passwd entry of that UID when there is one (else GID 0); a name must have an entry. An
 * explicit group is a GID or a group name; without one, the user's supplementary groups are the
 * groups that list its name. Undefined when the runtime would refuse USER.
 */
export function resolveUser(fs: Filesystem, user: string): RunAs | undefined {
  const [userPart, groupPart] = user.split(':', 2);
  const passwd = readPasswd(fs) ?? [];
  const numeric = GO_NUMBER.test(userPart);
  const entry = passwd.find((p) => (numeric ? p.uid === Number(userPart) : p.name === userPart));
  if (!entry && !numeric) return undefined;
  const who: RunAs = { uid: entry?.uid ?? Number(userPart), gid: entry?.gid ?? 0, groups: [], ...(entry && { name: entry.name, home: entry.home }) };
  const groups = readGroups(fs) ?? [];
  if (groupPart !== undefined && groupPart !== '') {
    const byNumber = GO_NUMBER.test(groupPart);
    const group = groups.find((g) => (byNumber ? g.gid === Number(groupPart) : g.name === groupPart));
    if (!group && !byNumber) return undefined;
    who.gid = group?.gid ?? Number(groupPart);
  } else if (entry) {
    who.groups = groups.filter((g) => g.members.includes(entry.name)).map((g) => g.gid);
  }
  return who;
}

function fieldsOfLines(fs: Filesystem, path: string): string[][] | undefined {
  const text = fs.resolve(path)?.text;
  if (text === undefined) return undefined;
  const out: string[][] = [];
  for (const raw of text.split('\n')) {
    const line = goTrimSpace(raw);
    if (line !== '') out.push(line.split(':'));
  }
  return out;
}

/** What Go's strconv.Atoi takes as a number (a sign and leading zeros allowed); runc reads USER with it too. */
export const GO_NUMBER = /^[+-]?\d+$/;

/** Go's strconv.Atoi, read as the user package reads it: 0 for what is no number. */
function goAtoi(text: string | undefined): number {
  return text !== undefined && GO_NUMBER.test(text) ? Number(text) : 0;
}

/** Go's strings.TrimSpace: Unicode white space (unicode.IsSpace), which is not JavaScript's trim(). */
function goTrimSpace(text: string): string {
  return text.replace(
    /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g,
    ''
  );
}
