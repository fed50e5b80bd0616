import { redactSecrets } from '../core/rules/secret-patterns';

// Ties image history entries (`created_by`) to the Dockerfile lines that produced them, so a
// finding can point at the instruction at fault. Both builders are understood:
//   classic:  /bin/sh -c pip install x          /bin/sh -c #(nop)  USER work
//             |1 SK=abc /bin/sh -c ./setup.sh    /bin/sh -c #(nop) COPY file:0af3... in /app
//   BuildKit: RUN /bin/sh -c pip install x # buildkit      USER work
//             RUN |1 SK=abc /bin/sh -c ./setup.sh # buildkit  COPY train.py /app # buildkit

export interface DockerfileInstruction {
  keyword: string;
  /** The instruction's arguments, continuation lines joined. */
  args: string;
  /** 1-based first and last line. */
  line: number;
  endLine: number;
}

/** The instructions of the Dockerfile's last stage (the one that becomes the image). */
export function parseDockerfile(text: string): DockerfileInstruction[] {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  const directive = /^#\s*escape\s*=\s*([`\\])\s*$/i;
  for (const l of lines) {
    const m = directive.exec(l);
    if (m) escape = m[1];
    else if (!/^#\s*\w+\s*=/.test(l)) break;
  }
  const out: DockerfileInstruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i].trim();
    if (first === '' || first.startsWith('#')) continue;
    const start = i;
    let joined = lines[i];
    while (joined.trimEnd().endsWith(escape) && i + 1 < lines.length) {
      joined = joined.trimEnd().slice(0, -1);
      i++;
      while (i < lines.length && /^\s*(#|$)/.test(lines[i]) && i + 1 < lines.length) i++; // comments inside a continuation
      joined += ' ' + lines[i].trim();
    }
    // BuildKit heredocs: the body lines belong to the instruction.
    const heredoc = /<<-?\s*["']?(\w+)["']?/.exec(joined);
    if (heredoc) {
      while (i + 1 < lines.length && lines[i + 1].trim() !== heredoc[1]) joined += '\n' + lines[++i];
      if (i + 1 < lines.length) i++;
    }
    const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(joined);
    if (!m) continue;
    out.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: start + 1, endLine: i + 1 });
  }
  let lastFrom = -1;
  out.forEach((ins, k) => {
    if (ins.keyword === 'FROM') lastFrom = k;
  });
  return out.slice(lastFrom + 1);
}

interface Normalized {
  keyword: string;
  key: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Compares an exec-form list ["a", "b"] or a shell-form command the way history records it. */
function commandKey(args: string): string {
  const t = args.trim();
  if (t.startsWith('[')) {
    try {
      const arr = JSON.parse(t) as unknown;
      if (Array.isArray(arr)) return JSON.stringify(arr.map(String));
    } catch {
      // not JSON: history's own ["a" "b"] form
      const parts = [...t.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
      if (parts.length) return JSON.stringify(parts);
    }
  }
  return JSON.stringify(['/bin/sh', '-c', t]);
}

function fromDockerfile(original: DockerfileInstruction): Normalized {
  // History is redacted before it gets here; compare like with like.
  const ins = { ...original, args: redactSecrets(original.args) };
  const k = ins.keyword;
  if (k === 'RUN') {
    const body = ins.args.replace(/^(?:--\S+\s+)*/, ''); // --mount=..., --network=...
    if (!body.trim().startsWith('[')) return { keyword: k, key: squash(body) };
    // The classic builder records an exec form as its words joined: ["/bin/sh", "-c", X] reads as the shell form of X.
    const key = commandKey(body);
    const [shell, flag, command, ...more] = JSON.parse(key) as string[];
    return { keyword: k, key: shell === '/bin/sh' && flag === '-c' && command !== undefined && more.length === 0 ? squash(command) : key };
  }
  if (k === 'CMD' || k === 'ENTRYPOINT') return { keyword: k, key: commandKey(ins.args) };
  if (k === 'COPY' || k === 'ADD') return { keyword: k, key: squash(ins.args) };
  // The legacy form "ENV KEY value" is recorded as KEY=value: made so before its value is masked.
  if (k === 'ENV' || k === 'LABEL') return { keyword: k, key: squash(redactSecrets(original.args.replace(/^(\S+)\s+(?!.*=)/, '$1='))) };
  return { keyword: k, key: squash(ins.args) };
}

function fromHistory(createdBy: string): Normalized | null {
  let s = createdBy.trim().replace(/\s*# buildkit$/, '');
  const nop = /^\/bin\/sh -c #\(nop\)\s+(\w+)\s*(.*)$/s.exec(s);
  if (nop) {
    const keyword = nop[1].toUpperCase();
    const rest = nop[2];
    if (keyword === 'CMD' || keyword === 'ENTRYPOINT') return { keyword, key: commandKey(rest) };
    return { keyword, key: squash(rest) };
  }
  const kw = /^([A-Z]+)\s+(.*)$/s.exec(s);
  if (kw && kw[1] !== 'RUN') {
    const keyword = kw[1];
    if (keyword === 'CMD' || keyword === 'ENTRYPOINT') return { keyword, key: commandKey(kw[2]) };
    return { keyword, key: squash(kw[2]) };
  }
  if (kw) s = kw[2];
  if (/^\|\d+\s/.test(s)) {
    // Build arguments, "|N k=v ...": a value may hold spaces (a masked one always does), so the
    // shell form is found by its marker, which the builder writes right after them.
    const shellAt = s.indexOf(' /bin/sh -c ');
    s = shellAt >= 0 ? s.slice(shellAt + 1) : s.replace(/^\|\d+\s+(?:\S+=(?:"[^"]*"|\S*)\s+)*/, '');
  }
  const shell = /^\/bin\/sh -c (.*)$/s.exec(s);
  if (shell) return { keyword: 'RUN', key: squash(shell[1]) };
  return s ? { keyword: 'RUN', key: commandKey(s.startsWith('[') ? s : JSON.stringify(s.split(/\s+/))) } : null;
}

function matches(h: Normalized, d: Normalized): boolean {
  if (h.keyword !== d.keyword) return false;
  if (h.key === d.key) return true;
  if (h.keyword === 'COPY' || h.keyword === 'ADD') {
    // The classic builder records "file:<hash> in <dest>", a --chown glued to it
    // ("--chown=1101:1101file:..."): only the destination is comparable.
    const classic = /^(?:--chown=\S*?)?(?:file|dir|multi):[0-9a-f]+ in (.*)$/.exec(h.key);
    if (classic) return lastWord(d.key) === classic[1].trim() || lastWord(d.key).replace(/\/$/, '') === classic[1].trim().replace(/\/$/, '');
  }
  if (h.keyword === 'RUN' && d.key.includes('\n')) return squash(d.key).startsWith(h.key.slice(0, 40));
  return false;
}

function lastWord(s: string): string {
  const words = s.split(' ');
  return words[words.length - 1];
}

/**
 * Maps history `created_by` strings to Dockerfile instructions, walking both backwards so that
 * repeated instructions pair up in order. Entries that match nothing (the base image's own
 * history, or a different Dockerfile) stay unmapped.
 */
export function mapHistoryToDockerfile(instructions: DockerfileInstruction[], createdBy: (string | undefined)[]): Map<string, DockerfileInstruction> {
  const normalized = instructions.map(fromDockerfile);
  const out = new Map<string, DockerfileInstruction>();
  let j = instructions.length - 1;
  for (let i = createdBy.length - 1; i >= 0 && j >= 0; i--) {
    const by = createdBy[i];
    if (!by) continue;
    const h = fromHistory(by);
    if (!h) continue;
    for (let k = j; k >= 0; k--) {
      if (matches(h, normalized[k])) {
        if (!out.has(by)) out.set(by, instructions[k]);
        j = k - 1;
        break;
      }
    }
  }
  return out;
}
