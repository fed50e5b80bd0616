// The commands a container runs when ModelArts starts it: Entrypoint and Cmd, and the shell
// scripts they start (followed a few levels deep), as text for the log and download rules; and
// the boot command's simple commands with the files they name, for the access and boot rules.
import { lastInstruction, type ImageFacts } from '../facts';
import { baseName, resolveLinkTarget } from '../fs/image-path';
import type { TextNeed } from '../stream-needs';
import { simpleCommands } from './shell-words';

/** Shell scripts, by their extension or their #! line: the start-up command may run any of them. */
export const SHELL_SCRIPTS: TextNeed = { pattern: /\.(?:sh|bash)$/, head: isShellScript, maxBytes: 256 * 1024 };

/** Whether a file's first bytes are a #! line that runs a shell ("#!/bin/sh", "#!/usr/bin/env bash", ...). */
function isShellScript(head: Buffer): boolean {
  if (head[0] !== 0x23 || head[1] !== 0x21) return false;
  const nl = head.indexOf(0x0a);
  return /\b(?:ba|da|z|k)?sh\b/.test(head.toString('latin1', 2, nl === -1 ? Math.min(head.length, 128) : nl));
}

export interface StartupText {
  /** "ENTRYPOINT/CMD" or the script's path. */
  label: string;
  text: string;
  path?: string;
  layer?: number;
  instruction?: string;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash', 'ksh']);
const MAX_SCRIPTS = 20;
const MAX_DEPTH = 3;

export function startupTexts(facts: ImageFacts): StartupText[] {
  const c = facts.config.config ?? {};
  const entrypoint = Array.isArray(c.Entrypoint) ? c.Entrypoint : [];
  const cmd = Array.isArray(c.Cmd) ? c.Cmd : [];
  const argv = [...entrypoint, ...cmd].filter((a): a is string => typeof a === 'string');
  if (argv.length === 0) return [];
  const dashC = argv.indexOf('-c');
  const text = SHELLS.has(baseName(argv[0])) && dashC > 0 && dashC + 1 < argv.length ? argv.slice(dashC + 1).join(' ') : argv.join(' ');
  const instruction = entrypoint.length ? lastInstruction(facts.config, 'ENTRYPOINT') : lastInstruction(facts.config, 'CMD');
  const out: StartupText[] = [{ label: entrypoint.length ? 'ENTRYPOINT' : 'CMD', text, instruction }];
  const workdir = c.WorkingDir || '/';
  const seen = new Set<string>();
  let frontier = [text];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const t of frontier) {
      for (const candidate of scriptCandidates(t)) {
        const path = resolveLinkTarget(workdir + '/x', candidate);
        if (seen.has(path) || seen.size >= MAX_SCRIPTS) continue;
        const node = facts.fs.resolve(path);
        if (node?.text === undefined) continue;
        seen.add(path);
        out.push({ label: path, text: node.text, path, layer: node.layer, instruction: facts.layers[node.layer]?.createdBy });
        next.push(node.text);
      }
    }
    frontier = next;
  }
  return out;
}

/** Words of a command that may name a script: paths, and arguments of sh/bash/source/".". */
function scriptCandidates(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s;|&(`'"])((?:\.{0,2}\/)?[\w.@+-]+(?:\/[\w.@+-]+)*\.(?:sh|bash))(?=$|[\s;|&)`'"])/g)) out.add(m[1]);
  for (const m of text.matchAll(/(?:^|[\s;|&(`'"])(\/[\w.@+-]+(?:\/[\w.@+-]+)+)(?=$|[\s;|&)`'"])/g)) out.add(m[1]);
  for (const m of text.matchAll(/\b(?:sh|bash|source|\.)\s+((?:\.{0,2}\/)?[\w.@+/-]+)/g)) out.add(m[1]);
  return [...out];
}

/** Characters of a start-up script's line quoted in a finding. */
export const LINE_SHOWN = 160;

/** Lines of shell text with comments removed, with their 1-based line numbers. */
export function commandLines(text: string): { line: string; number: number }[] {
  return text.split('\n').flatMap((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    return line ? [{ line, number: i + 1 }] : [];
  });
}

/** One simple command of the boot command, as it will run. */
export interface BootStep {
  /** The command and its arguments, after environment assignments and wrappers (exec, env, nohup...). */
  words: string[];
  /** Variables assigned before the command (`PYTHONUNBUFFERED=1 python ...`). */
  env: Map<string, string>;
  /** The directory it runs in: WorkingDir, or where a `cd` before it went. */
  cwd: string;
}

/** The container's boot command (ENTRYPOINT and CMD) and the simple commands it runs. */
export interface BootCommand {
  label: 'ENTRYPOINT' | 'CMD';
  instruction?: string;
  argv: string[];
  steps: BootStep[];
}

/** Programs that run the command after them. */
const WRAPPERS = new Set(['exec', 'nohup', 'time', 'env', 'nice', 'stdbuf', 'setsid']);

export function bootCommand(facts: ImageFacts): BootCommand | undefined {
  const c = facts.config.config ?? {};
  const entrypoint = Array.isArray(c.Entrypoint) ? c.Entrypoint : [];
  const cmd = Array.isArray(c.Cmd) ? c.Cmd : [];
  const argv = [...entrypoint, ...cmd].filter((a): a is string => typeof a === 'string');
  if (argv.length === 0) return undefined;
  const label = entrypoint.length ? 'ENTRYPOINT' : 'CMD';
  const instruction = lastInstruction(facts.config, label);
  let cwd = c.WorkingDir || '/';
  const dashC = argv.indexOf('-c');
  if (!(SHELLS.has(baseName(argv[0])) && dashC > 0 && dashC + 1 < argv.length)) {
    return { label, instruction, argv, steps: [{ ...unwrap(argv), cwd }] };
  }
  // A shell runs the -c string: the shell itself, then each command of the string.
  const steps: BootStep[] = [{ words: [argv[0]], env: new Map(), cwd }];
  for (const words of simpleCommands(argv.slice(dashC + 1).join(' '))) {
    const step = { ...unwrap(words), cwd };
    steps.push(step);
    const [command, dir] = step.words;
    if (command === 'cd' && dir !== undefined && !dir.includes('$')) cwd = resolveLinkTarget(`${cwd}/x`, dir);
  }
  return { label, instruction, argv, steps };
}

/** The words with leading assignments and wrapper programs (and their options) taken off. */
function unwrap(words: string[]): Omit<BootStep, 'cwd'> {
  const env = new Map<string, string>();
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i];
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w);
    if (assignment) env.set(assignment[1], assignment[2]);
    else if (!WRAPPERS.has(baseName(w)) && !(w.startsWith('-') && i > 0 && WRAPPERS.has(baseName(words[i - 1])))) break;
  }
  return { words: words.slice(i), env };
}

/** A file a boot step names: the program it runs, or the script an interpreter reads. */
export interface NamedFile {
  /** As written: a path, or a bare program name to look up in PATH. */
  word: string;
  role: 'program' | 'script';
}

const BUILTINS = new Set([
  'cd',
  'echo',
  'export',
  'set',
  'unset',
  'true',
  'false',
  'exit',
  'test',
  '[',
  'printf',
  'read',
  'ulimit',
  'umask',
  'wait',
  'trap',
  'eval',
  'shift',
  'local',
  'return',
  ':',
  'alias',
  'type',
  'command',
  'hash'
]);
const PYTHON = /^python(?:\d+(?:\.\d+)?)?$/;
const SCRIPT_RUNNERS = new Set(['perl', 'ruby', 'node', 'Rscript']);
const LAUNCHERS = new Set(['torchrun', 'deepspeed', 'mpirun', 'horovodrun', 'accelerate']);

/** Whether a step runs Python: the interpreter itself, or a launcher (torchrun, deepspeed...) given a .py script. */
export function runsPython(step: BootStep): boolean {
  const [command, ...args] = step.words;
  if (command === undefined) return false;
  const name = baseName(command);
  return PYTHON.test(name) || (LAUNCHERS.has(name) && args.some((a) => a.endsWith('.py')));
}

/** The files a step needs: its program, and the script it hands to an interpreter or a launcher. */
export function namedFiles(step: BootStep): NamedFile[] {
  const [command, ...args] = step.words;
  if (command === undefined || command.includes('$')) return [];
  const script = (word: string | undefined): NamedFile[] => (word === undefined || word.includes('$') ? [] : [{ word, role: 'script' }]);
  if (command === 'source' || command === '.') return script(args[0]);
  if (BUILTINS.has(command)) return [];
  const name = baseName(command);
  const program: NamedFile = { word: command, role: 'program' };
  if (PYTHON.test(name)) return [program, ...script(scriptArgument(args, ['-c', '-m', '-'], ['-W', '-X', '-Q']))];
  if (SHELLS.has(name)) return [program, ...script(scriptArgument(args, ['-c', '-s'], ['-o', '-O']))];
  if (SCRIPT_RUNNERS.has(name)) return [program, ...script(scriptArgument(args, ['-e', '-E'], []))];
  if (LAUNCHERS.has(name)) return [program, ...script(args.find((a) => !a.startsWith('-') && /\.(?:py|sh|bash)$/.test(a)))];
  return [program];
}

/** An interpreter's script: its first argument that is no option; none after an option that ends the options (-c, -m). */
function scriptArgument(args: string[], stops: string[], takeValue: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (stops.includes(a)) return undefined;
    if (takeValue.includes(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** Whether a Python step runs unbuffered: `python -u`, or PYTHONUNBUFFERED set before it (Python takes any non-empty value). */
export function pythonUnbuffered(step: BootStep, imageEnv: readonly string[]): boolean {
  const inImage = imageEnv.some((e) => /^PYTHONUNBUFFERED=./s.test(e));
  if (inImage || (step.env.get('PYTHONUNBUFFERED') ?? '') !== '') return true;
  const args = step.words.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-c' || a === '-m' || !a.startsWith('-') || a.startsWith('--')) break;
    if (a === '-W' || a === '-X' || a === '-Q') i++;
    else if (/^-[A-Za-z]*u/.test(a) && !/^-[WXQ]/.test(a)) return true;
  }
  return false;
}
