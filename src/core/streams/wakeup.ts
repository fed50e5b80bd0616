// The one way a task here waits for something another callback will report (data, an end, an
// error, a reply): wait() resolves at the next notify(). Whoever waits looks at the state it
// waits for again when woken, so a notify with nobody waiting is simply not needed.
export class Wakeup {
  private waiters: (() => void)[] = [];

  /** Resolves at the next notify(). */
  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
