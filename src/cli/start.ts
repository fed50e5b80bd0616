// The CLI program as it runs in the launcher's worker thread (bundled to dist/cli-main.js): the
// process's arguments, streams and exit code around runCli().
import { terminalFacts } from '../launch-in-worker';
import { inspectReference, openReference } from './daemon-references';
import { runCli } from './main';

const terminal = terminalFacts();
const stdout = Object.assign(process.stdout, { isTTY: terminal.stdoutIsTTY });
const stderr = Object.assign(process.stderr, { isTTY: terminal.stderrIsTTY, columns: terminal.columns });
runCli(process.argv.slice(2), { stdout, stderr, cwd: process.cwd(), openReference, inspectReference }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`modelarts-image-check: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 2;
  }
);
