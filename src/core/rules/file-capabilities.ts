import { decodeCapabilities, describeCapabilities } from '../fs/capability-attribute';
import { differences } from '../fs/node-compare';
import type { RawFinding } from '../facts';
import { SOURCES, type Rule } from './rule';

// The specification forbids root-owned setuid and setgid files because running one gives any
// user root's powers. File capabilities (setcap) give the same powers without the bit, so the
// setuid-setgid rule cannot see them: this rule does, as a warning (ModelArts does not name them).
export const fileCapabilities: Rule = {
  id: 'file-capabilities',
  defaultSeverity: 'warning',
  description:
    'Custom layers should not add or change files with file capabilities (setcap): running one gives any user its powers, as a setuid-root file does.',
  spec: 'A file cannot be added whose owner is root and has permission setuid or setgid.',
  source: SOURCES.oldTraining,
  // Compared with the base wherever they are: a rewritten file keeps no capabilities it had.
  needs: () => ({ contentTag: (_path, file) => file.capability !== undefined }),
  check(facts) {
    const out: RawFinding[] = [];
    facts.fs.eachFileWithCapabilities((node) => {
      if (facts.layers[node.layer]?.base) return;
      const before = facts.baseFs.get(node.path);
      if (before && differences(before, node).length === 0) return; // inherited unchanged
      const caps = decodeCapabilities(node.capability!);
      if (caps && caps.permitted.length === 0 && caps.inheritable.length === 0) return; // grants nothing
      const problem = caps
        ? `has the file capabilities ${describeCapabilities(caps)}: whoever runs it gets them, as with a setuid-root file`
        : 'has a security.capability attribute that Linux refuses (its revision and size do not match): Docker cannot unpack this layer';
      const how = node.link ? `a hard link to ${node.link}` : before ? 'changed from the base image' : 'added';
      out.push({
        message: `${node.path} ${problem}; it was ${how}. Remove them (setcap -r ${node.path}) and do what needs them at build time.`,
        path: node.path,
        layer: node.layer
      });
    });
    return out;
  }
};
