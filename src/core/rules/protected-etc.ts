import picomatch from 'picomatch';
import { differences } from '../node-compare';
import type { RawFinding } from '../facts';
import type { Rule } from './rule';

export const protectedEtc: Rule = {
  id: 'protected-etc',
  defaultSeverity: 'error',
  description: 'Important /etc configuration (passwd, group, shadow, sudoers, pam.d, ld.so.preload, ...) must not be added, changed or deleted.',
  spec: 'Part of content in the basic images cannot be changed, including ... some important configuration files in /etc.',
  check(facts, settings) {
    const matches = picomatch(settings.protectedEtc, { dot: true });
    const prefixes = [...new Set(settings.protectedEtc.map((g) => picomatch.scan(g).base || '/'))];
    const relevant = (path: string) => prefixes.some((p) => path.startsWith(p)) && matches(path);
    const out: RawFinding[] = [];
    const base = facts.base.layerCount;
    for (const before of facts.baseFs.nodes(relevant)) {
      const after = facts.fs.get(before.path);
      if (!after) {
        out.push({ message: `${before.path} from the base image was deleted; ModelArts needs it unchanged.`, path: before.path, layer: facts.fs.removedBy(before.path, base - 1)?.layer });
      } else if (after.layer >= base) {
        const diff = differences(before, after);
        if (diff.length > 0) {
          out.push({ message: `${before.path} from the base image was changed (${diff.join(', ')}); ModelArts needs it unchanged. Use the base image's users and settings instead of editing it.`, path: before.path, layer: after.layer });
        }
      }
    }
    for (const after of facts.fs.nodes(relevant)) {
      if (after.layer < base || facts.baseFs.get(after.path)) continue;
      out.push({ message: `${after.path} was added; it is important system configuration that ModelArts does not allow custom images to add.`, path: after.path, layer: after.layer });
    }
    return out;
  }
};
