"use strict";

// src/core/scan/scan-worker.ts
var import_node_worker_threads = require("node:worker_threads");

// src/core/scan/stream-processor.ts
var import_node_crypto2 = require("node:crypto");

// src/core/text/plural.ts
function count(n, noun) {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

// src/core/text/mask.ts
function maskSecret(value, keep) {
  if (keep <= 0 || value.length <= keep * 2) return `${"*".repeat(Math.min(value.length, 8))} (${count(value.length, "character")}, masked)`;
  return value.slice(0, keep) + "*".repeat(Math.min(value.length - keep, 16));
}

// src/core/rules/secret-patterns.ts
var AWS_ACCESS_KEY = /(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])/;
var AWS_KEY = new RegExp(AWS_ACCESS_KEY.source, "g");
var isExampleKey = (key) => key.endsWith("EXAMPLE");
var PRIVATE_KEY_HEADER = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----/;
var PRIVATE_KEY_BLOCK = new RegExp(`${PRIVATE_KEY_HEADER.source}[\\s\\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$)`, "g");

// src/core/rules/credential-detectors.ts
var PRIVATE_KEY = new RegExp(`${PRIVATE_KEY_HEADER.source}\\r?\\n(?:Proc-Type:|[A-Za-z0-9+/=]{40,})`);
var CREDENTIAL_DETECTORS = [
  {
    id: "private-key",
    binary: true,
    anchors: [Buffer.from("PRIVATE KEY-----")],
    check: (_line, around) => {
      const m = PRIVATE_KEY.exec(around);
      return m ? `${m[1] || ""}private key` : null;
    }
  },
  {
    id: "aws-access-key",
    anchors: [Buffer.from("AKIA"), Buffer.from("ASIA")],
    check: (line) => {
      const m = AWS_ACCESS_KEY.exec(line);
      if (!m || isExampleKey(m[0])) return null;
      return `AWS access key ${maskSecret(m[0], 4)}`;
    }
  },
  {
    id: "huawei-cloud-sk",
    // "_SK" with each character the check allows after it (a quote, a space, = or :): the
    // shortest anchor sets how far the search can jump, and "_SK" alone meets every "_SKIP".
    anchors: [...[...`"'=: 	\v\f\r\xA0`].map((c) => Buffer.from("_SK" + c, "latin1")), Buffer.from("secret_access_key"), Buffer.from("SecretAccessKey")],
    check: (line) => {
      const m = /(?:\b[A-Za-z_]*_SK|secret_access_key|SecretAccessKey)["']?\s*[=:]\s*["']?([A-Za-z0-9]{40})(?![A-Za-z0-9])/.exec(line);
      return m ? `Huawei Cloud secret key ${maskSecret(m[1], 0)}` : null;
    }
  }
];

// src/core/rules/malware-detectors.ts
var lineMatch = (re, label) => (line) => re.test(line) ? label : null;
var MALWARE_DETECTORS = [
  {
    id: "eicar-test-file",
    binary: true,
    anchors: [Buffer.from("EICAR-STANDARD-ANTIVIRUS-TEST-FILE!")],
    check: (_line, around) => around.includes("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*") ? "EICAR anti-virus test string" : null
  },
  {
    id: "reverse-shell-dev-tcp",
    anchors: [Buffer.from("/dev/tcp/"), Buffer.from("/dev/udp/")],
    check: lineMatch(
      /(?:\b(?:ba|z|k|da)?sh\s+-i\b.*\/dev\/(?:tcp|udp)\/|[<>]&?\s*\/dev\/(?:tcp|udp)\/[^\s/]+\/\d+|\/dev\/(?:tcp|udp)\/[^\s/]+\/\d+.*\d?>&\s*\d)/,
      "shell redirected to a /dev/tcp or /dev/udp socket (reverse shell)"
    )
  },
  {
    id: "reverse-shell-netcat",
    anchors: [Buffer.from("-e /bin/"), Buffer.from("-e sh"), Buffer.from("-e bash"), Buffer.from("-c /bin/")],
    check: lineMatch(
      /\b(?:nc|ncat|netcat)(?:\.traditional|\.openbsd)?\b.*\s-[ec]\s*(?:\/bin\/|\/usr\/bin\/)?(?:ba)?sh\b/,
      "netcat executing a shell (reverse shell)"
    )
  },
  {
    id: "reverse-shell-socat",
    anchors: [Buffer.from("socat")],
    check: lineMatch(/\bsocat\b.*\b(?:exec|system):/i, "socat executing a program over a socket (reverse shell)")
  },
  {
    id: "reverse-shell-python",
    anchors: [Buffer.from("dup2(")],
    check: lineMatch(/socket\b.*\.connect\(.*dup2\(.*(?:pty\.spawn|subprocess|\/bin\/(?:ba)?sh)/, "socket wired to a shell in a one-liner (reverse shell)")
  },
  {
    id: "reverse-shell-perl",
    anchors: [Buffer.from("use Socket"), Buffer.from("IO::Socket::INET")],
    check: lineMatch(/(?:use Socket.*connect\(.*(?:exec|system)|IO::Socket::INET.*(?:fdopen|exec|system))/, "perl socket wired to a shell (reverse shell)")
  },
  {
    id: "crypto-miner-pool",
    binary: true,
    anchors: [Buffer.from("stratum+")],
    check: (line) => {
      const m = /stratum\+(?:tcp|ssl|tls):\/\/[^\s"'<>]{0,80}/.exec(line);
      return m ? `crypto-miner pool address ${m[0]}` : null;
    }
  },
  {
    id: "crypto-miner-config",
    anchors: [Buffer.from("donate-level"), Buffer.from("cpuminer"), Buffer.from("nicehash")],
    check: lineMatch(/(?:"donate-level"\s*:|--donate-level[= ]\d|\bcpuminer\b.*-o\s|"nicehash"\s*:)/, "crypto-miner configuration")
  }
];

// src/core/rules/content-detectors.ts
var CONTENT_DETECTORS = [...MALWARE_DETECTORS, ...CREDENTIAL_DETECTORS];
function detectorsWithIds(ids) {
  const wanted = new Set(ids);
  return CONTENT_DETECTORS.filter((d) => wanted.has(d.id));
}

// src/core/scan/literal-search.ts
function commonness(byte) {
  const rank = " etaoinsrhldcumfpgwybvkxjqz".indexOf(String.fromCharCode(byte));
  if (rank !== -1) return 30 - rank;
  return `
	._(),=:/-"'`.includes(String.fromCharCode(byte)) ? 6 : 2;
}
var pairAt = (bytes, end) => bytes[end - 1] << 8 | bytes[end];
var LiteralSearch = class {
  constructor(anchors) {
    this.anchors = anchors;
    this.keyLength = Math.min(...anchors.map((a) => a.length));
    if (!(this.keyLength >= 2 && this.keyLength <= 255)) throw new Error("anchors must be 2 to 255 bytes long");
    const m = this.keyLength;
    this.keyOffset = anchors.map((a) => {
      let best = 0;
      let bestScore = Infinity;
      for (let at = 0; at + m <= a.length; at++) {
        let score = 0;
        for (let j = 1; j < m; j++) score += commonness(a[at + j - 1]) * commonness(a[at + j]) * (j === m - 1 ? 8 : 1);
        if (score < bestScore) [best, bestScore] = [at, score];
      }
      return best;
    });
    this.maxKeyOffset = Math.max(...this.keyOffset);
    this.shift.fill(m - 1);
    anchors.forEach((a, k) => {
      const key = a.subarray(this.keyOffset[k], this.keyOffset[k] + m);
      for (let j = 1; j < m; j++) this.shift[pairAt(key, j)] = Math.min(this.shift[pairAt(key, j)], m - 1 - j);
      (this.endingIn[pairAt(key, m - 1)] ??= []).push(k);
    });
  }
  anchors;
  /** Bytes in every key: the length of the shortest anchor. */
  keyLength;
  /** Where each anchor's key starts within the anchor. */
  keyOffset;
  maxKeyOffset;
  /** How far the search may move on when a byte pair ends where a key would end. */
  shift = new Uint8Array(65536);
  /** The anchors whose key ends with each byte pair (only pairs whose shift is 0). */
  endingIn = [];
  /**
   * Calls `found` for each occurrence of an anchor that starts in [from, to) of `bytes` and
   * ends by `limit`, in the order in which the search meets them (by where their keys end).
   */
  search(bytes, from, to, limit, found) {
    const m = this.keyLength;
    const end = Math.min(limit, to + this.maxKeyOffset + m - 1);
    for (let pos = from + m - 1; pos < end; ) {
      const pair = pairAt(bytes, pos);
      const shift = this.shift[pair];
      if (shift !== 0) {
        pos += shift;
        continue;
      }
      for (const k of this.endingIn[pair]) {
        const anchor = this.anchors[k];
        const at = pos - m + 1 - this.keyOffset[k];
        if (at < from || at >= to || at + anchor.length > limit) continue;
        let i = 0;
        while (i < anchor.length && bytes[at + i] === anchor[i]) i++;
        if (i === anchor.length) found(k, at);
      }
      pos++;
    }
  }
};

// src/core/scan/content-scanner.ts
var CONTEXT = 512;
var WINDOW = 256 * 1024;
var SCAN_BUDGET_DETECTOR = "scan-budget";
var MAX_DETECTORS = 31;
function searchOf(detectors, chosen) {
  const used = detectors.filter(chosen);
  const anchors = used.flatMap((d) => d.anchors);
  return { search: anchors.length ? new LiteralSearch(anchors) : null, anchors, detectorOf: used.flatMap((d) => d.anchors.map(() => detectors.indexOf(d))) };
}
var SNIFF = 1024;
var CHECK_BUDGET = 1e6;
var ContentScanner = class {
  constructor(detectors, checkBudget = CHECK_BUDGET) {
    this.detectors = detectors;
    this.checkBudget = checkBudget;
    if (detectors.length > MAX_DETECTORS) throw new Error(`at most ${MAX_DETECTORS} content detectors can run at once`);
    this.checksLeft = checkBudget;
    this.text = searchOf(detectors, () => true);
    this.binaries = searchOf(detectors, (d) => d.binary === true);
    this.allFound = 2 ** detectors.length - 1;
  }
  detectors;
  checkBudget;
  window = Buffer.allocUnsafe(WINDOW);
  fill = 0;
  /** Offset in `window` from which anchor starts have not been searched yet. */
  searchFrom = 0;
  /** The detectors that matched in this file, one bit each (no allocation per file). */
  found = 0;
  index = 0;
  hits = [];
  scanned = 0;
  limit = 0;
  binary;
  /** The anchors one search met, reused from search to search. */
  met = [];
  meet = (anchor, at) => void this.met.push({ at, anchor });
  checksLeft;
  /** Whether a check was needed after the budget ran out (reported once; no file is scanned after). */
  exhausted = false;
  /** Where in the current file the scan stopped for the budget (-1: it did not). */
  stoppedAt = -1;
  text;
  binaries;
  /** Every detector's bit: once all matched in a file, the rest of it need not be searched. */
  allFound;
  /** Starts a file (entry `index` of the layer); `limit` caps how many of its bytes are scanned. */
  begin(index2, limit) {
    this.index = index2;
    this.limit = limit;
    this.fill = 0;
    this.searchFrom = 0;
    this.scanned = 0;
    this.found = 0;
    this.hits = [];
    this.binary = void 0;
    this.stoppedAt = this.exhausted ? 0 : -1;
  }
  /** Feeds content; returns false once the per-file limit is reached (or the check budget). */
  feed(chunk, isWholeFile) {
    if (this.scanned >= this.limit || this.stoppedAt !== -1) return false;
    if (chunk.length > this.limit - this.scanned) chunk = chunk.subarray(0, this.limit - this.scanned);
    this.binary ??= chunk.subarray(0, SNIFF).includes(0);
    this.scanned += chunk.length;
    if (isWholeFile) {
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
  finish() {
    if (this.fill > this.searchFrom && this.stoppedAt === -1) this.search(this.window, this.searchFrom, this.fill);
    this.fill = 0;
    return this.hits;
  }
  /** How many bytes of the current file were scanned. */
  get scannedBytes() {
    return this.stoppedAt === -1 ? this.scanned : this.stoppedAt;
  }
  slide() {
    const end = this.fill - CONTEXT;
    this.search(this.window, this.searchFrom, end);
    const keep = 2 * CONTEXT;
    this.window.copy(this.window, 0, this.fill - keep, this.fill);
    this.searchFrom = keep - CONTEXT;
    this.fill = keep;
  }
  /** Looks for anchors starting in [from, to) of buf; the anchor itself may run past `to`. */
  search(buf, from, to) {
    if (from >= to || this.found === this.allFound) return;
    const { search, anchors, detectorOf } = this.binary ? this.binaries : this.text;
    if (!search) return;
    const limit = buf === this.window ? this.fill : buf.length;
    const met = this.met;
    met.length = 0;
    search.search(buf, from, to, limit, this.meet);
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
  stop(at) {
    this.exhausted = true;
    this.stoppedAt = at;
    const evidence = `so many look-alikes of malware or credentials that the scan stopped there (${this.checkBudget.toLocaleString("en")} checked in this image; what follows was not scanned)`;
    this.hits.push({ detector: SCAN_BUDGET_DETECTOR, index: this.index, evidence });
  }
  check(d, buf, at, anchorLength) {
    const start = Math.max(0, at - CONTEXT);
    const end = Math.min(buf === this.window ? this.fill : buf.length, at + anchorLength + CONTEXT);
    const around = buf.toString("latin1", start, end);
    const rel = at - start;
    const lineStart = around.lastIndexOf("\n", rel) + 1;
    let lineEnd = around.indexOf("\n", rel + anchorLength);
    if (lineEnd === -1) lineEnd = around.length;
    return d.check(around.slice(lineStart, lineEnd), around);
  }
};

// src/core/scan/content-tag.ts
var import_node_crypto = require("node:crypto");
var TAG_BYTES = 32;
var KEYED_FROM = 16 * 1024;
var NONCE = Buffer.alloc(12);
var ContentTagger = class {
  constructor(key) {
    this.key = key;
  }
  key;
  /** The tag of a body given whole. */
  whole(body) {
    if (body.length < KEYED_FROM) return (0, import_node_crypto.hash)("sha256", body, "buffer");
    const mac = this.mac();
    mac.setAAD(body);
    return gmacTag(mac);
  }
  /** A tag for a body of `size` bytes that arrives in pieces. */
  start(size) {
    if (size < KEYED_FROM) return new Sha256Tag((0, import_node_crypto.createHash)("sha256"));
    return new GmacTag(this.mac());
  }
  mac() {
    return (0, import_node_crypto.createCipheriv)("aes-256-gcm", this.key, NONCE);
  }
};
function gmacTag(mac) {
  mac.final();
  const tag = new Uint8Array(TAG_BYTES);
  tag.set(mac.getAuthTag());
  return tag;
}
var Sha256Tag = class {
  constructor(h) {
    this.h = h;
  }
  h;
  update(part) {
    this.h.update(part);
  }
  finish() {
    return this.h.digest();
  }
};
var GmacTag = class {
  constructor(mac) {
    this.mac = mac;
  }
  mac;
  update(part) {
    this.mac.setAAD(part);
  }
  finish() {
    return gmacTag(this.mac);
  }
};

// src/core/scan/scan-results.ts
function emptyContentTags() {
  return { count: 0, indices: new Uint32Array(0), bytes: new Uint8Array(0) };
}
function addContentTag(list, index2, tag) {
  if (list.count === list.indices.length) {
    const n = Math.max(256, list.count * 2);
    const indices = new Uint32Array(n);
    indices.set(list.indices);
    const bytes = new Uint8Array(n * TAG_BYTES);
    bytes.set(list.bytes);
    list.indices = indices;
    list.bytes = bytes;
  }
  list.indices[list.count] = index2;
  list.bytes.set(tag, list.count * TAG_BYTES);
  list.count++;
}
function emptyStreamResult() {
  return { tags: emptyContentTags(), hits: [], truncatedFiles: 0, unscannedBytes: 0 };
}

// src/core/scan/stream-processor.ts
var TAG = 1;
var SCAN = 2;
var StreamProcessor = class {
  constructor(work2) {
    this.work = work2;
    this.tagger = new ContentTagger(work2.tagKey);
    this.scanner = work2.detectors.length ? new ContentScanner(detectorsWithIds(work2.detectors)) : null;
  }
  work;
  hash = null;
  scanner;
  /** The ranges this processor works on, four numbers each, in stream order (not objects: GC). */
  queue = new Float64Array(4 * 1024);
  head = 0;
  tail = 0;
  offset = 0;
  /** The file body being read: entry index, where it starts and ends; index -1 when none. */
  index = -1;
  bodyStart = 0;
  bodyEnd = 0;
  /** Whether the current file's content tag is wanted; a body in one piece gets it in one call. */
  tagWanted = false;
  partTag = null;
  wholeTag = null;
  /** Whether the current file is scanned, and whether its scan still wants bytes. */
  scanFile = false;
  scanning = false;
  result = emptyStreamResult();
  tagger;
  begin() {
    this.hash = this.work.layerHash ? (0, import_node_crypto2.createHash)("sha256") : null;
    this.head = 0;
    this.tail = 0;
    this.offset = 0;
    this.index = -1;
    this.result = emptyStreamResult();
  }
  addRanges(ranges) {
    for (let i = 0; i < ranges.length; i += 4) {
      const flags = ranges[i + 3];
      if (!(flags & TAG && this.work.tags || flags & SCAN && this.scanner !== null)) continue;
      if (this.tail + 4 > this.queue.length) this.makeRoom();
      const q = this.queue;
      const t = this.tail;
      q[t] = ranges[i];
      q[t + 1] = ranges[i + 1];
      q[t + 2] = ranges[i + 2];
      q[t + 3] = flags;
      this.tail = t + 4;
    }
  }
  data(chunk) {
    this.hash?.update(chunk);
    const end = this.offset + chunk.length;
    let pos = this.offset;
    while (pos < end) {
      if (this.index === -1) {
        if (this.head === this.tail || this.queue[this.head + 1] >= end) break;
        this.open();
        pos = Math.max(pos, this.bodyStart);
      }
      const stop = Math.min(end, this.bodyEnd);
      if (stop > pos) this.feed(Buffer.from(chunk.buffer, chunk.byteOffset + (pos - this.offset), stop - pos), pos === this.bodyStart && stop === this.bodyEnd);
      pos = stop;
      if (pos === this.bodyEnd) this.close();
    }
    this.offset = end;
  }
  /**
   * Moves past `n` bytes of the stream that no range needs: the rest of files whose scan has
   * reached its limit, and files that are neither tagged nor scanned. Never for a hashed layer.
   */
  skip(n) {
    const end = this.offset + n;
    const needed = this.hash !== null || this.index !== -1 && (this.tagWanted || this.scanning) && this.bodyEnd > this.offset || this.head !== this.tail && this.queue[this.head + 1] < end;
    if (needed) throw new Error(`bytes ${this.offset} to ${end} of the layer were skipped but are needed`);
    if (this.index !== -1 && this.bodyEnd <= end) this.close();
    this.offset = end;
  }
  end() {
    if (this.index !== -1) this.close();
    const result = this.result;
    const d = result.tags;
    result.tags = { count: d.count, indices: d.indices.slice(0, d.count), bytes: d.bytes.slice(0, d.count * TAG_BYTES) };
    if (this.hash) result.diffId = "sha256:" + this.hash.digest("hex");
    this.hash = null;
    this.result = emptyStreamResult();
    return result;
  }
  /** Drops the ranges already read, or grows the queue. */
  makeRoom() {
    if (this.head > 0) {
      this.queue.copyWithin(0, this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
    if (this.tail + 4 > this.queue.length) {
      const bigger = new Float64Array(this.queue.length * 2);
      bigger.set(this.queue.subarray(0, this.tail));
      this.queue = bigger;
    }
  }
  open() {
    const q = this.queue;
    const h = this.head;
    this.index = q[h];
    this.bodyStart = q[h + 1];
    this.bodyEnd = q[h + 1] + q[h + 2];
    const flags = q[h + 3];
    this.head = h + 4;
    this.tagWanted = (flags & TAG) !== 0 && this.work.tags;
    this.scanFile = (flags & SCAN) !== 0 && this.scanner !== null;
    this.scanning = this.scanFile;
    if (this.scanFile) this.scanner.begin(this.index, this.work.scanLimit);
  }
  feed(part, whole) {
    if (this.tagWanted) {
      if (whole) this.wholeTag = this.tagger.whole(part);
      else (this.partTag ??= this.tagger.start(this.bodyEnd - this.bodyStart)).update(part);
    }
    if (this.scanning) this.scanning = this.scanner.feed(part, whole);
  }
  close() {
    if (this.tagWanted) addContentTag(this.result.tags, this.index, this.wholeTag ?? (this.partTag ?? this.tagger.start(0)).finish());
    if (this.scanFile) {
      this.result.hits.push(...this.scanner.finish());
      const size = this.bodyEnd - this.bodyStart;
      if (this.scanner.scannedBytes < size) {
        this.result.truncatedFiles++;
        this.result.unscannedBytes += size - this.scanner.scannedBytes;
      }
    }
    this.index = -1;
    this.tagWanted = false;
    this.partTag = null;
    this.wholeTag = null;
    this.scanFile = false;
    this.scanning = false;
  }
};

// src/core/scan/shared-ring.ts
var SLOTS = 4;
var SLOT_BYTES = 1024 * 1024;
var SLOT_RANGES = 2048;
var RANGE_NUMBERS = SLOT_RANGES * 4;
var PRODUCED = 0;
var STOP = 1;
var PRODUCER_SLEEPS = 2;
var CONSUMERS = 3;
var consumed = (c) => CONSUMERS + 2 * c;
var sleeps = (c) => CONSUMERS + 2 * c + 1;
var META_WORDS = 4;
var MAX_SKIP = 2 ** 30;
var BATCH = SLOTS / 2;
var RingConsumer = class {
  constructor(memory, index2) {
    this.index = index2;
    this.meta = CONSUMERS + 2 * memory.consumers;
    this.control = new Int32Array(memory.control);
    this.data = new Uint8Array(memory.data);
    this.ranges = new Float64Array(memory.ranges);
  }
  index;
  control;
  data;
  ranges;
  meta;
  consumed = 0;
  /** The next slot, blocking until it is published; null once the producer stopped. */
  next() {
    while (Atomics.load(this.control, PRODUCED) === this.consumed) {
      if (Atomics.load(this.control, STOP)) return null;
      Atomics.store(this.control, sleeps(this.index), 1);
      if (Atomics.load(this.control, PRODUCED) === this.consumed && !Atomics.load(this.control, STOP)) Atomics.wait(this.control, PRODUCED, this.consumed);
      Atomics.store(this.control, sleeps(this.index), 0);
    }
    const slot = this.consumed % SLOTS;
    const at = this.meta + slot * META_WORDS;
    const start = slot * RANGE_NUMBERS;
    return {
      op: this.control[at],
      data: this.data.subarray(slot * SLOT_BYTES, slot * SLOT_BYTES + this.control[at + 1]),
      ranges: this.ranges.subarray(start, start + this.control[at + 2]),
      skipAfter: this.control[at + 3]
    };
  }
  /** Hands the slot returned by next() back to the producer. */
  release() {
    this.consumed++;
    Atomics.store(this.control, consumed(this.index), this.consumed);
    if (!Atomics.load(this.control, PRODUCER_SLEEPS)) return;
    const pending = Atomics.load(this.control, PRODUCED) - this.consumed;
    if (SLOTS - pending >= BATCH || pending === 0) Atomics.notify(this.control, consumed(this.index));
  }
};

// src/core/scan/scan-worker.ts
var { work, ring, index } = import_node_worker_threads.workerData;
var processor = new StreamProcessor(work);
var consumer = new RingConsumer(ring, index);
try {
  for (let slot = consumer.next(); slot !== null; slot = consumer.next()) {
    if (slot.op === 1 /* Begin */) processor.begin();
    else if (slot.op === 2 /* Data */) {
      if (slot.ranges.length) processor.addRanges(slot.ranges);
      processor.data(slot.data);
      if (slot.skipAfter) processor.skip(slot.skipAfter);
    } else {
      const result = processor.end();
      import_node_worker_threads.parentPort.postMessage({ t: "result", result }, [result.tags.indices.buffer, result.tags.bytes.buffer]);
    }
    consumer.release();
  }
} catch (err) {
  import_node_worker_threads.parentPort.postMessage({ t: "error", message: err.message });
}
