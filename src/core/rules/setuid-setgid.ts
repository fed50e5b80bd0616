import { describeMode, differences } from '../fs/node-compare';
import type { RawFinding } from '../facts';
import { SOURCES, type Rule } from './rule';

export const setuidSetgid: Rule = {
  id: 'setuid-setgid',
  defaultSeverity: 'error',
  description: 'Custom layers must not add or change root-owned files with the setuid or setgid bit.',
  spec: 'A file cannot be added whose owner is root and has permission setuid or setgid.',
  source: SOURCES.oldTraining,
  // Compared with the base wherever they are: a rewritten setuid file is a change.
  needs: () => ({ contentTag: (_path, file) => (file.mode & 0o6000) !== 0 }),
  check(facts) {
    const out: RawFinding[] = [];
    facts.fs.eachFileWithModeBits(0o6000, (node) => {
      if (node.uid !== 0) return;
      if (facts.layers[node.layer]?.base) return;
      const before = facts.baseFs.get(node.path);
      if (before && differences(before, node).length === 0) return; // rewritten unchanged
      const how = node.link ? `a hard link to ${node.link}` : before ? `changed from the base image (${differences(before, node).join(', ')})` : 'added';
      out.push({
        message: `${node.path} is owned by root and has the ${describeMode(node.mode)}; it was ${how}. Remove the bit (chmod u-s,g-s) or the file.`,
        path: node.path,
        layer: node.layer
      });
    });
    return out;
  }
};
