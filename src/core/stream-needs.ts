// What rules ask to see of the layers while they stream by. Nothing of a file body is kept
// unless a rule asks: its text (passwd, scripts, credential files), a content tag to compare it
// with the base image's, or a content detector's look at it. Each rule declares its needs
// beside its check (Rule.needs); the layer walker and the scan workers serve the union, so a
// new rule never edits the hot path.

/** Files whose text a rule reads: by exact path, by a pattern over paths, or by their first bytes. */
export interface TextNeed {
  paths?: readonly string[];
  pattern?: RegExp;
  /** Decides from a file's first bytes (a #! line, say), for files not chosen by path. */
  head?: (head: Buffer) => boolean;
  /** Larger files are not kept. */
  maxBytes: number;
}

/** What the content-tag predicate is told of a file besides its path. */
export interface TaggedFile {
  mode: number;
  /** Its `security.capability` attribute, when it has one. */
  capability?: Buffer;
}

export interface StreamNeeds {
  texts?: readonly TextNeed[];
  /** Files whose content a rule compares with the base image's at the same path. */
  contentTag?: (path: string, file: TaggedFile) => boolean;
  /** Content detectors (rules/content-detectors.ts) to run over every file of the custom layers. */
  detectors?: readonly string[];
}

/** The union of several rules' needs, in the form the layer walker asks it. */
export class CombinedNeeds {
  private readonly exact = new Map<string, number>();
  private readonly patterns: { pattern: RegExp; maxBytes: number }[] = [];
  private readonly heads: { head: (head: Buffer) => boolean; maxBytes: number }[] = [];
  private readonly taggers: ((path: string, file: TaggedFile) => boolean)[] = [];
  readonly detectors: readonly string[];
  /** The largest file any head test may keep: bigger ones need not wait for their first bytes. */
  readonly maxHeadBytes: number;

  constructor(needs: readonly StreamNeeds[]) {
    // Rules that read the same files share one TextNeed: taken once.
    const texts = new Set(needs.flatMap((n) => n.texts ?? []));
    for (const t of texts) {
      for (const p of t.paths ?? []) this.exact.set(p, Math.max(this.exact.get(p) ?? 0, t.maxBytes));
      if (t.pattern) this.patterns.push({ pattern: t.pattern, maxBytes: t.maxBytes });
      if (t.head) this.heads.push({ head: t.head, maxBytes: t.maxBytes });
    }
    for (const n of needs) if (n.contentTag) this.taggers.push(n.contentTag);
    this.detectors = [...new Set(needs.flatMap((n) => n.detectors ?? []))];
    this.maxHeadBytes = Math.max(0, ...this.heads.map((h) => h.maxBytes));
  }

  /** The largest size at which a rule keeps the text of the file at `path`, judged by its path (0: none). */
  textLimitByPath(path: string): number {
    let max = this.exact.get(path) ?? 0;
    for (const p of this.patterns) if (p.maxBytes > max && p.pattern.test(path)) max = p.maxBytes;
    return max;
  }

  /** Whether a rule keeps the text of a file of `size` bytes that starts with `head`. */
  keepsTextByHead(head: Buffer, size: number): boolean {
    return this.heads.some((h) => size <= h.maxBytes && h.head(head));
  }

  /** Whether a rule compares this file's content with the base image's. */
  needsContentTag(path: string, file: TaggedFile): boolean {
    for (const t of this.taggers) if (t(path, file)) return true;
    return false;
  }
}
