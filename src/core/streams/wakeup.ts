// One waiting reader, woken by whatever happened on the stream it reads (data, end, error).
export class Wakeup {
  private wake: (() => void) | null = null;

  /** Resolves at the next notify(). */
  wait(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  notify(): void {
    this.wake?.();
    this.wake = null;
  }
}
