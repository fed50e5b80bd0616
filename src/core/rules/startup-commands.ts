// The commands a container runs when ModelArts starts it: Entrypoint and Cmd, and the shell
// scripts they start (followed a few levels deep), as text for the log and download rules.
import { lastInstruction, type ImageFacts } from '../facts';
import { baseName, resolveLinkTarget } from '../fs/image-path';
import type { TextNeed } from '../stream-needs';

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
