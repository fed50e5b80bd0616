import type { RawFinding } from '../facts';
import { excerpt } from '../text/excerpt';
import { commandLines, LINE_SHOWN, SHELL_SCRIPTS, startupTexts } from './startup-commands';
import { SOURCES, type Rule } from './rule';

const INSTALLERS: [RegExp, string][] = [
  [/\b(?:pip[\d.]*|python[\d.]*\s+-m\s+pip)\s+(?:install|download)\b(?!.*--no-index)/, 'installs Python packages with pip'],
  [/\b(?:conda|mamba|micromamba)\s+(?:install|create|update|env\s+(?:create|update))\b/, 'installs packages with conda'],
  [/\b(?:apt-get|apt|yum|dnf|zypper|apk)\s+(?:-\S+\s+)*(?:install|add)\b/, 'installs system packages'],
  [/\b(?:npm\s+(?:install|i|ci)|yarn\s+(?:add|install))\b/, 'installs Node.js packages'],
  [/\bgit\s+clone\b/, 'clones a git repository'],
  [/\b(?:curl|wget)\b.*(?:https?|ftp):\/\/\S+?\.(?:whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip|deb|rpm|run|sh|jar|gem)\b/, 'downloads a package'],
  [/\b(?:curl|wget)\b.*\|\s*(?:sudo\s+)?(?:ba)?sh\b/, 'downloads and runs an installer']
];

export const offlineDeps: Rule = {
  id: 'offline-deps',
  defaultSeverity: 'warning',
  description: 'The start-up command and its scripts must not install or download packages at run time.',
  spec: 'Currently, the ModelArts backend does not support the download of open source installation packages. You are advised to install the dependency packages required for training in the custom image.',
  source: SOURCES.oldTraining,
  needs: () => ({ texts: [SHELL_SCRIPTS] }),
  check(facts) {
    const out: RawFinding[] = [];
    for (const t of startupTexts(facts)) {
      for (const { line, number } of commandLines(t.text)) {
        const hit = INSTALLERS.find(([re]) => re.test(line));
        if (!hit) continue;
        const where = t.path ? `${t.path}:${number}` : t.label;
        out.push({
          message: `${where} ${hit[1]} at run time ("${excerpt(line, LINE_SHOWN)}"); ModelArts jobs cannot download packages: install them in the image (a RUN step in the Dockerfile).`,
          path: t.path,
          layer: t.layer,
          instruction: t.instruction
        });
      }
    }
    return out;
  }
};
