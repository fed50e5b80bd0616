// Helpers for the end-to-end tests: a real Docker daemon and a real registry (see
// scripts/test-env.sh), and running the bundled action exactly as the runner does.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { baseLayers, layerTar, withParentDirectories } from './image-builder';
import { join } from 'node:path';

export const REGISTRY = process.env.MIC_TEST_REGISTRY ?? '127.0.0.1:5443';
export const REGISTRY_USER = process.env.MIC_TEST_REGISTRY_USER ?? 'ci-user';
export const REGISTRY_PASSWORD = process.env.MIC_TEST_REGISTRY_PASSWORD ?? 'ci-password';
/** A second registry (plain HTTP, its own password): where a base image comes from. */
export const OTHER_REGISTRY = process.env.MIC_TEST_OTHER_REGISTRY ?? '127.0.0.1:5001';
export const OTHER_REGISTRY_USER = process.env.MIC_TEST_OTHER_REGISTRY_USER ?? 'other-user';
export const OTHER_REGISTRY_PASSWORD = process.env.MIC_TEST_OTHER_REGISTRY_PASSWORD ?? 'other-password';

/** Why the daemon cannot be used, or undefined when it answers. */
export function dockerUnavailable(): string | undefined {
  const run = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8', timeout: 15000 });
  if (run.error) return `the docker client could not run (${run.error.message})`;
  if (run.status !== 0) return `no Docker daemon answers at ${process.env.DOCKER_HOST ?? 'the default socket'} (${run.stderr.trim().split('\n')[0]})`;
  return undefined;
}

/** .ci/run sets MIC_REQUIRE_DOCKER=1: there a missing daemon fails the suite instead of skipping it. */
export const dockerRequired = process.env.MIC_REQUIRE_DOCKER === '1';

let store: 'containerd' | 'classic' | undefined;

/** The daemon's image store: the containerd image store (Docker 24+, the default of fresh Docker 29 installs) or the classic one. */
export function imageStore(): 'containerd' | 'classic' {
  store ??= docker(['info', '--format', '{{json .DriverStatus}}']).includes('io.containerd.snapshotter') ? 'containerd' : 'classic';
  return store;
}

export function docker(args: string[], input?: Buffer | string, env: Record<string, string> = {}): string {
  return execFileSync('docker', args, {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 << 20
  }).trim();
}

let defaultBuilder: 'buildkit' | 'classic' | undefined;

/** The builder `docker build` uses: BuildKit from Docker 23 on, the classic builder before. */
export function builder(): 'buildkit' | 'classic' {
  defaultBuilder ??= Number(docker(['version', '--format', '{{.Server.Version}}']).split('.')[0]) >= 23 ? 'buildkit' : 'classic';
  return defaultBuilder;
}

export interface BuildOptions {
  /** The network of RUN steps: none, or the host's (to reach the Debian mirror). */
  network?: 'none' | 'host';
  /** Files for `--secret id=NAME,src=FILE` (BuildKit). */
  secrets?: Record<string, string>;
}

/** Writes `files` (a Dockerfile among them) to a new directory and builds it with the engine's default builder; returns the directory. */
export function dockerBuild(tag: string, files: Record<string, string | Buffer | { content: string; mode: number }>, options: BuildOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'mic-e2e-ctx-'));
  for (const [name, f] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    if (typeof f === 'string' || Buffer.isBuffer(f)) writeFileSync(path, f);
    else writeFileSync(path, f.content, { mode: f.mode });
  }
  const secrets = Object.entries(options.secrets ?? {}).flatMap(([id, value]) => {
    const src = join(dir, `..${id}.secret`);
    writeFileSync(src, value);
    return ['--secret', `id=${id},src=${src}`];
  });
  docker(['build', '--network', options.network ?? 'none', ...secrets, '-q', '-t', tag, dir]);
  return dir;
}

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs dist/index.js with the runner's environment: INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY...
 * Asynchronous, so that proxies running in the test process keep answering meanwhile.
 */
export async function runAction(inputs: Record<string, string>, workspace: string, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'mic-e2e-runner-'));
  const outputFile = join(runnerTemp, 'output');
  const summaryFile = join(runnerTemp, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    DOCKER_HOST: process.env.DOCKER_HOST ?? '',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    DOCKER_CONFIG: join(runnerTemp, 'no-docker-config'),
    ...extraEnv
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'index.js')], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), 300000);
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  const outputs: Record<string, string> = {};
  const text = readFileSync(outputFile, 'utf8');
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
  return { status, stdout, stderr, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

/** GET from the test registry (self-signed TLS, basic auth). */
export function registryGet(
  path: string,
  accept = 'application/json'
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const [host, port] = REGISTRY.split(':');
    const req = request(
      {
        host,
        port: Number(port),
        path,
        method: 'GET',
        rejectUnauthorized: false,
        auth: `${REGISTRY_USER}:${REGISTRY_PASSWORD}`,
        headers: { Accept: accept },
        timeout: 10000
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      }
    );
    req.on('error', reject);
    req.end();
  });
}

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json'
].join(', ');

/**
 * Whether the test registry holds the daemon's image `id` as repo:tag. An image's ID is its
 * config's digest in the classic image store (pushed as a Docker manifest), and the digest of its
 * manifest or index in the containerd one (pushed as it is stored).
 */
export async function registryHoldsImage(repo: string, tag: string, id: string): Promise<boolean> {
  const res = await registryGet(`/v2/${repo}/manifests/${tag}`, MANIFEST_TYPES);
  if (res.status !== 200) return false;
  if (res.headers['docker-content-digest'] === id) return true;
  return (JSON.parse(res.body) as { config?: { digest?: string } }).config?.digest === id;
}

/** The digest of repo:tag's manifest (or index) in the test registry. */
export async function registryDigest(repo: string, tag: string): Promise<string | undefined> {
  const res = await registryGet(`/v2/${repo}/manifests/${tag}`, MANIFEST_TYPES);
  return res.status === 200 ? String(res.headers['docker-content-digest']) : undefined;
}

export async function registryTags(repo: string): Promise<string[]> {
  const res = await registryGet(`/v2/${repo}/tags/list`);
  if (res.status === 404) return [];
  return (JSON.parse(res.body).tags as string[] | null) ?? [];
}

export interface E2eImages {
  base: string;
  bad: string;
  good: string;
  badDir: string;
  goodDir: string;
  remove(): void;
}

/**
 * Real images for the e2e suites: a base imported from the test base (with Debian's static
 * busybox, so that RUN steps have a shell), an image that breaks the specification and one
 * that passes, both built by the classic builder.
 */
export async function createE2eImages(suffix: string): Promise<E2eImages> {
  const base = `mic-e2e/base:${suffix}`;
  const bad = `mic-e2e/bad:${suffix}`;
  const good = `mic-e2e/good:${suffix}`;
  const entries = baseLayers()[0].entries.filter((e) => e.path !== 'bin/sh');
  entries.push({ path: 'bin/busybox', content: readFileSync('/bin/busybox'), mode: 0o755 });
  for (const tool of ['sh', 'chmod']) entries.push({ path: `bin/${tool}`, type: 'symlink', link: 'busybox' });
  docker(['import', '--change', 'CMD ["/bin/sh"]', '-', base], await layerTar(withParentDirectories([{ entries }])[0]));
  const badDir = dockerBuild(bad, {
    // The classic builder's COPY drops setuid bits: real images get them from RUN chmod.
    Dockerfile: [
      `FROM ${base}`,
      'COPY tool /opt/tool',
      'RUN chmod 4755 /opt/tool',
      'COPY start.sh /opt/start.sh',
      'USER root',
      'CMD ["/opt/start.sh"]',
      ''
    ].join('\n'),
    tool: { content: 'not really a binary\n', mode: 0o755 },
    'start.sh': { content: '#!/bin/sh\npip install torch\npython3 train.py > /var/log/train.log\n', mode: 0o755 }
  });
  const goodDir = dockerBuild(good, {
    Dockerfile: [`FROM ${base}`, 'COPY train.py /home/work/train.py', 'USER work', 'CMD ["python3", "/home/work/train.py"]', ''].join('\n'),
    'train.py': 'print("training")\n'
  });
  return {
    base,
    bad,
    good,
    badDir,
    goodDir,
    remove: () => {
      // By ID: that also drops the tags the tests pushed under.
      for (const tag of [bad, good, base]) {
        try {
          docker(['rmi', '-f', docker(['inspect', '--format', '{{.Id}}', tag])]);
        } catch {
          // already gone, or still the parent of another test's image
        }
      }
    }
  };
}
