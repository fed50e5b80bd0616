// A one-slot channel between a producer and an async-iterating consumer: `push` resolves only
// when the consumer has finished with the chunk (it asked for the next one). Nothing is
// buffered, so a producer may reuse its buffers, and memory does not grow with a slow consumer.
export class Handoff implements AsyncIterable<Buffer> {
  private item: Buffer | null = null;
  private ended = false;
  private failure: unknown = null;
  private taken: (() => void) | null = null;
  private wanted: (() => void) | null = null;

  /** Hands over a chunk; resolves once the consumer is done with it. */
  push(chunk: Buffer): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    this.item = chunk;
    const done = new Promise<void>((resolve) => (this.taken = resolve));
    this.wake();
    return done;
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  /** The consumer stopped (an error): every later push fails with it. */
  abort(err: unknown): void {
    this.failure = err;
    this.taken?.();
    this.taken = null;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    for (;;) {
      while (this.item === null && !this.ended) await new Promise<void>((resolve) => (this.wanted = resolve));
      if (this.item === null) return;
      // Release exactly the push of the chunk handed out, once the consumer asks for the next
      // one (or stops). Releasing "the current push" instead went wrong when a chunk was
      // pushed before the consumer started: every push was then released one chunk early,
      // and the producer reused its buffer while the consumer still read it.
      const chunk = this.item;
      const release = this.taken;
      this.item = null;
      this.taken = null;
      try {
        yield chunk;
      } finally {
        release?.();
      }
    }
  }

  private wake(): void {
    this.wanted?.();
    this.wanted = null;
  }
}
