// Streams file content past a set of detectors (malicious code, secrets). Each detector has
// literal anchors and a check that looks at the text around an anchor. Each file is searched
// for the anchors in one pass over its bytes (AnchorSearch): text files for all anchors, binary
// files (a NUL byte in their first bytes) only for the anchors that matter in binaries. Content
// goes through a sliding window so that a pattern split between two chunks is still found, and
// the window is copied only when a file spans chunks.
import type { ContentHit } from './scan-results';
import { AnchorSearch } from './literal-search';
import { maskSecret } from '../text/mask';

/** Context kept on each side of an anchor for its check; also the overlap between windows. */
const CONTEXT = 512;
const WINDOW = 256 * 1024;

interface Detector {
  id: string;
  rule: ContentHit['rule'];
  anchors: Buffer[];
  /** Also searched in binary files (miners hide pool addresses in executables). */
  binary?: boolean;
  /** Returns the evidence to report, or null when the text around the anchor is benign. */
  check(line: string, around: string): string | null;
}

const lineMatch = (re: RegExp, label: string) => (line: string) => (re.test(line) ? label : null);

const DETECTORS: Detector[] = [
  {
    id: 'eicar-test-file',
    rule: 'malicious-code',
    binary: true,
    anchors: [Buffer.from('EICAR-STANDARD-ANTIVIRUS-TEST-FILE!')],
    check: (_line, around) => (around.includes('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*') ? 'EICAR anti-virus test string' : null)
  },
  {
    id: 'reverse-shell-dev-tcp',
    rule: 'malicious-code',
    anchors: [Buffer.from('/dev/tcp/'), Buffer.from('/dev/udp/')],
    check: lineMatch(
      /(?:\b(?:ba|z|k|da)?sh\s+-i\b.*\/dev\/(?:tcp|udp)\/|[<>]&?\s*\/dev\/(?:tcp|udp)\/[^\s/]+\/\d+|\/dev\/(?:tcp|udp)\/[^\s/]+\/\d+.*\d?>&\s*\d)/,
      'shell redirected to a /dev/tcp or /dev/udp socket (reverse shell)'
    )
  },
  {
    id: 'reverse-shell-netcat',
    rule: 'malicious-code',
    anchors: [Buffer.from('-e /bin/'), Buffer.from('-e sh'), Buffer.from('-e bash'), Buffer.from('-c /bin/')],
    check: lineMatch(
      /\b(?:nc|ncat|netcat)(?:\.traditional|\.openbsd)?\b.*\s-[ec]\s*(?:\/bin\/|\/usr\/bin\/)?(?:ba)?sh\b/,
      'netcat executing a shell (reverse shell)'
    )
  },
  {
    id: 'reverse-shell-socat',
    rule: 'malicious-code',
    anchors: [Buffer.from('socat')],
    check: lineMatch(/\bsocat\b.*\b(?:exec|system):/i, 'socat executing a program over a socket (reverse shell)')
  },
  {
    id: 'reverse-shell-python',
    rule: 'malicious-code',
    anchors: [Buffer.from('dup2(')],
    check: lineMatch(/socket\b.*\.connect\(.*dup2\(.*(?:pty\.spawn|subprocess|\/bin\/(?:ba)?sh)/, 'socket wired to a shell in a one-liner (reverse shell)')
  },
  {
    id: 'reverse-shell-perl',
    rule: 'malicious-code',
    anchors: [Buffer.from('use Socket'), Buffer.from('IO::Socket::INET')],
    check: lineMatch(/(?:use Socket.*connect\(.*(?:exec|system)|IO::Socket::INET.*(?:fdopen|exec|system))/, 'perl socket wired to a shell (reverse shell)')
  },
  {
    id: 'crypto-miner-pool',
    rule: 'malicious-code',
    binary: true,
    anchors: [Buffer.from('stratum+')],
    check: (line) => {
      const m = /stratum\+(?:tcp|ssl|tls):\/\/[^\s"'<>]{0,80}/.exec(line);
      return m ? `crypto-miner pool address ${m[0]}` : null;
    }
  },
  {
    id: 'crypto-miner-config',
    rule: 'malicious-code',
    anchors: [Buffer.from('donate-level'), Buffer.from('cpuminer'), Buffer.from('nicehash')],
    check: lineMatch(/(?:"donate-level"\s*:|--donate-level[= ]\d|\bcpuminer\b.*-o\s|"nicehash"\s*:)/, 'crypto-miner configuration')
  },
  {
    id: 'private-key',
    rule: 'secrets',
    binary: true,
    anchors: [Buffer.from('PRIVATE KEY-----')],
    check: (_line, around) => {
      const m = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----\r?\n(?:Proc-Type:|[A-Za-z0-9+/=]{40,})/.exec(around);
      return m ? `${m[1] || ''}private key` : null;
    }
  },
  {
    id: 'aws-access-key',
    rule: 'secrets',
    anchors: [Buffer.from('AKIA'), Buffer.from('ASIA')],
    check: (line) => {
      const m = /(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])/.exec(line);
      if (!m || m[0].endsWith('EXAMPLE')) return null;
      return `AWS access key ${maskSecret(m[0], 4)}`;
    }
  },
  {
    id: 'huawei-cloud-sk',
    rule: 'secrets',
    // "_SK" with each character the check allows after it (a quote, a space, = or :): the
    // shortest anchor sets how far the search can jump, and "_SK" alone meets every "_SKIP".
    anchors: [...[...'"\'=: \t\v\f\r\xa0'].map((c) => Buffer.from('_SK' + c, 'latin1')), Buffer.from('secret_access_key'), Buffer.from('SecretAccessKey')],
    check: (line) => {
      const m = /(?:\b[A-Za-z_]*_SK|secret_access_key|SecretAccessKey)["']?\s*[=:]\s*["']?([A-Za-z0-9]{40})(?![A-Za-z0-9])/.exec(line);
      return m ? `Huawei Cloud secret key ${maskSecret(m[1], 0)}` : null;
    }
  }
];

/** The searches of text and of binary files, and the detector of each of their anchors. */
function searchOf(detectors: Detector[]) {
  const anchors = detectors.flatMap((d) => d.anchors);
  return { search: new AnchorSearch(anchors), anchors, detectorOf: detectors.flatMap((d) => d.anchors.map(() => DETECTORS.indexOf(d))) };
}
const TEXT = searchOf(DETECTORS);
const BINARY = searchOf(DETECTORS.filter((d) => d.binary));
/** Every detector's bit (a file's matches are kept as bits of a 32-bit number). */
const ALL_FOUND = 2 ** DETECTORS.length - 1;
/** A NUL byte in a file's first bytes marks it binary. */
const SNIFF = 1024;
/**
 * Checks one scanner (one image) makes at most. A check costs a few microseconds, so text made
 * of nothing but anchors ("_SK=_SK=...") would keep a big image's scan busy for hours; real
 * images need a few thousand for gigabytes of source code. Running out is a finding, not a
 * silent stop: otherwise a few megabytes of padding would hide the rest of an image.
 */
const CHECK_BUDGET = 1_000_000;

export class ContentScanner {
  private readonly window = Buffer.allocUnsafe(WINDOW);
  private fill = 0;
  /** Offset in `window` from which anchor starts have not been searched yet. */
  private searchFrom = 0;
  /** The detectors that matched in this file, one bit each (no allocation per file). */
  private found = 0;
  private index = 0;
  private hits: ContentHit[] = [];
  private scanned = 0;
  private limit = 0;
  private binary: boolean | undefined;
  /** The anchors one search met, reused from search to search. */
  private readonly met: { at: number; anchor: number }[] = [];
  private readonly meet = (anchor: number, at: number) => void this.met.push({ at, anchor });
  private checksLeft: number;
  /** Whether a check was needed after the budget ran out (reported once; no file is scanned after). */
  private exhausted = false;
  /** Where in the current file the scan stopped for the budget (-1: it did not). */
  private stoppedAt = -1;

  constructor(private readonly checkBudget = CHECK_BUDGET) {
    this.checksLeft = checkBudget;
  }

  /** Starts a file (entry `index` of the layer); `limit` caps how many of its bytes are scanned. */
  begin(index: number, limit: number): void {
    this.index = index;
    this.limit = limit;
    this.fill = 0;
    this.searchFrom = 0;
    this.scanned = 0;
    this.found = 0;
    this.hits = [];
    this.binary = undefined;
    // Once the scan stopped for the budget, no file is scanned any more (each counts as unscanned).
    this.stoppedAt = this.exhausted ? 0 : -1;
  }

  /** Feeds content; returns false once the per-file limit is reached (or the check budget). */
  feed(chunk: Buffer, isWholeFile: boolean): boolean {
    if (this.scanned >= this.limit || this.stoppedAt !== -1) return false;
    if (chunk.length > this.limit - this.scanned) chunk = chunk.subarray(0, this.limit - this.scanned);
    this.binary ??= chunk.subarray(0, SNIFF).includes(0);
    this.scanned += chunk.length;
    if (isWholeFile) {
      // The common case for small files: scan the caller's buffer in place.
      this.search(chunk, 0, chunk.length);
      return this.scanned < this.limit && this.stoppedAt === -1;
    }
    let pos = 0;
    while (pos < chunk.length && this.stoppedAt === -1) {
      const n = Math.min(WINDOW - this.fill, chunk.length - pos);
      chunk.copy(this.window, this.fill, pos, pos + n);
      this.fill += n;
      pos += n;
      if (this.fill === WINDOW) this.slide();
    }
    return this.scanned < this.limit && this.stoppedAt === -1;
  }

  /** Ends the file and returns what it matched. */
  finish(): ContentHit[] {
    if (this.fill > this.searchFrom && this.stoppedAt === -1) this.search(this.window, this.searchFrom, this.fill);
    this.fill = 0;
    return this.hits;
  }

  /** How many bytes of the current file were scanned. */
  get scannedBytes(): number {
    return this.stoppedAt === -1 ? this.scanned : this.stoppedAt;
  }

  private slide(): void {
    // Anchors starting in the last CONTEXT bytes are searched after the slide, with context.
    const end = this.fill - CONTEXT;
    this.search(this.window, this.searchFrom, end);
    const keep = 2 * CONTEXT;
    this.window.copy(this.window, 0, this.fill - keep, this.fill);
    this.searchFrom = keep - CONTEXT;
    this.fill = keep;
  }

  /** Looks for anchors starting in [from, to) of buf; the anchor itself may run past `to`. */
  private search(buf: Buffer, from: number, to: number): void {
    if (from >= to || this.found === ALL_FOUND) return;
    const { search, anchors, detectorOf } = this.binary ? BINARY : TEXT;
    const limit = buf === this.window ? this.fill : buf.length;
    const met = this.met;
    met.length = 0;
    search.search(buf, from, to, limit, this.meet);
    // Checked in the order of the text, so that each detector reports its first match.
    met.sort((a, b) => a.at - b.at || a.anchor - b.anchor);
    for (const { at, anchor } of met) {
      const bit = 1 << detectorOf[anchor];
      if (this.found & bit) continue;
      if (this.checksLeft === 0) return this.stop(this.scanned - limit + at);
      this.checksLeft--;
      const d = DETECTORS[detectorOf[anchor]];
      const evidence = this.check(d, buf, at, anchors[anchor].length);
      if (evidence) {
        this.found |= bit;
        this.hits.push({ detector: d.id, rule: d.rule, index: this.index, evidence });
      }
    }
  }

  /** The check budget ran out at byte `at` of the file: that is a finding, and the scan ends. */
  private stop(at: number): void {
    this.exhausted = true;
    this.stoppedAt = at;
    const evidence = `so many look-alikes of malware or credentials that the scan stopped there (${this.checkBudget.toLocaleString('en')} checked in this image; what follows was not scanned)`;
    this.hits.push({ detector: 'scan-budget', rule: 'malicious-code', index: this.index, evidence });
  }

  private check(d: Detector, buf: Buffer, at: number, anchorLength: number): string | null {
    const start = Math.max(0, at - CONTEXT);
    const end = Math.min(buf === this.window ? this.fill : buf.length, at + anchorLength + CONTEXT);
    const around = buf.toString('latin1', start, end);
    const rel = at - start;
    const lineStart = around.lastIndexOf('\n', rel) + 1;
    let lineEnd = around.indexOf('\n', rel + anchorLength);
    if (lineEnd === -1) lineEnd = around.length;
    return d.check(around.slice(lineStart, lineEnd), around);
  }
}
