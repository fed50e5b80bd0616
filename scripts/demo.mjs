#!/usr/bin/env node
// npm run demo: builds three small images as `docker save` archives (a ModelArts-like base, a
// clean training image on it, and one that breaks several rules) and checks them with the
// bundled CLI, showing the real reports. No Docker daemon is needed.
// The archives are written by the test helper (__fixtures__/image-builder.ts), bundled on the fly.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'mic-demo-'));
await build({
  entryPoints: [join(root, '__fixtures__/image-builder.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: join(tmp, 'builder.cjs'),
  logLevel: 'error'
});
const { buildImage, baseLayers, BASE_METADATA, onBase } = createRequire(import.meta.url)(join(tmp, 'builder.cjs'));
rmSync(tmp, { recursive: true, force: true });

const out = join(root, 'demo-out');
mkdirSync(out, { recursive: true });
const write = async (name, spec) => {
  const path = join(out, name);
  writeFileSync(path, (await buildImage(spec)).archive);
  return path;
};

const base = await write('base.tar', { layers: baseLayers(), metadata: BASE_METADATA, config: { User: 'work' } });
const clean = await write(
  'clean.tar',
  onBase(
    [
      {
        createdBy: '/bin/sh -c #(nop) COPY dir:app in /home/work/app ',
        entries: [{ path: 'home/work/app/train.py', content: 'print("training")\n', uid: 1101, gid: 1101 }]
      }
    ],
    {
      User: 'work',
      Cmd: ['python3', '/home/work/app/train.py']
    }
  )
);
const broken = await write(
  'broken.tar',
  onBase(
    [
      {
        createdBy: '/bin/sh -c cp /bin/ls /opt/ls && chmod u+s /opt/ls && rm -rf /usr/share/doc',
        entries: [
          { path: 'opt/ls', content: 'ls binary', mode: 0o4755 },
          { path: 'usr/share/doc', type: 'whiteout' }
        ]
      },
      {
        createdBy: '/bin/sh -c #(nop) COPY file:start in /home/work/start.sh ',
        entries: [
          { path: 'home/work/start.sh', content: '#!/bin/sh\npip install -r requirements.txt\npython3 train.py > /home/work/train.log 2>&1\n', mode: 0o755 }
        ]
      }
    ],
    { User: 'root', Cmd: ['/bin/sh', '/home/work/start.sh'], Env: ['OBS_SK=Qh7sKd93nFh27dkLs0Pq8ZrT5vXwYb1cNm4oEjGa'] }
  )
);

const cli = join(root, 'dist', 'cli.js');
for (const [title, image] of [
  ['A clean training image', clean],
  ['An image that breaks the specification', broken]
]) {
  console.log(`\n=== ${title}: modelarts-image-check --base ${base} ${image}\n`);
  const run = spawnSync(process.execPath, [cli, '--base', base, image], { stdio: 'inherit' });
  console.log(`(exit code ${run.status})`);
}
console.log(`\nThe archives are in ${out}; try --format json or --format sarif on them.`);
