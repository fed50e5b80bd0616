// The CLI program as it runs in the launcher's worker thread (bundled to dist/cli-main.js): the
// process's arguments, streams and exit code around runCli().
import { writeSync } from 'node:fs';
import { terminalFacts } from '../launch-in-worker';
import { inspectReference, openReference } from './daemon-references';
import { runCli } from './main';

const terminal = terminalFacts();
const stdout = Object.assign(process.stdout, { isTTY: terminal.stdoutIsTTY });
// A worker's stdout and stderr reach the terminal through the launcher, each on its own
// schedule: the progress bar's last frames (and its restore of the cursor it saved) could land
// after the report, leaving a stale bar and taking the next prompt back over the report. On a
// terminal, stderr is written straight to its descriptor, so the bar is gone before the report
// is printed.
const stderr = terminal.stderrIsTTY ? terminalStream(2, terminal.columns) : Object.assign(process.stderr, { isTTY: false });
runCli(process.argv.slice(2), { stdout, stderr, cwd: process.cwd(), openReference, inspectReference }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`modelarts-image-check: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 2;
  }
);

/** A terminal's descriptor as a stream that writes synchronously (what cli-progress and the CLI use of one). */
function terminalStream(fd: number, columns: number | undefined): NodeJS.WritableStream & { isTTY: boolean; columns?: number } {
  const stream = {
    isTTY: true,
    columns,
    write(chunk: string | Uint8Array, encodingOrDone?: unknown, done?: unknown): boolean {
      if (typeof chunk === 'string') writeSync(fd, chunk);
      else writeSync(fd, chunk);
      const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
      if (typeof callback === 'function') callback();
      return true;
    }
  };
  return stream as unknown as NodeJS.WritableStream & { isTTY: boolean; columns?: number };
}
