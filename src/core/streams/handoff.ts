// A one-slot channel between a producer and an async-iterating consumer: `push` resolves only
// when the consumer has finished with the chunk (it asked for the next one). Nothing is
// buffered, so a producer may reuse its buffers, and memory does not grow with a slow consumer.
import { Wakeup } from './wakeup';

export class Handoff implements AsyncIterable<Buffer> {
  private item: Buffer | null = null;
  private ended = false;
  private failure: unknown = null;
  /** Releases the producer of the chunk in the slot. */
  private taken: (() => void) | null = null;
  private readonly arrived = new Wakeup();

  /** Hands over a chunk; resolves once the consumer is done with it. */
  push(chunk: Buffer): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    this.item = chunk;
    const done = new Promise<void>((resolve) => (this.taken = resolve));
    this.arrived.notify();
    return done;
  }

  end(): void {
    this.ended = true;
    this.arrived.notify();
  }

  /** The consumer stopped (an error): every later push fails with it. */
  abort(err: unknown): void {
    this.failure = err;
    this.taken?.();
    this.taken = null;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    for (;;) {
      while (this.item === null && !this.ended) await this.arrived.wait();
      if (this.item === null) return;
      // Release exactly the push of the chunk handed out, once the consumer asks for the next
      // one (or stops): a chunk pushed before the consumer started must not release the one
      // after it early, or the producer would reuse a buffer the consumer still reads.
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
}
