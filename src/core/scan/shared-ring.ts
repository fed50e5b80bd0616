// A ring of slots in shared memory that carries layer chunks (and the file ranges found in
// them) from the parser's thread, the one producer, to the scan workers, consumers that each
// read every slot. Counters in shared memory, read and written with Atomics, say which slots
// are full and which every consumer has finished; this replaced a postMessage per chunk per
// worker and its acknowledgement. Waking a sleeping thread is the expensive part (a futex
// call and a context switch, about 0.1 ms), so a consumer that runs dry says it sleeps and is woken
// only once half the ring is ready for it, not for every slot. The producer never blocks its
// event loop (Atomics.waitAsync); consumers are worker threads with nothing else to do, so
// they block in Atomics.wait.

export const enum Op {
  Begin = 1,
  Data = 2,
  End = 3
}

export const SLOTS = 4;
export const SLOT_BYTES = 1024 * 1024;
/** File ranges (four numbers each) one slot carries; more go in further slots. */
export const SLOT_RANGES = 2048;
const RANGE_NUMBERS = SLOT_RANGES * 4;

// Control words: how many slots were published, whether to stop, whether the producer sleeps;
// then per consumer: how many slots it has finished, whether it sleeps. Then four words per
// slot: op, data length, range numbers, bytes of the stream skipped after the data.
const PRODUCED = 0;
const STOP = 1;
const PRODUCER_SLEEPS = 2;
const CONSUMERS = 3;
const consumed = (c: number) => CONSUMERS + 2 * c;
const sleeps = (c: number) => CONSUMERS + 2 * c + 1;
const META_WORDS = 4;
/** Bytes one slot may skip (the control words are 32-bit). */
const MAX_SKIP = 2 ** 30;
/** A sleeping consumer is woken once this many slots are ready for it (or at the end of a layer). */
const BATCH = SLOTS / 2;

export interface RingMemory {
  consumers: number;
  control: SharedArrayBuffer;
  data: SharedArrayBuffer;
  ranges: SharedArrayBuffer;
}

export interface RingSlot {
  op: Op;
  /** Valid until release(): the slot is then reused. */
  data: Uint8Array;
  ranges: Float64Array;
  /** Bytes of the layer stream that follow `data` and are not sent (no consumer needs them). */
  skipAfter: number;
}

/** How long a waiting producer sleeps before it looks again for a failed consumer. */
const RECHECK_MS = 1000;

export class RingProducer {
  readonly memory: RingMemory;
  private readonly control: Int32Array;
  private readonly data: Uint8Array;
  private readonly ranges: Float64Array;
  private readonly meta: number;
  private produced = 0;
  /** The slot being filled (-1: none), and how much of it is used. */
  private open = -1;
  private openBytes = 0;
  private openRanges = 0;
  private openSkip = 0;

  /** `failure` is asked while waiting for consumers: a dead consumer must not hang the producer. */
  constructor(
    consumers: number,
    private readonly failure: () => Error | null
  ) {
    this.meta = CONSUMERS + 2 * consumers;
    this.memory = {
      consumers,
      control: new SharedArrayBuffer((this.meta + SLOTS * META_WORDS) * 4),
      data: new SharedArrayBuffer(SLOTS * SLOT_BYTES),
      ranges: new SharedArrayBuffer(SLOTS * RANGE_NUMBERS * 8)
    };
    this.control = new Int32Array(this.memory.control);
    this.data = new Uint8Array(this.memory.data);
    this.ranges = new Float64Array(this.memory.ranges);
  }

  /** Publishes a slot that carries an op alone (Begin, End), after the bytes before it. */
  async signal(op: Op.Begin | Op.End): Promise<void> {
    this.flush();
    await this.openSlot();
    this.commit(op);
  }

  /**
   * Adds a chunk of any size and the ranges of the files that start in it. Small chunks (a
   * daemon's HTTP stream, decompressed data) share slots: a slot is published once full.
   */
  async publishData(ranges: Float64Array, chunk: Uint8Array): Promise<void> {
    await this.putRanges(ranges);
    // Bytes after a skip start a slot of their own (a slot's data precedes its skip).
    if (this.openSkip > 0 && chunk.length > 0) this.commit(Op.Data);
    for (let pos = 0; pos < chunk.length;) {
      if (this.open === -1) await this.openSlot();
      const n = Math.min(chunk.length - pos, SLOT_BYTES - this.openBytes);
      this.data.set(chunk.subarray(pos, pos + n), this.open * SLOT_BYTES + this.openBytes);
      this.openBytes += n;
      pos += n;
      if (this.openBytes === SLOT_BYTES) this.commit(Op.Data);
    }
  }

  /**
   * Adds the ranges that start in the next `bytes` of the stream, and says those bytes are
   * skipped: no consumer needs them (see ScanWorkers.skip), so they are not copied.
   */
  async publishSkip(ranges: Float64Array, bytes: number): Promise<void> {
    await this.putRanges(ranges);
    if (this.open !== -1 && this.openSkip + bytes > MAX_SKIP) this.commit(Op.Data);
    if (this.open === -1) await this.openSlot();
    this.openSkip += bytes;
  }

  /** Ranges go in the slot that holds (or precedes) the bytes they describe. */
  private async putRanges(ranges: Float64Array): Promise<void> {
    for (let r = 0; r < ranges.length;) {
      if (this.open === -1 || this.openRanges === RANGE_NUMBERS) {
        this.flush();
        await this.openSlot();
      }
      const n = Math.min(ranges.length - r, RANGE_NUMBERS - this.openRanges);
      this.ranges.set(ranges.subarray(r, r + n), this.open * RANGE_NUMBERS + this.openRanges);
      this.openRanges += n;
      r += n;
    }
  }

  /** Publishes the slot being filled, if any. */
  flush(): void {
    if (this.open !== -1) this.commit(Op.Data);
  }

  private async openSlot(): Promise<void> {
    await this.waitForSlot(this.produced);
    this.open = this.produced % SLOTS;
    this.openBytes = 0;
    this.openRanges = 0;
    this.openSkip = 0;
  }

  private commit(op: Op): void {
    const at = this.meta + this.open * META_WORDS;
    this.control[at] = op;
    this.control[at + 1] = this.openBytes;
    this.control[at + 2] = this.openRanges;
    this.control[at + 3] = this.openSkip;
    this.open = -1;
    this.produced++;
    Atomics.store(this.control, PRODUCED, this.produced);
    for (let c = 0; c < this.memory.consumers; c++) {
      if (!Atomics.load(this.control, sleeps(c))) continue;
      if (op !== Op.Data || this.produced - Atomics.load(this.control, consumed(c)) >= BATCH) Atomics.notify(this.control, PRODUCED);
    }
  }

  /** Tells the consumers to return from next() with null. */
  stop(): void {
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, PRODUCED);
  }

  private async waitForSlot(seq: number): Promise<void> {
    // Slot seq % SLOTS is free once every consumer has finished the slot published SLOTS ago.
    const needed = seq - SLOTS + 1;
    for (let c = 0; c < this.memory.consumers; c++) {
      for (;;) {
        const failure = this.failure();
        if (failure) throw failure;
        const done = Atomics.load(this.control, consumed(c));
        if (done >= needed) break;
        // Say we sleep, then look again: a consumer that released a slot in between saw the flag.
        Atomics.store(this.control, PRODUCER_SLEEPS, 1);
        if (Atomics.load(this.control, consumed(c)) === done) {
          const wait = Atomics.waitAsync(this.control, consumed(c), done, RECHECK_MS);
          if (wait.async) await wait.value;
        }
        Atomics.store(this.control, PRODUCER_SLEEPS, 0);
      }
    }
  }
}

export class RingConsumer {
  private readonly control: Int32Array;
  private readonly data: Uint8Array;
  private readonly ranges: Float64Array;
  private readonly meta: number;
  private consumed = 0;

  constructor(
    memory: RingMemory,
    private readonly index: number
  ) {
    this.meta = CONSUMERS + 2 * memory.consumers;
    this.control = new Int32Array(memory.control);
    this.data = new Uint8Array(memory.data);
    this.ranges = new Float64Array(memory.ranges);
  }

  /** The next slot, blocking until it is published; null once the producer stopped. */
  next(): RingSlot | null {
    while (Atomics.load(this.control, PRODUCED) === this.consumed) {
      if (Atomics.load(this.control, STOP)) return null;
      // Say we sleep, then look again (the producer checks the flag after publishing).
      Atomics.store(this.control, sleeps(this.index), 1);
      if (Atomics.load(this.control, PRODUCED) === this.consumed && !Atomics.load(this.control, STOP)) Atomics.wait(this.control, PRODUCED, this.consumed);
      Atomics.store(this.control, sleeps(this.index), 0);
    }
    const slot = this.consumed % SLOTS;
    const at = this.meta + slot * META_WORDS;
    const start = slot * RANGE_NUMBERS;
    return {
      op: this.control[at] as Op,
      data: this.data.subarray(slot * SLOT_BYTES, slot * SLOT_BYTES + this.control[at + 1]),
      ranges: this.ranges.subarray(start, start + this.control[at + 2]),
      skipAfter: this.control[at + 3]
    };
  }

  /** Hands the slot returned by next() back to the producer. */
  release(): void {
    this.consumed++;
    Atomics.store(this.control, consumed(this.index), this.consumed);
    if (!Atomics.load(this.control, PRODUCER_SLEEPS)) return;
    // Wake the producer once half the ring is free for it, or when this consumer ran dry.
    const pending = Atomics.load(this.control, PRODUCED) - this.consumed;
    if (SLOTS - pending >= BATCH || pending === 0) Atomics.notify(this.control, consumed(this.index));
  }
}
