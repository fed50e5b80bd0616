import type { RawFinding } from '../facts';
import { excerpt } from '../text/excerpt';
import { bootCommand, commandLines, LINE_SHOWN, pythonUnbuffered, runsPython, SHELL_SCRIPTS, startupTexts } from './startup-commands';
import { SOURCES, type Rule } from './rule';

const HARMLESS_TARGETS = /^(?:\/dev\/(?:null|stdout|stderr|tty|fd\/[12])|\/proc\/self\/fd\/[12])$/;
const LAUNCHERS = /^(?:exec\s+)?(?:\S*\/)?(?:python[\d.]*|torchrun|mpirun|horovodrun|deepspeed|accelerate|java|bash|sh|node|\.\/\S+)\b/;

/** Why a line sends output away from stdout/stderr, or null. */
export function logRedirection(line: string): string | null {
  for (const m of line.matchAll(/(?:^|[\s;|&(])(&|\d)?>>?\s*([^\s;|&)<>]+)/g)) {
    const target = m[2];
    if (target.startsWith('&') || HARMLESS_TARGETS.test(target)) continue;
    if (/log|\.out$|\.err$/i.test(target) || LAUNCHERS.test(line)) return `output is redirected to the file ${target}`;
  }
  const tee = /\|\s*tee\b((?:\s+-\w+)*)\s+([^\s;|&>]+)/.exec(line);
  if (tee && !HARMLESS_TARGETS.test(tee[2])) return `tee copies the output into the file ${tee[2]}`;
  if (/(?:^|[\s;&|])nohup\s/.test(line) && !/>/.test(line)) return 'nohup without a redirection writes the output to nohup.out';
  return null;
}

export const logStdout: Rule = {
  id: 'log-stdout',
  defaultSeverity: 'warning',
  description: 'The start-up command and the scripts it runs must log to stdout/stderr, not to files.',
  spec: 'To ensure that the log content can be displayed normally, the logs must be standard output.',
  source: SOURCES.oldTraining,
  needs: () => ({ texts: [SHELL_SCRIPTS] }),
  check(facts) {
    const out: RawFinding[] = [];
    for (const t of startupTexts(facts)) {
      for (const { line, number } of commandLines(t.text)) {
        const why = logRedirection(line);
        if (!why) continue;
        const where = t.path ? `${t.path}:${number}` : t.label;
        out.push({
          message: `${where}: ${why} ("${excerpt(line, LINE_SHOWN)}"); ModelArts shows only what the job writes to stdout and stderr, so keep the output there.`,
          path: t.path,
          layer: t.layer,
          instruction: t.instruction
        });
      }
    }
    const boot = bootCommand(facts);
    const python = boot?.steps.find(runsPython);
    if (boot && python && !pythonUnbuffered(python, facts.config.config?.Env ?? [])) {
      out.push({
        severity: 'notice',
        message: `The boot command (${boot.label}) runs Python ("${excerpt(python.words.join(' '), LINE_SHOWN)}") with its output buffered: when the job is stopped or killed, the last lines still in the buffer are lost from the log. Add ENV PYTHONUNBUFFERED=1 to the Dockerfile (as Huawei's sample does) or run python -u.`,
        instruction: boot.instruction
      });
    }
    return out;
  }
};
