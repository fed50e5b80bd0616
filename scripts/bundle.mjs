// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild: CommonJS for
// Node 20+, dockerode's optional native parts left out (ssh2's cpu-features, *.node).
// Deterministic output, so CI can rebuild and compare with what is committed.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['cpu-features', '*.node'],
  legalComments: 'none',
  logLevel: 'warning',
  // ASCII output (non-ASCII escaped): V8 keeps a script's source in the heap, and a source
  // with any non-ASCII character is stored at two bytes per character (about 3 MB more here).
  charset: 'ascii'
};

// dist/cli.js and dist/index.js are small launchers that run the programs in a worker
// (src/launch-in-worker.ts explains why).
await build({ ...common, entryPoints: ['src/cli-launcher.ts'], outfile: 'dist/cli.js' });
await build({ ...common, entryPoints: ['src/cli-bin.ts'], outfile: 'dist/cli-main.js' });
await build({ ...common, entryPoints: ['src/action-launcher.ts'], outfile: 'dist/index.js' });
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/action.js' });
// The worker thread that hashes and scans layer bytes beside the parser (src/core/side-work.ts).
await build({ ...common, entryPoints: ['src/core/side-worker.ts'], outfile: 'dist/side-worker.js' });
