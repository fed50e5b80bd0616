// dist/cli.js and dist/index.js are small launchers: they start the real program (the CLI,
// the action) in a worker thread whose young generation is small. The validator's garbage is
// short-lived (chunk views, per-entry strings) and its long-lived data is compact, so a small
// nursery is collected often and cheaply, and peak memory stays lower at the same speed
// (docs/performance.md). Node flags cannot be passed to the action or to `node dist/cli.js`,
// heap sizes set at run time do not resize an isolate that exists, and a worker's
// resourceLimits do apply. The launcher itself loads nothing else, so it stays small.
import { setFlagsFromString } from 'node:v8';
import { Worker, workerData } from 'node:worker_threads';

export interface TerminalFacts {
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  columns?: number;
}

export function launchInWorker(file: string): void {
  // The validator's long-lived data (paths, the filesystem maps) grows steadily while it reads,
  // and V8's default lets the old generation grow to several times what is live before it
  // collects. A growth factor of 1.5 keeps peak RSS nearer the live data for a few percent more
  // CPU. V8 reads the flag whenever it sizes a heap, so setting it here, before the workers
  // start, applies.
  setFlagsFromString('--heap-growing-percent=50');
  if (process.env.MODELARTS_IMAGE_CHECK_SINGLE_THREAD === '1') {
    require(file);
    return;
  }
  const terminal: TerminalFacts = { stdoutIsTTY: !!process.stdout.isTTY, stderrIsTTY: !!process.stderr.isTTY, columns: process.stderr.columns };
  // Signals reach this thread, not the worker: a progress bar stopped by Ctrl-C must not leave
  // the terminal with a hidden cursor and line wrapping off.
  if (terminal.stderrIsTTY) {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143]
    ] as const) {
      process.once(signal, () => {
        process.stderr.write('\x1b[?25h\x1b[?7h\n');
        process.exit(code);
      });
    }
  }
  const worker = new Worker(file, { argv: process.argv.slice(2), workerData: { terminal }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  worker.on('error', (err) => {
    process.stderr.write(`modelarts-image-check: internal error: ${err.message}\n`);
    process.exitCode = 2;
  });
  worker.on('exit', (code) => {
    process.exitCode ??= code;
  });
}

/** What the launcher knew about the terminal (a worker's stdio are pipes). */
export function terminalFacts(): TerminalFacts {
  const given = (workerData as { terminal?: TerminalFacts } | null)?.terminal;
  return given ?? { stdoutIsTTY: !!process.stdout.isTTY, stderrIsTTY: !!process.stderr.isTTY, columns: process.stderr.columns };
}
