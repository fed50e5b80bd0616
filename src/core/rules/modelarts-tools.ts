import { differences } from '../fs/node-compare';
import { ACCOUNT_FILES, readPasswd } from '../fs/passwd';
import { baseName } from '../fs/image-path';
import type { RawFinding } from '../facts';
import { SOURCES, type Rule } from './rule';

export const modelartsTools: Rule = {
  id: 'modelarts-tools',
  defaultSeverity: 'error',
  // The new-version training spec no longer names it, but changing system files still breaks images.
  severityIn: { current: 'warning' },
  description: "The ModelArts tools in the user's home (run_train.sh, utils.sh, ip_mapper.py, dls-downloader.py) must stay as the base image has them.",
  spec: 'Part of content in the basic images cannot be changed, including ... the ModelArts tools in $HOME.',
  source: SOURCES.oldTraining,
  needs(settings) {
    const tools = new Set(settings.modelartsTools);
    return { texts: [ACCOUNT_FILES], contentTag: (path) => tools.has(baseName(path)) };
  },
  check(facts, settings) {
    const home = readPasswd(facts.baseFs)?.find((p) => p.uid === settings.expectedUid)?.home || settings.expectedHome;
    const out: RawFinding[] = [];
    for (const tool of settings.modelartsTools) {
      const path = `${home.replace(/\/+$/, '')}/${tool}`;
      const before = facts.baseFs.resolve(path);
      if (!before) continue;
      const after = facts.fs.resolve(path);
      if (!after) {
        out.push({
          message: `The ModelArts tool ${path} from the base image was deleted; training jobs need it.`,
          path,
          layer: facts.fs.removedBy(path, facts.base.layerCount - 1)?.layer
        });
        continue;
      }
      const diff = differences(before, after);
      if (diff.length > 0) {
        out.push({
          message: `The ModelArts tool ${path} from the base image was changed (${diff.join(', ')}); keep it as the base image has it.`,
          path,
          layer: after.layer
        });
      }
    }
    return out;
  }
};
