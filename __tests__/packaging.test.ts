// The published package: its bundles hold their dependencies, so it declares none at run time
// and `npm i -g` of the packed tarball installs the package alone, which then runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildImage, onBase } from '../__fixtures__/image-builder';
import { VERSION } from '../src/version';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('the npm package', () => {
  it('declares no dependency at run time: the bundles in dist/ hold them', () => {
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.peerDependencies).toBeUndefined();
    expect(pkg.optionalDependencies).toBeUndefined();
  });

  it('installs alone from its packed tarball, and checks an archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-pack-'));
    try {
      const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' })) as {
        filename: string;
        files: { path: string }[];
      }[];
      expect(packed.files.map((f) => f.path)).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/cli-main.js', 'dist/scan-worker.js', 'README.md']));
      const prefix = join(dir, 'prefix');
      execFileSync('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(dir, packed.filename)], { stdio: 'pipe' });
      const installed = join(prefix, 'lib', 'node_modules', 'modelarts-image-check');
      expect(existsSync(join(installed, 'node_modules'))).toBe(false);
      const bin = join(prefix, 'bin', 'modelarts-image-check');
      expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(VERSION);
      const image = join(dir, 'image.tar');
      writeFileSync(image, (await buildImage(onBase([{ entries: [{ path: 'opt/tool', content: 'x', mode: 0o4755 }] }]))).archive);
      const run = spawnSync(bin, ['-q', '-f', 'json', image], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('setuid-setgid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);
});
