// Progress on stderr while layers stream by: a bar on a terminal (cli-progress), and in CI logs
// (no TTY) a plain line at most every few seconds, so long checks show life without flooding.
import { SingleBar } from 'cli-progress';
import { formatSize } from '../core/settings/settings';

const LOG_INTERVAL_MS = 5000;

export class Progress {
  private bar?: SingleBar;
  private readonly started = Date.now();
  private lastLog = this.started;
  private bytes = 0;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly total?: number
  ) {
    if (out.isTTY) {
      this.bar = new SingleBar({
        stream: out as NodeJS.WritableStream as NodeJS.WriteStream,
        format: 'checking [{bar}] {percentage}% | {done} of {size} | {rate}/s | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50
      });
      this.bar.start(total ?? 0, 0, { done: '0 B', size: total ? formatSize(total) : '?', rate: '0 B' });
    }
  }

  update(bytes: number): void {
    this.bytes = bytes;
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = elapsed > 0 ? formatSize(Math.round(bytes / elapsed)) : '0 B';
    if (this.bar) {
      this.bar.update(Math.min(bytes, this.total ?? bytes), { done: formatSize(bytes), rate });
      return;
    }
    const now = Date.now();
    if (now - this.lastLog < LOG_INTERVAL_MS) return;
    this.lastLog = now;
    const pct = this.total ? ` (${Math.min(100, Math.floor((100 * bytes) / this.total))}%)` : '';
    this.out.write(`checking: ${formatSize(bytes)}${this.total ? ` of ${formatSize(this.total)}` : ''}${pct} read, ${rate}/s\n`);
  }

  stop(): void {
    this.bar?.stop();
    if (!this.bar && Date.now() - this.started >= LOG_INTERVAL_MS) {
      this.out.write(`checking: ${formatSize(this.bytes)} read in ${((Date.now() - this.started) / 1000).toFixed(1)} s\n`);
    }
  }
}
