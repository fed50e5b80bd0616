import { isUnder, parentOf } from '../fs/image-path';
import { denial, lookup, type Who } from '../fs/access';
import { ACCOUNT_FILES, resolveUser } from '../fs/passwd';
import { EntryKind } from '../layer/layer-record';
import type { ImageFacts, RawFinding } from '../facts';
import { excerpt } from '../text/excerpt';
import { count } from '../text/plural';
import { bootCommand, namedFiles, type BootCommand } from './startup-commands';
import { SOURCES, type Rule } from './rule';

/** Docker's PATH for an image that sets none. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** Unreadable files named per directory in a finding. */
const NAMED = 3;

// ModelArts runs the job as the image's default user; Huawei's own test of a migrated image is
// `docker run -u 1000 IMAGE`, looking for "Permission denied". This rule meets the final
// filesystem as that user does at start.
export const userAccess: Rule = {
  id: 'user-access',
  defaultSeverity: 'error',
  description:
    'The default user must be able to run the boot command (its program executable, the scripts it names readable, through every directory), and to write its home and working directory.',
  spec: 'Make the image files readable and writable by UID 1000.',
  source: SOURCES.migrating,
  needs: () => ({ texts: [ACCOUNT_FILES] }),
  check(facts) {
    const user = facts.config.config?.User ?? '';
    const resolved = resolveUser(facts.fs, user);
    // A USER the runtime refuses is the default-user rule's finding.
    if (!resolved) return [];
    const who: Who = resolved;
    const out: RawFinding[] = [];
    const boot = bootCommand(facts);
    if (boot) out.push(...bootFindings(facts, boot, who));
    const workdir = facts.config.config?.WorkingDir || undefined;
    const home = resolved.uid === 0 ? undefined : resolved.home && resolved.home !== '/' ? resolved.home : undefined;
    const instruction = boot?.instruction;
    for (const [dir, what] of [
      [home, 'home'],
      [workdir, 'working directory (WORKDIR)']
    ] as const) {
      if (dir === undefined || (what !== 'home' && dir === home)) continue;
      const found = lookup(facts.fs, dir);
      if (!found.node) {
        out.push({
          severity: 'warning',
          message: `The user's ${what} ${dir} is not in the image; the job starts there and cannot write it. Create it, owned by UID ${who.uid}.`,
          path: dir,
          instruction
        });
        continue;
      }
      const why = denial(facts.fs, dir, who, 'write') ?? (found.node.kind === EntryKind.Directory ? null : `${dir} is not a directory`);
      if (why) {
        out.push({
          severity: 'warning',
          message: `The user's ${what} ${dir} is not writable by UID ${who.uid}: ${why}. Jobs write checkpoints, caches and logs there: chown it to UID ${who.uid} in the Dockerfile.`,
          path: dir,
          layer: found.node.layer,
          instruction
        });
      }
    }
    out.push(
      ...unreadableFiles(
        facts,
        who,
        [home, workdir].filter((d): d is string => d !== undefined)
      )
    );
    return out;
  }
};

/** The boot command's program must be executable and the scripts it names readable. */
function bootFindings(facts: ImageFacts, boot: BootCommand, who: Who): RawFinding[] {
  const out: RawFinding[] = [];
  const pathVariable = (facts.config.config?.Env ?? []).find((e) => e.startsWith('PATH='))?.slice(5) ?? DEFAULT_PATH;
  const seen = new Set<string>();
  for (const step of boot.steps) {
    for (const file of namedFiles(step)) {
      const candidates = file.role === 'program' && !file.word.includes('/') ? pathVariable.split(':').map((dir) => `${dir || '.'}/${file.word}`) : [file.word];
      const paths = candidates.map((p) => (p.startsWith('/') ? p : `${step.cwd.replace(/\/+$/, '')}/${p}`));
      const path = paths.find((p) => {
        const node = lookup(facts.fs, p).node;
        return node !== undefined && node.kind !== EntryKind.Directory;
      });
      const key = `${file.role}\0${path ?? file.word}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const named = `"${excerpt(file.word, 120)}"`;
      if (path === undefined) {
        const where = file.role === 'program' && !file.word.includes('/') ? `in the PATH (${excerpt(pathVariable, 200)})` : `at ${paths[0]}`;
        out.push({
          severity: 'warning',
          message: `The boot command (${boot.label}) runs ${named}, which is not in the image ${where}. A training job may set its own boot command; if it uses this one, the job fails at start.`,
          instruction: boot.instruction
        });
        continue;
      }
      const want = file.role === 'program' ? 'execute' : 'read';
      const why = denial(facts.fs, path, who, want) ?? (file.role === 'program' && /\.(?:sh|bash|py)$/.test(path) ? denial(facts.fs, path, who, 'read') : null);
      if (!why) continue;
      const node = lookup(facts.fs, path).node;
      out.push({
        message: `The boot command (${boot.label}) ${file.role === 'program' ? 'runs' : 'reads'} ${path}, but ${why}: the job would fail with "Permission denied". ${fixFor(want, path, who)}`,
        path,
        layer: node?.layer,
        instruction: boot.instruction
      });
    }
  }
  return out;
}

function fixFor(want: 'execute' | 'read', path: string, who: Who): string {
  return want === 'execute'
    ? `Make it executable for the user (chmod a+rx ${path}, or chown ${who.uid} it) and its directories searchable.`
    : `Make it readable for the user (chmod a+r ${path}, or chown ${who.uid} it) and its directories searchable.`;
}

/** Files that custom layers put under the home or the working directory and the user cannot read: one finding per directory. */
function unreadableFiles(facts: ImageFacts, who: Who, roots: string[]): RawFinding[] {
  if (who.uid === 0 || roots.length === 0) return [];
  const byDirectory = new Map<string, { files: string[]; layer: number }>();
  const directoryDenial = new Map<string, string | null>();
  facts.fs.eachPath(
    (path) => roots.some((root) => isUnder(path, root) && path !== root),
    (path) => {
      const node = facts.fs.get(path);
      if (!node || node.kind !== EntryKind.File || facts.layers[node.layer]?.base) return;
      const dir = parentOf(path);
      let why = directoryDenial.get(dir);
      if (why === undefined) {
        why = denial(facts.fs, dir, who, 'execute') ?? null;
        directoryDenial.set(dir, why);
      }
      if (!why && denial(facts.fs, path, who, 'read') === null) return;
      const entry = byDirectory.get(dir) ?? { files: [], layer: node.layer };
      entry.files.push(path.slice(dir.length + 1));
      byDirectory.set(dir, entry);
    }
  );
  return [...byDirectory].map(([dir, { files, layer }]) => ({
    severity: 'warning' as const,
    message: `${count(files.length, 'file')} that the custom layers put in ${dir} ${files.length === 1 ? 'is' : 'are'} not readable by UID ${who.uid} (${files
      .slice(0, NAMED)
      .map((f) => excerpt(f, 80))
      .join(', ')}${files.length > NAMED ? ', ...' : ''}). Jobs run as that user: chown them to it or make them readable (chmod -R a+rX ${dir}).`,
    path: dir,
    layer
  }));
}
