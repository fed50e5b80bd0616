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
// dockerode and what it pulls in (ssh2, gRPC, protobuf: two thirds of the code) go in a bundle
// of their own, loaded only when the CLI talks to a daemon: the CLI starts faster on archives.
// The program bundles require it at run time as './dockerode.js' (next to them in dist/).
const dockerodeApart = {
  name: 'dockerode-apart',
  setup(b) {
    b.onResolve({ filter: /^dockerode$/ }, () => ({ path: './dockerode.js', external: true }));
  }
};
await build({ ...common, entryPoints: ['src/cli-bin.ts'], outfile: 'dist/cli-main.js', plugins: [dockerodeApart] });
// dockerode loads its BuildKit session support (gRPC, protobuf) on start, for docker build,
// which this project never calls: left out, the daemon path starts ~50 ms sooner (bundle 2.0 -> 1.3 MB).
const noBuildkitSession = {
  name: 'no-buildkit-session',
  setup(b) {
    b.onResolve({ filter: /^\.\/session$/ }, (args) => (/dockerode[\\/]lib[\\/]docker\.js$/.test(args.importer) ? { path: 'session', namespace: 'no-session' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'no-session' }, () => ({
      contents: "module.exports = function () { throw new Error('BuildKit sessions are not part of this bundle'); };",
      loader: 'js'
    }));
  }
};
await build({ ...common, entryPoints: ['dockerode'], outfile: 'dist/dockerode.js', plugins: [noBuildkitSession] });
await build({ ...common, entryPoints: ['src/action-launcher.ts'], outfile: 'dist/index.js' });
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/action.js', plugins: [noBuildkitSession] });
// The worker thread that hashes and scans layer bytes beside the parser (src/core/side-work.ts).
await build({ ...common, entryPoints: ['src/core/side-worker.ts'], outfile: 'dist/side-worker.js' });
