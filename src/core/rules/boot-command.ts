import { ACCOUNT_FILES, resolveUser } from '../fs/passwd';
import { lastInstruction, type RawFinding } from '../facts';
import { excerpt } from '../text/excerpt';
import { commandLines, LINE_SHOWN, SHELL_SCRIPTS, startupTexts } from './startup-commands';
import { SOURCES, type Rule } from './rule';

/** Activating a conda environment the way an interactive shell does. */
const ACTIVATE = /(?:^|[\s;&|(])(?:conda\s+activate|(?:source|\.)\s+(?:\S*\/)?activate)(?:\s|$)/;
/** A script that loads conda's shell functions first can use `conda activate`. */
const CONDA_HOOK = /conda\s+shell\.\w+\s+hook|etc\/profile\.d\/conda\.sh|conda\.sh\b/;

export const bootCommandRule: Rule = {
  id: 'boot-command',
  defaultSeverity: 'warning',
  description:
    "The boot command must not rely on an interactive shell (conda activate, source activate), and in new-version training it starts in the user's home.",
  spec: "Jobs do not run in a shell session: conda activate does not work; use the environment's python path, PATH, or conda run -n ENV.",
  source: SOURCES.bootCommand,
  needs: () => ({ texts: [SHELL_SCRIPTS, ACCOUNT_FILES] }),
  check(facts, settings) {
    const out: RawFinding[] = [];
    for (const t of startupTexts(facts)) {
      const hooked = t.path !== undefined && CONDA_HOOK.test(t.text);
      for (const { line, number } of commandLines(t.text)) {
        if (!ACTIVATE.test(line) || (hooked && /conda\s+activate/.test(line))) continue;
        const where = t.path ? `${t.path}:${number}` : `The boot command (${t.label})`;
        out.push({
          message: `${where} activates a conda environment ("${excerpt(line, LINE_SHOWN)}"), which needs an interactive shell; ModelArts runs the boot command without one, so it fails or runs in the wrong environment. Call the environment's python directly (/opt/conda/envs/ENV/bin/python), put its bin directory first in PATH (ENV PATH=...), or use conda run -n ENV.`,
          path: t.path,
          layer: t.layer,
          instruction: t.instruction
        });
      }
    }
    if (settings.profile === 'current') {
      const c = facts.config.config ?? {};
      const user = resolveUser(facts.fs, c.User ?? '');
      const home = (user && user.uid !== 0 && user.home) || settings.expectedHome;
      const workdir = (c.WorkingDir || '/').replace(/(.)\/+$/, '$1');
      if (workdir !== home.replace(/(.)\/+$/, '$1')) {
        out.push({
          message: `The image starts in ${workdir}, but ModelArts runs the boot command of a training job in the user's home ${home}: relative paths in the command resolve differently there. End the Dockerfile with "WORKDIR ${home}" (as Huawei's sample does).`,
          instruction: lastInstruction(facts.config, 'WORKDIR')
        });
      }
    }
    return out;
  }
};
