#!/usr/bin/env node
// Validates workflow files and action.yml with GitHub's own parser (@actions/workflow-parser):
//   node scripts/validate-workflows.mjs [--action action.yml] workflow.yml...
// Prints one line per error ("file: message") and exits 1 when there is any.
// The parser imports JSON without import attributes, which only a bundler accepts: it is
// bundled on the fly with esbuild.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const dir = mkdtempSync(join(tmpdir(), 'mic-workflow-parser-'));
const entry = join(dir, 'entry.mjs');
writeFileSync(
  entry,
  `export { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
   export { parseAction } from '@actions/workflow-parser/actions/action-parser';`
);
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: join(dir, 'parser.cjs'),
  logLevel: 'error',
  nodePaths: [join(process.cwd(), 'node_modules')]
});
const { NoOperationTraceWriter, parseWorkflow, parseAction } = createRequire(import.meta.url)(join(dir, 'parser.cjs'));
rmSync(dir, { recursive: true, force: true });

const args = process.argv.slice(2);
let failed = false;
const report = (name, result) => {
  for (const e of result.context.errors.getErrors()) {
    failed = true;
    console.log(`${name}: ${e.message}`);
  }
  if (!result.value) {
    failed = true;
    console.log(`${name}: did not parse`);
  }
};
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--action') {
    const name = args[++i];
    report(name, parseAction({ name, content: readFileSync(name, 'utf8') }, new NoOperationTraceWriter()));
  } else {
    report(args[i], parseWorkflow({ name: args[i], content: readFileSync(args[i], 'utf8') }, new NoOperationTraceWriter()));
  }
}
process.exit(failed ? 1 : 0);
