import { redactSecrets } from '../core/rules/secret-patterns';

// Ties image history entries (`created_by`) to the Dockerfile lines that produced them, so a
// finding can point at the instruction at fault. Both builders are understood:
//   classic:  /bin/sh -c pip install x          /bin/sh -c #(nop)  USER work
//             |1 SK=abc /bin/sh -c ./setup.sh    /bin/sh -c #(nop) COPY file:0af3... in /app
//   BuildKit: RUN /bin/sh -c pip install x # buildkit      USER work
//             RUN |1 SK=abc /bin/sh -c ./setup.sh # buildkit  COPY train.py /app # buildkit

export interface DockerfileInstruction {
  keyword: string;
  /** The instruction's arguments, continuation lines joined (without heredoc bodies). */
  args: string;
  /** 1-based first and last line. */
  line: number;
  endLine: number;
  /** The here-documents of a RUN, COPY or ADD (BuildKit), in order. */
  heredocs?: Heredoc[];
}

export interface Heredoc {
  name: string;
  /** Its lines, each ending in a newline, as written. */
  body: string;
  /** Written `<<-`: leading tabs are stripped. */
  chomp: boolean;
}

/** BuildKit reads here-documents in these instructions only. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
/** A word that opens a here-document: `<<EOF`, `<<-EOF`, `<<"EOF"`, `2<<EOF`. */
const HEREDOC = /^\d*<<(-?)(["']?)([^<"'\s]+)\2$/;

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
    const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(joined);
    if (!m) continue;
    const keyword = m[1].toUpperCase();
    const instruction: DockerfileInstruction = { keyword, args: m[2].trim(), line: start + 1, endLine: i + 1 };
    // BuildKit here-documents: the lines after the instruction, up to each one's terminator.
    const opened = HEREDOC_KEYWORDS.has(keyword) ? heredocsOpened(instruction.args) : [];
    if (opened.length > 0) {
      instruction.heredocs = opened.map(([, dash, , name]) => {
        const chomp = dash === '-';
        let body = '';
        while (i + 1 < lines.length && (chomp ? lines[i + 1].replace(/^\t+/, '') : lines[i + 1]) !== name) body += lines[++i] + '\n';
        if (i + 1 < lines.length) i++;
        return { name, body, chomp };
      });
      instruction.endLine = i + 1;
    }
    out.push(instruction);
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
    if (original.heredocs) return { keyword: k, key: squash(redactSecrets(heredocCommand(body, original.heredocs))) };
    if (!body.trim().startsWith('[')) return { keyword: k, key: squash(body) };
    // The classic builder records an exec form as its words joined: ["/bin/sh", "-c", X] reads as the shell form of X.
    const key = commandKey(body);
    const [shell, flag, command, ...more] = JSON.parse(key) as string[];
    return { keyword: k, key: shell === '/bin/sh' && flag === '-c' && command !== undefined && more.length === 0 ? squash(command) : key };
  }
  if (k === 'CMD' || k === 'ENTRYPOINT') return { keyword: k, key: commandKey(ins.args) };
  if (k === 'COPY' || k === 'ADD') return { keyword: k, key: copyKey(ins.args) };
  // Keys only: the builders record values with quotes removed and variables expanded. The
  // legacy form "ENV KEY value" has one key.
  if (k === 'ENV' || k === 'LABEL') {
    const all = words(original.args);
    const keys = all.length > 0 && !all[0].value.includes('=') ? [all[0].value] : all.filter((w) => w.value.includes('=')).map((w) => w.value.split('=')[0]);
    return { keyword: k, key: keys.join(' ') };
  }
  return { keyword: k, key: squash(ins.args) };
}

/**
 * The command BuildKit runs (and records) for a RUN with here-documents: a lone one is the
 * script itself (with a shebang, a file it runs from /dev/pipes/); otherwise the command line
 * with each document appended.
 */
function heredocCommand(command: string, heredocs: Heredoc[]): string {
  const only = heredocs.length === 1 && HEREDOC.test(command.trim());
  if (only) {
    const [doc] = heredocs;
    const script = doc.chomp ? doc.body.replace(/^\t+/gm, '') : doc.body;
    return script.startsWith('#!') ? `/dev/pipes/${doc.name}` : script;
  }
  return command + heredocs.map((doc) => `\n${doc.body}${doc.name}`).join('');
}

/**
 * A COPY or ADD as BuildKit records it: the flags it keeps (--parents, --chown, --chmod; not
 * --from, --link or --exclude), the sources with quotes removed, the here-documents as
 * `<<NAME`, the destination.
 */
function copyKey(args: string): string {
  const all = words(args);
  const flags = new Map<string, string>();
  while (all.length > 0 && all[0].raw.startsWith('--')) {
    const flag = all.shift()!.value;
    flags.set(flag.replace(/=.*$/, ''), flag);
  }
  let paths = all.map((w) => w.value);
  if (all.length === 1 && all[0].raw.startsWith('[')) {
    try {
      paths = (JSON.parse(all[0].raw) as unknown[]).map(String);
    } catch {
      // not JSON: compared as written
    }
  }
  const docs = heredocsOpened(args).map(([, , , name]) => `<<${name}`);
  const sources = paths.slice(0, -1).filter((p) => !HEREDOC.test(p));
  const kept = ['--parents', '--chown', '--chmod'].flatMap((f) => flags.get(f) ?? []);
  return squash([...kept, ...sources, ...docs, ...paths.slice(-1)].join(' '));
}

/** The here-documents a line opens, in order: each one's match of HEREDOC. */
function heredocsOpened(args: string): RegExpExecArray[] {
  return words(args).flatMap((w) => {
    const m = HEREDOC.exec(w.raw);
    return m ? [m] : [];
  });
}

/** Dockerfile words: split at blanks outside quotes; `raw` as written, `value` with quotes and escapes removed. */
function words(text: string): { raw: string; value: string }[] {
  const out: { raw: string; value: string }[] = [];
  let raw = '';
  let value = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!quote && /\s/.test(c)) {
      if (raw) out.push({ raw, value });
      raw = value = '';
      continue;
    }
    raw += c;
    if (c === quote) quote = '';
    else if (!quote && (c === '"' || c === "'")) quote = c;
    else if (c === '\\' && quote !== "'" && i + 1 < text.length) {
      // An escaped character stands for itself.
      i++;
      raw += text[i];
      value += text[i];
    } else value += c;
  }
  if (raw) out.push({ raw, value });
  return out;
}

function fromHistory(createdBy: string): Normalized | null {
  let s = createdBy.trim().replace(/\s*# buildkit$/, '');
  const nop = /^\/bin\/sh -c #\(nop\)\s+(\w+)\s*(.*)$/s.exec(s);
  if (nop) {
    const keyword = nop[1].toUpperCase();
    const rest = nop[2];
    if (keyword === 'CMD' || keyword === 'ENTRYPOINT') return { keyword, key: commandKey(rest) };
    if (keyword === 'ENV' || keyword === 'LABEL') return { keyword, key: historyKeys(rest) };
    return { keyword, key: squash(rest) };
  }
  const kw = /^([A-Z]+)\s+(.*)$/s.exec(s);
  if (kw && kw[1] !== 'RUN') {
    const keyword = kw[1];
    if (keyword === 'CMD' || keyword === 'ENTRYPOINT') return { keyword, key: commandKey(kw[2]) };
    if (keyword === 'ENV' || keyword === 'LABEL') return { keyword, key: historyKeys(kw[2]) };
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

/** The keys of recorded `K1=v1 K2=v 2` pairs (a value may hold blanks, and so what looks like a key). */
function historyKeys(pairs: string): string {
  return [...pairs.matchAll(/(?:^|\s)([^\s=]+)=/g)].map((m) => m[1]).join(' ');
}

function matches(h: Normalized, d: Normalized): boolean {
  if (h.keyword !== d.keyword) return false;
  if (h.key === d.key) return true;
  if (h.keyword === 'ENV' || h.keyword === 'LABEL') {
    // Every key written, in order, the first one first.
    const recorded = h.key.split(' ');
    const written = d.key.split(' ');
    let at = 0;
    for (const key of written) {
      const found = recorded.indexOf(key, at);
      if (found === -1) return false;
      at = found + 1;
    }
    return written[0] === recorded[0];
  }
  if (h.keyword === 'COPY' || h.keyword === 'ADD') {
    // The classic builder records "file:<hash> in <dest>", a --chown glued to it
    // ("--chown=1101:1101file:..."): only the destination is comparable.
    const classic = /^(?:--chown=\S*?)?(?:file|dir|multi):[0-9a-f]+ in (.*)$/.exec(h.key);
    if (classic) return lastWord(d.key) === classic[1].trim() || lastWord(d.key).replace(/\/$/, '') === classic[1].trim().replace(/\/$/, '');
  }
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
