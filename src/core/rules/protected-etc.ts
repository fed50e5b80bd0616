import picomatch from 'picomatch';
import { isUnder } from '../fs/image-path';
import { EntryKind } from '../layer/layer-record';
import { differences } from '../fs/node-compare';
import type { RawFinding } from '../facts';
import { SOURCES, type Rule } from './rule';

export const protectedEtc: Rule = {
  id: 'protected-etc',
  defaultSeverity: 'error',
  // The new-version training spec no longer names it, but changing system files still breaks images.
  severityIn: { current: 'warning' },
  description: 'Important /etc configuration (passwd, group, shadow, sudoers, pam.d, ld.so.preload, ...) must not be added, changed or deleted.',
  spec: 'Part of content in the basic images cannot be changed, including ... some important configuration files in /etc.',
  source: SOURCES.oldTraining,
  needs(settings) {
    // The directories the globs start from (most are under /etc): every file below them is compared with the base's.
    const dirs = outermost(['/etc', ...globBases(settings.protectedEtc)]);
    return { contentTag: (path) => dirs.some((dir) => isUnder(path, dir)) };
  },
  check(facts, settings) {
    const matches = picomatch(settings.protectedEtc, { dot: true });
    const prefixes = globBases(settings.protectedEtc);
    // Every path of the image is asked: most are rejected by the prefix all globs share ("/etc").
    const common = prefixes.length === 0 ? '' : prefixes.reduce(commonPrefix);
    const relevant = (path: string) => path.startsWith(common) && prefixes.some((p) => path.startsWith(p)) && matches(path);
    const out: RawFinding[] = [];
    const base = facts.base.layerCount;
    facts.baseFs.eachPath(relevant, (path) => {
      const writer = facts.fs.writtenBy(path);
      if (writer === undefined) {
        out.push({ message: `${path} from the base image was deleted; ModelArts needs it unchanged.`, path, layer: facts.fs.removedBy(path, base - 1)?.layer });
      } else if (writer >= base) {
        const diff = differences(facts.baseFs.get(path)!, facts.fs.get(path)!);
        if (diff.length > 0) {
          out.push({
            message: `${path} from the base image was changed (${diff.join(', ')}); ModelArts needs it unchanged. Use the base image's users and settings instead of editing it.`,
            path,
            layer: writer
          });
        }
      }
    });
    facts.fs.eachPath(relevant, (path) => {
      const writer = facts.fs.writtenBy(path)!;
      if (writer < base || facts.baseFs.writtenBy(path) !== undefined) return;
      // A directory made to hold an added file is not configuration itself: the file is reported.
      if (facts.fs.get(path)?.kind === EntryKind.Directory) return;
      out.push({ message: `${path} was added; it is important system configuration that ModelArts does not allow custom images to add.`, path, layer: writer });
    });
    return out;
  }
};

/** The fixed directory each glob starts from ("/etc/pam.d" for "/etc/pam.d/**"). */
function globBases(globs: readonly string[]): string[] {
  return [...new Set(globs.map((g) => picomatch.scan(g).base || '/'))];
}

/** The directories of `dirs` that lie under no other one of them. */
function outermost(dirs: string[]): string[] {
  return dirs.filter((d, i) => !dirs.some((other, j) => j !== i && isUnder(d, other) && (d !== other || j < i)));
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}
