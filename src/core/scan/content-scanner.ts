// Streams file content past the content detectors the rules asked for (malicious code, secrets).
// Each detector has literal anchors and a check that looks at the text around an anchor. Each
// file is searched for the anchors in one pass over its bytes (LiteralSearch): text files for all anchors, binary
// files (a NUL byte in their first bytes) only for the anchors that matter in binaries. Content
// goes through a sliding window so that a pattern split between two chunks is still found, and
// the window is copied only when a file spans chunks.
import type { ContentHit } from './scan-results';
import { LiteralSearch } from './literal-search';

/** Context kept on each side of an anchor for its check; also the overlap between windows. */
const CONTEXT = 512;
const WINDOW = 256 * 1024;

/** A content detector, declared by a rule (rules/content-detectors.ts). */
export interface ContentDetector {
  id: string;
  /** Literal byte strings that every match contains: the scan stops only where one occurs. */
  anchors: readonly Buffer[];
  /** Also searched in binary files (miners hide pool addresses in executables). */
  binary?: boolean;
  /** Returns the evidence to report, or null when the text around the anchor is benign. */
  check(line: string, around: string): string | null;
}

/** The detector id of the hit that says the scan stopped at its budget of checks (see CHECK_BUDGET). */
export const SCAN_BUDGET_DETECTOR = 'scan-budget';
/** A file's matches are kept as bits of a 32-bit number. */
const MAX_DETECTORS = 31;

/** The search of text or of binary files, and the detector (an index) of each of its anchors. */
interface DetectorSearch {
  search: LiteralSearch | null;
  anchors: readonly Buffer[];
  detectorOf: number[];
}

function searchOf(detectors: readonly ContentDetector[], chosen: (d: ContentDetector) => boolean): DetectorSearch {
  const used = detectors.filter(chosen);
  const anchors = used.flatMap((d) => d.anchors);
  return { search: anchors.length ? new LiteralSearch(anchors) : null, anchors, detectorOf: used.flatMap((d) => d.anchors.map(() => detectors.indexOf(d))) };
}

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
  private readonly text: DetectorSearch;
  private readonly binaries: DetectorSearch;
  /** Every detector's bit: once all matched in a file, the rest of it need not be searched. */
  private readonly allFound: number;

  constructor(
    private readonly detectors: readonly ContentDetector[],
    private readonly checkBudget = CHECK_BUDGET
  ) {
    if (detectors.length > MAX_DETECTORS) throw new Error(`at most ${MAX_DETECTORS} content detectors can run at once`);
    this.checksLeft = checkBudget;
    this.text = searchOf(detectors, () => true);
    this.binaries = searchOf(detectors, (d) => d.binary === true);
    this.allFound = 2 ** detectors.length - 1;
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
    if (from >= to || this.found === this.allFound) return;
    const { search, anchors, detectorOf } = this.binary ? this.binaries : this.text;
    if (!search) return;
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
      const d = this.detectors[detectorOf[anchor]];
      const evidence = this.check(d, buf, at, anchors[anchor].length);
      if (evidence) {
        this.found |= bit;
        this.hits.push({ detector: d.id, index: this.index, evidence });
      }
    }
  }

  /** The check budget ran out at byte `at` of the file: that is a finding, and the scan ends. */
  private stop(at: number): void {
    this.exhausted = true;
    this.stoppedAt = at;
    const evidence = `so many look-alikes of malware or credentials that the scan stopped there (${this.checkBudget.toLocaleString('en')} checked in this image; what follows was not scanned)`;
    this.hits.push({ detector: SCAN_BUDGET_DETECTOR, index: this.index, evidence });
  }

  private check(d: ContentDetector, buf: Buffer, at: number, anchorLength: number): string | null {
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
