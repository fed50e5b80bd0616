import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  BASE_METADATA,
  baseLayers,
  buildImage,
  compress,
  onBase,
  tarOf,
  withParentDirectories,
  zstdAvailable,
  type Layout
} from '../../__fixtures__/image-builder';
import { gzipSync } from 'node:zlib';
import { END_OF_ARCHIVE, rawBody, rawHeader } from '../../__fixtures__/raw-tar';
import { runCli } from '../../src/cli/main';
import { VERSION } from '../../src/version';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mic-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function write(name: string, spec: Parameters<typeof buildImage>[0], layout: Layout = 'docker-legacy'): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, (await buildImage(spec, { layout })).archive);
  return path;
}

async function cli(args: string[], cwd = dir) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(args, { stdout, stderr, cwd });
  return { code, out, err };
}

const badSpec = onBase(
  [
    {
      createdBy: '/bin/sh -c chmod u+s /opt/tool',
      entries: [
        { path: 'opt/tool', content: 'x', mode: 0o4755 },
        { path: 'etc/sudoers.d/work', content: 'work ALL=(ALL) NOPASSWD:ALL\n' },
        { path: 'home/work/train.py', content: 'print(1)\n' }
      ]
    }
  ],
  { User: 'work', Cmd: ['python3', 'train.py'], WorkingDir: '/home/work', Env: ['PATH=/usr/bin:/bin', 'PYTHONUNBUFFERED=1'] },
  [{ after: 1, createdBy: '/bin/sh -c #(nop)  CMD ["python3" "train.py"]' }]
);
const baseSpec = { layers: baseLayers(), metadata: BASE_METADATA, config: { User: 'work' } };

describe('the CLI contract', () => {
  it.each<Layout>(['docker-legacy', 'docker-oci', 'oci'])(
    'reports exactly the violations as JSON for a %s archive, and nothing for a clean one',
    async (layout) => {
      const base = await write(`base-${layout}.tar`, baseSpec, layout);
      const bad = await write(`bad-${layout}.tar`, badSpec, layout);
      const { code, out, err } = await cli(['--base', base, '--format', 'json', '--quiet', bad]);
      expect(err).toBe('');
      expect(code).toBe(1);
      const report = JSON.parse(out);
      expect(report.findings.map((f: { rule: string; path?: string; severity: string }) => [f.rule, f.path, f.severity])).toEqual([
        ['setuid-setgid', '/opt/tool', 'error'],
        ['protected-etc', '/etc/sudoers.d/work', 'error']
      ]);
      expect(report.findings[0].layer).toEqual({
        number: 2,
        diffId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        createdBy: '/bin/sh -c chmod u+s /opt/tool'
      });
      expect(report.summary).toEqual({ errors: 2, warnings: 0, notices: 0, waived: 0, passed: false });
      expect(report.base).toMatchObject({ given: true, layers: 1, matches: true });
      expect(report.layers).toHaveLength(2);

      const clean = await write(`clean-${layout}.tar`, onBase([{ entries: [{ path: 'opt/app/train.py', content: 'print(1)' }] }]), layout);
      const ok = await cli(['--base', base, '--format', 'json', '--quiet', clean]);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.out).findings).toEqual([]);
    }
  );

  it('prints a readable text report with a verdict and honours --fail-on', async () => {
    const bad = await write('bad.tar', badSpec);
    const text = await cli(['--quiet', bad]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/^setuid-setgid - /m);
    expect(text.out).toMatch(/FAILED: ModelArts would reject this image \(2 errors, 1 warning, 0 notices\)\.\n$/);
    expect(text.out).not.toContain('\x1b[');
    expect((await cli(['--quiet', '--fail-on', 'never', bad])).code).toBe(0);
    const warnOnly = await write('warn.tar', onBase([{ entries: [{ path: 'opt/app.py', content: 'print(1)' }] }], { User: 'work' }));
    expect((await cli(['--quiet', warnOnly])).code).toBe(0); // only the base-image warning
    expect((await cli(['--quiet', '--fail-on', 'warning', warnOnly])).code).toBe(1);
  });

  it('says how many layers the given base has when the image is not built on it', async () => {
    const base = await write('base-other.tar', baseSpec);
    const other = await write('other.tar', { layers: [{ entries: [{ path: 'bin/sh', content: 'other' }] }], config: { User: '1101' } });
    const text = await cli(['--quiet', '--base', base, other]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/^base: .* \(1 layer, NOT a prefix of the image\)$/m);
    expect(text.out).toMatch(/its layer 1 differs from the base image's \(the base has 1 layer\)/);
    const json = JSON.parse((await cli(['--quiet', '--format', 'json', '--base', base, other])).out);
    expect(json.base).toMatchObject({ given: true, layers: 1, matches: false });
  });

  it('reads the config file: severities and waivers', async () => {
    const bad = await write('bad2.tar', badSpec);
    const cwd = mkdtempSync(join(dir, 'cfg-'));
    writeFileSync(
      join(cwd, '.modelarts-image-check.yml'),
      'rules:\n  protected-etc: warning\nwaivers:\n  - rule: setuid-setgid\n    path: /opt/**\n    reason: vendor tool needs it\n    expires: "2099-01-01"\n'
    );
    const { code, out } = await cli(['--quiet', '--format', 'json', bad], cwd);
    const report = JSON.parse(out);
    expect(code).toBe(0);
    expect(report.findings.find((f: { rule: string }) => f.rule === 'setuid-setgid').waived).toEqual({ reason: 'vendor tool needs it', expires: '2099-01-01' });
    expect(report.findings.find((f: { rule: string }) => f.rule === 'protected-etc').severity).toBe('warning');
  });

  it('writes SARIF pointing at the Dockerfile lines', async () => {
    const bad = await write('bad3.tar', badSpec);
    writeFileSync(join(dir, 'Dockerfile'), 'FROM modelarts/base:1\n# make the tool setuid\nRUN chmod u+s /opt/tool\nCMD ["python3", "train.py"]\n');
    const out = join(dir, 'out.sarif');
    const { code } = await cli(['--quiet', '--format', 'sarif', '--output', out, bad]);
    expect(code).toBe(1);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    const results = sarif.runs[0].results;
    const setuid = results.find((r: { ruleId: string }) => r.ruleId === 'setuid-setgid');
    expect(setuid.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'Dockerfile' }, region: { startLine: 3, endLine: 3 } });
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('secrets');
  });

  it('names a file whose name is not UTF-8 byte for byte in every format', async () => {
    const raw = Buffer.concat([rawHeader({ name: Buffer.from('opt/x\x80', 'latin1'), mode: 0o4755, size: 1 }), rawBody('x'), END_OF_ARCHIVE]);
    const bad = await write('not-utf8.tar', onBase([{ entries: [], raw }]));
    const text = await cli(['--quiet', bad]);
    expect(text.out).toContain('/opt/x\\x80');
    const json = await cli(['--quiet', '--format', 'json', bad]);
    // The lone surrogate \udc80 stands for the byte 0x80 (Python's surrogateescape reads it back).
    expect(json.out).toContain('"/opt/x\\udc80"');
    expect(JSON.parse(json.out).findings).toContainEqual(expect.objectContaining({ rule: 'setuid-setgid', path: '/opt/x\udc80' }));
    const sarif = await cli(['--quiet', '--format', 'sarif', bad]);
    const result = JSON.parse(sarif.out).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'setuid-setgid');
    expect(result.message.text).toContain('/opt/x\\x80');
  });

  it.each([
    [['--bogus', 'x.tar'], /unknown option '--bogus'/],
    [['--profile', 'newest', 'x.tar'], /argument 'newest' is invalid/],
    [['--max-size', 'huge', 'ignored.tar'], /max-size "huge" is not a size/],
    [['missing.tar'], /no such file: missing\.tar/],
    [['oci-archive:'], /names no file/]
  ])('exits 2 with one line for %p', async (args, message) => {
    const { code, err, out } = await cli(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('keeps names from the image on one line and free of terminal codes', async () => {
    const evil = await write('evil.tar', onBase([{ entries: [{ path: 'opt/evil\n\x1b[31mname', content: 'x', mode: 0o4755 }] }]));
    const { out } = await cli(['--quiet', evil]);
    expect(out).toContain('/opt/evil\\x0a\\x1b[31mname is owned by root');
    expect(out).not.toContain('\x1b[31m');
    const manifest = Buffer.from(JSON.stringify([{ Config: 'c.json', Layers: ['a\nb/layer.tar'] }]));
    const config = Buffer.from(JSON.stringify({ rootfs: { type: 'layers', diff_ids: ['sha256:' + '1'.repeat(64)] } }));
    const broken = join(dir, 'broken-name.tar');
    writeFileSync(
      broken,
      await tarOf([
        { name: 'c.json', data: config },
        { name: 'manifest.json', data: manifest }
      ])
    );
    const r = await cli(['--quiet', broken]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/names the layer a\\x0ab\/layer\.tar, which is not in the archive\n$/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a config file with unknown keys or rules, naming them', async () => {
    const bad = await write('bad4.tar', badSpec);
    const cfg = join(dir, 'bad.yml');
    writeFileSync(cfg, 'rules:\n  no-such-rule: error\nextra: 1\n');
    const { code, err } = await cli(['--config', cfg, bad]);
    expect(code).toBe(2);
    expect(err).toMatch(/is not a valid configuration: .*unknown key "extra"/);
    expect(err).toMatch(/unknown rule "no-such-rule"/);
  });
});

describe('conventions of the image tools people know', () => {
  const tty = () => Object.assign(new PassThrough(), { isTTY: true, columns: 80 });

  it('has short flags for the common options: -b -c -f -o -q', async () => {
    const base = await write('short-base.tar', baseSpec);
    const bad = await write('short-bad.tar', badSpec);
    const cfg = join(dir, 'short.yml');
    writeFileSync(cfg, 'rules:\n  protected-etc: warning\n');
    const out = join(dir, 'short.json');
    const { code, err } = await cli(['-b', base, '-c', cfg, '-f', 'json', '-o', out, '-q', bad]);
    expect([code, err]).toEqual([1, '']);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.base.given).toBe(true);
    expect(report.findings.find((f: { rule: string }) => f.rule === 'protected-etc').severity).toBe('warning');
  });

  it('turns rules off with --ignore (repeatable), lists them as off, and names an unknown one once', async () => {
    const bad = await write('ignore-bad.tar', badSpec);
    const { code, out } = await cli(['-q', '-f', 'json', '--ignore', 'setuid-setgid', '--ignore', 'protected-etc', bad]);
    const report = JSON.parse(out);
    expect(report.findings.map((f: { rule: string }) => f.rule)).not.toContain('setuid-setgid');
    expect(report.rulesOff).toEqual(['setuid-setgid', 'protected-etc']);
    expect(code).toBe(0);
    const text = await cli(['-q', '--ignore', 'secrets', bad]);
    expect(text.out).toContain('rules turned off: secrets');
    const unknown = await cli(['-q', '--ignore', 'no-such-rule', bad]);
    expect(unknown.code).toBe(2);
    expect(unknown.err.match(/no-such-rule/g)).toHaveLength(1);
  });

  it('draws progress on a terminal unless --no-progress, and -q leaves stderr to errors', async () => {
    const clean = await write('progress-clean.tar', onBase([{ entries: [{ path: 'opt/app/a.py', content: 'print(1)\n' }] }]));
    const run = async (args: string[]) => {
      const stderr = tty();
      let err = '';
      stderr.on('data', (c) => (err += c));
      await runCli([...args, clean], { stdout: new PassThrough(), stderr, cwd: dir });
      return err;
    };
    expect(await run([])).toMatch(/checking \[/);
    expect(await run(['--no-progress'])).toBe('');
    expect(await run(['-q'])).toBe('');
  });

  it('points findings at their Dockerfile line in every format, and a missing Dockerfile is exit 2 in every format', async () => {
    const bad = await write('dockerfile-bad.tar', badSpec);
    const cwd = mkdtempSync(join(dir, 'dockerfile-'));
    writeFileSync(join(cwd, 'Dockerfile.train'), 'FROM modelarts/base:1\n# make the tool setuid\nRUN chmod u+s /opt/tool\nCMD ["python3", "train.py"]\n');
    const text = await cli(['-q', '--dockerfile', 'Dockerfile.train', bad], cwd);
    expect(text.out).toMatch(/\/opt\/tool is owned by root[^\n]*\n[^\n]*layer 2: [^\n]*\n\s+Dockerfile\.train:3\n/);
    const json = JSON.parse((await cli(['-q', '-f', 'json', '--dockerfile', 'Dockerfile.train', bad], cwd)).out);
    expect(json.findings.find((f: { rule: string }) => f.rule === 'setuid-setgid').dockerfile).toEqual({ path: 'Dockerfile.train', line: 3, endLine: 3 });
    for (const format of ['text', 'json', 'sarif']) {
      const missing = await cli(['-q', '-f', format, '--dockerfile', 'Nope', bad], cwd);
      expect([format, missing.code, missing.out, missing.err]).toEqual([format, 2, '', 'modelarts-image-check: no such Dockerfile: Nope\n']);
    }
  });

  it.each([
    [['--max-size', '9.5'], /max-size "9\.5" is not a whole number of bytes: give a unit \(9\.5GB, 9\.5GiB\) or whole bytes/],
    [['--output', '/nonexistent-dir/r.json'], /cannot write the report to \/nonexistent-dir\/r\.json: the directory \/nonexistent-dir does not exist/],
    [['--output', '/tmp'], /cannot write the report to \/tmp: it is a directory \(name a file\)/],
    [['--config', '/nonexistent.yml'], /no such config file: \/nonexistent\.yml/],
    [['--platform', 'linux/arm64'], /holds one image, for linux\/amd64, not for the platform linux\/arm64 asked for/]
  ])('stops at once, with one clear line, for %p', async (args, message) => {
    const clean = await write('conventions-clean.tar', onBase([]));
    const { code, err, out } = await cli([...args, clean]);
    expect([code, out]).toEqual([2, '']);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('says "no such file" for a mistyped archive name, without asking a Docker daemon or registry', async () => {
    const io = (cwd: string) => ({
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      cwd,
      openReference: () => Promise.reject(new Error('the daemon was asked')),
      inspectReference: () => Promise.reject(new Error('the daemon was asked'))
    });
    for (const name of ['missing.tar', './missing', 'images/missing.tar.gz', 'missing.oci']) {
      const i = io(dir);
      let err = '';
      i.stderr.on('data', (c) => (err += c));
      expect(await runCli(['-q', name], i)).toBe(2);
      expect(err).toBe(`modelarts-image-check: no such file: ${name}\n`);
    }
  });

  it('reads .modelarts-image-check.yaml like .yml, and says where a YAML error is, once', async () => {
    const bad = await write('yaml-bad.tar', badSpec);
    const cwd = mkdtempSync(join(dir, 'yaml-'));
    writeFileSync(join(cwd, '.modelarts-image-check.yaml'), 'rules:\n  setuid-setgid: "off"\n');
    const report = JSON.parse((await cli(['-q', '-f', 'json', bad], cwd)).out);
    expect(report.rulesOff).toEqual(['setuid-setgid']);
    writeFileSync(join(cwd, '.modelarts-image-check.yaml'), 'rules:\n  secrets: [\n');
    const { code, err } = await cli(['-q', bad], cwd);
    expect(code).toBe(2);
    expect(err).toMatch(/\.modelarts-image-check\.yaml is not valid YAML: .* \(line 3, column 1\)\n$/);
    expect(err).not.toMatch(/column \d+:/);
  });

  it('says what a tiny file is, not where it was cut', async () => {
    const tiny = join(dir, 'six-bytes.tar');
    writeFileSync(tiny, 'abcdef');
    const { code, err } = await cli(['-q', tiny]);
    expect(code).toBe(2);
    expect(err).toBe(`modelarts-image-check: image archive ${tiny} is not a tar archive: it has 6 bytes, less than one tar header\n`);
  });

  it('names itself and its report shape in JSON, and numbers layers from 1 everywhere', async () => {
    const bad = await write('shape-bad.tar', badSpec);
    const report = JSON.parse((await cli(['-q', '-f', 'json', bad])).out);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'modelarts-image-check', version: VERSION });
    expect(report.layers.map((l: { number: number }) => l.number)).toEqual([1, 2]);
    const setuid = report.findings.find((f: { rule: string }) => f.rule === 'setuid-setgid');
    expect(setuid.layer.number).toBe(2);
    expect((await cli(['-q', bad])).out).toMatch(/\/opt\/tool is owned by root[^\n]*\n\s+layer 2: /);
    const sarif = JSON.parse((await cli(['-q', '-f', 'sarif', bad])).out);
    expect(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'setuid-setgid').message.text).toMatch(/\(\/opt\/tool, layer 2\)$/);
  });
});

describe('the bundled dist/cli.js', () => {
  const bundle = join(__dirname, '..', '..', 'dist', 'cli.js');

  it('runs from a clone with no install, and exits 2 without a stack trace on a corrupt archive', async () => {
    const bad = await write('bundle-bad.tar', badSpec);
    const run = spawnSync(process.execPath, [bundle, '--quiet', '--format', 'json', bad], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).summary.errors).toBe(2);
    const corrupt = join(dir, 'corrupt.tar');
    const bytes = readFileSync(bad);
    writeFileSync(corrupt, bytes.subarray(0, bytes.length / 2));
    const broken = spawnSync(process.execPath, [bundle, corrupt], { encoding: 'utf8' });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^modelarts-image-check: image archive .*corrupt\.tar (is truncated|has neither)/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads an archive from standard input (-), plain or compressed, and says so when the pipe ended early', async () => {
    const { archive } = await buildImage(badSpec);
    const piped = (input: Buffer) => spawnSync(process.execPath, [bundle, '-q', '-f', 'json', '-'], { input, encoding: 'utf8' });
    const plain = piped(archive);
    expect(plain.stderr).toBe('');
    expect(plain.status).toBe(1);
    const report = JSON.parse(plain.stdout);
    expect(report.image.reference).toBe('the archive on standard input');
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('setuid-setgid');
    expect(JSON.parse(piped(gzipSync(archive)).stdout).findings).toEqual(report.findings);
    // docker save always ends with the end-of-archive marker: a pipe without it was cut short.
    const cut = piped(archive.subarray(0, archive.length - 1024));
    expect(cut.status).toBe(2);
    expect(cut.stderr).toMatch(
      /^modelarts-image-check: the archive on standard input is truncated: .*\(standard input ended early: did the command writing it fail\?\)\n$/
    );
  });

  it('tells a gzipped archive on standard input whose first read is a single byte', async () => {
    const { archive } = await buildImage(badSpec);
    const child = spawn(process.execPath, [bundle, '-q', '-f', 'json', '-']);
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    const gz = gzipSync(archive);
    child.stdin.write(gz.subarray(0, 1));
    // Long enough for the program to start and read that byte alone.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.stdin.end(gz.subarray(1));
    const [status] = await once(child, 'close');
    expect(status).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { rule: string }) => f.rule)).toContain('setuid-setgid');
  });

  (zstdAvailable() ? it : it.skip)('reads a zstd-compressed archive file, or says how to decompress it', async () => {
    const { archive } = await buildImage(badSpec);
    const path = join(dir, 'image.tar.zst');
    writeFileSync(path, compress(archive, 'zstd'));
    const run = spawnSync(process.execPath, [bundle, '-q', '-f', 'json', path], { encoding: 'utf8' });
    if ('createZstdDecompress' in require('node:zlib')) {
      expect(run.status).toBe(1);
      expect(JSON.parse(run.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('setuid-setgid');
    } else {
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(
        /is zstd-compressed as a whole, and this Node\.js .* has no zstd support: decompress it first \(zstd -dc FILE \| modelarts-image-check -\)/
      );
    }
  });

  it('reads a config file with the YAML and schema code it loads only then (dist/config-parsers.js)', async () => {
    // Half of the CLI's code is the YAML parser and ajv: kept out of dist/cli-main.js, so a run
    // without a config file starts sooner.
    expect(readFileSync(join(__dirname, '..', '..', 'dist', 'cli-main.js'), 'utf8')).not.toMatch(/YAMLParseError|strictTypes/);
    const bad = await write('bundle-cfg.tar', badSpec);
    const cwd = mkdtempSync(join(dir, 'bundle-cfg-'));
    writeFileSync(join(cwd, '.modelarts-image-check.yml'), 'rules:\n  protected-etc: warning\n  setuid-setgid: notice\n  base-image: "off"\n');
    const run = spawnSync(process.execPath, [bundle, '--quiet', '--format', 'json', bad], { encoding: 'utf8', cwd });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([
      ['setuid-setgid', 'notice'],
      ['protected-etc', 'warning']
    ]);
    writeFileSync(join(cwd, '.modelarts-image-check.yml'), 'rules:\n  no-such-rule: error\n');
    const invalid = spawnSync(process.execPath, [bundle, '--quiet', bad], { encoding: 'utf8', cwd });
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/is not a valid configuration: .*unknown rule "no-such-rule"\n$/);
  });

  it.each<Layout>(['docker-oci', 'docker-legacy'])(
    'verifies %s layers that span many reads and fill the worker ring (a reused read buffer)',
    async (layout) => {
      // Layers of many files, several MiB each: the reader refills its one buffer while the
      // worker threads still have earlier bytes of the layer to hash.
      const files = (prefix: string, n: number) =>
        Array.from({ length: n }, (_, i) => ({ path: `${prefix}/f${i}.py`, content: `# ${prefix} ${i}\n${'x = 1\n'.repeat(600 + (i % 50))}` }));
      const layers = baseLayers();
      layers[0].entries.push(...files('usr/share/base', 1500));
      const base = await write(`big-base-${layout}.tar`, { layers, metadata: BASE_METADATA, config: { User: 'work' } }, layout);
      const image = await write(
        `big-image-${layout}.tar`,
        { layers: [...layers, { entries: files('opt/app', 1500) }, { entries: files('opt/lib', 1500) }], metadata: BASE_METADATA, config: { User: 'work' } },
        layout
      );
      const run = spawnSync(process.execPath, [bundle, '--quiet', '--format', 'json', '--base', base, image], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // Each layer also holds the directories it is the first to have (as Docker's builders write them).
      const written = withParentDirectories([...layers, { entries: files('opt/app', 1500) }, { entries: files('opt/lib', 1500) }]);
      expect(JSON.parse(run.stdout).layers.map((l: { entries: number }) => l.entries)).toEqual(written.map((l) => l.entries.length));
    }
  );

  /** Runs the bundle on an image of a fake daemon: it must exit 2 with `message`, soon. Then stops the daemon. */
  async function expectQuickExit(daemon: Server, env: Record<string, string>, message: RegExp): Promise<void> {
    try {
      const started = Date.now();
      const child = spawn(process.execPath, [bundle, '--quiet', 'docker-daemon:some/image:1'], { env: { ...process.env, ...env } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(stderr).toMatch(message);
      expect(status).toBe(2);
      expect(Date.now() - started).toBeLessThan(15000);
    } finally {
      daemon.closeAllConnections();
      await new Promise((resolve) => daemon.close(resolve));
    }
  }

  it.each([
    ['answers nothing at all', /cannot reach the Docker daemon at unix:\/\/.*: no answer within 1 s/],
    ['answers its ping but not the image inspect', /cannot inspect some\/image:1: no answer within 1 s/]
  ])(
    'exits with a clear error, leaving no request open, when the Docker daemon %s',
    async (_what, message) => {
      // A request left waiting would keep the process alive after the error: a job that never ends.
      const socketPath = join(dir, `silent-${Math.random().toString(36).slice(2)}.sock`);
      const pingOk = message.source.includes('inspect');
      const daemon = createHttpServer((req, res) => {
        if (pingOk && req.url?.endsWith('/_ping')) res.end('OK');
      });
      await new Promise<void>((resolve) => daemon.listen(socketPath, resolve));
      await expectQuickExit(daemon, { DOCKER_HOST: `unix://${socketPath}`, MODELARTS_IMAGE_CHECK_DAEMON_TIMEOUT_SECONDS: '1' }, message);
    },
    30000
  );

  it('gives up on a docker save over TLS that stops sending, leaving no request open', async () => {
    // Over TLS the save goes through dockerode, not the validator's own socket reader.
    const certs = mkdtempSync(join(dir, 'tls-'));
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(certs, 'key.pem'),
        '-out',
        join(certs, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1'
      ],
      { encoding: 'utf8' }
    );
    expect(made.status).toBe(0);
    writeFileSync(join(certs, 'ca.pem'), readFileSync(join(certs, 'cert.pem')));
    const id = 'sha256:' + 'a'.repeat(64);
    const daemon = createHttpsServer({ key: readFileSync(join(certs, 'key.pem')), cert: readFileSync(join(certs, 'cert.pem')) }, (req, res) => {
      if (req.url?.endsWith('/_ping')) res.end('OK');
      else if (req.url?.endsWith('/json')) res.end(JSON.stringify({ Id: id, Size: 1000, RepoTags: ['some/image:1'], RootFS: { Layers: [] } }));
      else if (req.url?.endsWith('/get')) res.write(Buffer.alloc(512)); // the first bytes, then nothing more
    });
    await new Promise<void>((resolve) => daemon.listen(0, '127.0.0.1', resolve));
    const env = {
      DOCKER_HOST: `tcp://127.0.0.1:${(daemon.address() as { port: number }).port}`,
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: certs,
      MODELARTS_IMAGE_CHECK_SAVE_STALL_SECONDS: '1'
    };
    await expectQuickExit(daemon, env, /docker save of some\/image:1 broke off after 512 bytes/);
  }, 30000);

  it('reaches an ssh:// Docker host through ssh2, which the bundle loads only for such hosts', () => {
    const run = spawnSync(process.execPath, [bundle, 'docker-daemon:some/image:1'], {
      encoding: 'utf8',
      env: { ...process.env, DOCKER_HOST: 'ssh://nobody@127.0.0.1:1' }
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^modelarts-image-check: cannot reach the Docker daemon at ssh:\/\/nobody@127\.0\.0\.1:1: connect ECONNREFUSED/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    // docker-modem builds a request URL from an ssh host with url.parse, which Node flags (DEP0170): not the user's concern.
    expect(run.stderr).not.toMatch(/DeprecationWarning|DEP0170/);
  });
});
