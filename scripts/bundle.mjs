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
  charset: 'ascii',
  // jsonc-parser's main build is UMD, whose require() calls esbuild cannot follow: its ES build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' }
};

// dist/cli.js and dist/index.js are small launchers that run the programs in a worker
// (src/launch-in-worker.ts explains why).
await build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' });
// dockerode and what it pulls in (ssh2, gRPC, protobuf: two thirds of the code) go in a bundle
// of their own, loaded only when the CLI talks to a daemon: the CLI starts faster on archives.
// The program bundles require it at run time as './dockerode.js' (next to them in dist/).
const dockerodeApart = {
  name: 'dockerode-apart',
  setup(b) {
    b.onResolve({ filter: /^dockerode$/ }, () => ({ path: './dockerode.js', external: true }));
  }
};
// The YAML parser and ajv (half of what is left) are for config files only: in a file of their own
// too, which config-file.ts requires on first use (src/core/settings/config-parsers.ts).
const configParsersApart = {
  name: 'config-parsers-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/config-parsers$/ }, () => ({ path: './config-parsers.js', external: true }));
  }
};
await build({ ...common, entryPoints: ['src/cli/start.ts'], outfile: 'dist/cli-main.js', plugins: [dockerodeApart, configParsersApart] });
await build({ ...common, entryPoints: ['src/core/settings/config-parsers.ts'], outfile: 'dist/config-parsers.js' });
// dockerode's BuildKit support (build sessions over gRPC, progress decoded with protobuf) is for
// docker build, which this project never calls: left out, the daemon path starts sooner
// (bundle 2.0 -> 1.0 MB; the session alone was ~50 ms).
const noBuildkit = {
  name: 'no-buildkit',
  setup(b) {
    b.onResolve({ filter: /^\.\/(session|buildkit)$/ }, (args) =>
      /dockerode[\\/]lib[\\/]docker\.js$/.test(args.importer) ? { path: args.path, namespace: 'no-buildkit' } : undefined
    );
    b.onLoad({ filter: /.*/, namespace: 'no-buildkit' }, () => ({
      contents: "module.exports = function () { throw new Error('BuildKit support is not part of this bundle'); };",
      loader: 'js'
    }));
  }
};
// docker-modem loads ssh2 (half of what is left) on start, for ssh:// hosts only: it is loaded on
// the first SSH connection instead (~35 ms sooner on the bench machine for the other hosts).
const lazySsh = {
  name: 'lazy-ssh',
  setup(b) {
    b.onResolve({ filter: /^\.\/ssh$/ }, (args) =>
      /docker-modem[\\/]lib[\\/]modem\.js$/.test(args.importer) ? { path: 'ssh', namespace: 'lazy-ssh', pluginData: args.resolveDir } : undefined
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-ssh' }, (args) => ({
      contents: "module.exports = function () { return require('./ssh.js').apply(this, arguments); };",
      loader: 'js',
      resolveDir: args.pluginData
    }));
  }
};
await build({ ...common, entryPoints: ['dockerode'], outfile: 'dist/dockerode.js', plugins: [noBuildkit, lazySsh] });
await build({ ...common, entryPoints: ['src/action/index.ts'], outfile: 'dist/index.js' });
await build({ ...common, entryPoints: ['src/action/start.ts'], outfile: 'dist/action-main.js', plugins: [noBuildkit, lazySsh] });
// The worker thread that hashes and scans layer bytes beside the parser (src/core/scan/scan-workers.ts).
await build({ ...common, entryPoints: ['src/core/scan/scan-worker.ts'], outfile: 'dist/scan-worker.js' });
