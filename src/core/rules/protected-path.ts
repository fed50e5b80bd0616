import { isUnder } from '../fs/image-path';
import { differences } from '../fs/node-compare';
import type { RawFinding } from '../facts';
import { SOURCES, type Rule } from './rule';

export const protectedPath: Rule = {
  id: 'protected-path',
  defaultSeverity: 'error',
  // The new-version training spec no longer names it, but changing system files still breaks images.
  severityIn: { current: 'warning' },
  description: "The base image's files in /bin, /sbin, /usr and /lib* must stay unchanged (new files are allowed).",
  spec: 'Part of content in the basic images cannot be changed, including all the files in /bin, /sbin, /usr, and /lib(64).',
  source: SOURCES.oldTraining,
  needs: (settings) => ({ contentTag: (path) => settings.protectedPaths.some((dir) => isUnder(path, dir)) }),
  check(facts, settings) {
    const out: RawFinding[] = [];
    const removedGroups = new Map<string, { layer: number; count: number; first: string }>();
    const base = facts.base.layerCount;
    const isProtected = (path: string) => settings.protectedPaths.some((dir) => isUnder(path, dir));
    facts.baseFs.eachPath(isProtected, (path) => {
      const writer = facts.fs.writtenBy(path);
      if (writer !== undefined && writer < base) return; // still the base's own entry
      if (writer === undefined) {
        const removal = facts.fs.removedBy(path, base - 1);
        // One finding per deleting marker: `rm -rf /usr/share/doc` is one change, not thousands.
        const key = removal ? `${removal.layer}\0${removal.path}\0${removal.how}` : `?\0${path}`;
        const group = removedGroups.get(key);
        if (group) group.count++;
        else removedGroups.set(key, { layer: removal?.layer ?? -1, count: 1, first: path });
        return;
      }
      const diff = differences(facts.baseFs.get(path)!, facts.fs.get(path)!);
      if (diff.length === 0) return; // rewritten identically, or changed and restored
      out.push({
        message: `${path} from the base image was modified (${diff.join(', ')}). Leave base files in protected directories as they are; install into /opt, /home or a new path instead.`,
        path,
        layer: writer
      });
    });
    for (const [key, g] of removedGroups) {
      const [, markerPath, how] = key.split('\0');
      const subject = g.count === 1 ? `${g.first} from the base image was` : `${g.count} base-image paths under ${markerPath} were`;
      const verb = how === 'opaque' ? `hidden (the directory ${markerPath} was replaced)` : 'deleted';
      out.push({
        message: `${subject} ${verb}. ModelArts rejects images that remove base files from protected directories; do not delete them.`,
        path: g.count === 1 ? g.first : markerPath,
        layer: g.layer >= 0 ? g.layer : undefined
      });
    }
    return out;
  }
};
