#!/usr/bin/env node
// npm run bench [-- --scale N] [-- --daemon] [-- --registry] [-- --runs N] [-- --layout docker25|legacy]
//
// Generates a synthetic but realistic ModelArts training image (an OS base with many small files
// and big CUDA-like libraries; custom layers with a conda-like tree, multi-hundred-MB weights
// and a few known violations), written the way `docker save` writes it, then measures on the
// same archive, in the same run:
//   floor:     cat IMAGE > /dev/null; GNU tar listing every entry of every layer
//   validator: node dist/cli.js --base BASE --format json IMAGE (wall time and peak RSS)
// and prints the ratios as a table and as JSON (bench-out/results-scale-N.json).
// --daemon adds `docker save` against the check through the daemon; --registry pushes the image
// to a docker-registry of its own on loopback and adds fetching every blob to nowhere (with the
// check's own client) against the check of docker://.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { clearInterval, setInterval } from 'node:timers';
import tar from 'tar-stream';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const scale = Number(value('scale', '1'));
const runs = Number(value('runs', '3'));
// docker25: the OCI layout Docker 25+ writes (the default); legacy: what older engines write.
const layout = value('layout', 'docker25');
if (!['docker25', 'legacy'].includes(layout)) throw new Error(`--layout is docker25 or legacy, not ${layout}`);
const suffix = layout === 'legacy' ? '-legacy' : '';
const out = join(root, value('out', 'bench-out'));
mkdirSync(out, { recursive: true });

// ---- the synthetic image -------------------------------------------------------------------
const TEXT = Buffer.from(Array.from({ length: 20000 }, (_, i) => `def function_${i}(x, y):\n    return x * ${i} + y  # synthetic python source\n`).join(''));
const BINARY = randomBytes(4 * 1024 * 1024);

/** Streams a layer tar to `path` and returns { diffId, entries, size }. */
async function writeLayer(path, fill) {
  const pack = tar.pack();
  const hash = createHash('sha256');
  const file = createWriteStream(path);
  let size = 0;
  pack.on('data', (c) => {
    hash.update(c);
    size += c.length;
  });
  pack.pipe(file);
  let entries = 0;
  const add = async (header, data) => {
    entries++;
    if (data === undefined || Buffer.isBuffer(data)) {
      await new Promise((resolve, reject) => pack.entry({ mtime: new Date(0), uid: 0, gid: 0, ...header }, data, (e) => (e ? reject(e) : resolve())));
      return;
    }
    // A big file: stream it in 4 MiB pieces.
    const entry = pack.entry({ mtime: new Date(0), uid: 0, gid: 0, ...header, size: data.size });
    let left = data.size;
    while (left > 0) {
      const n = Math.min(left, BINARY.length);
      if (!entry.write(BINARY.subarray(0, n))) await once(entry, 'drain');
      left -= n;
    }
    entry.end();
    await once(entry, 'finish');
  };
  await fill(add);
  pack.finalize();
  await once(file, 'close');
  return { diffId: 'sha256:' + hash.digest('hex'), entries, size };
}

const slice = (i, n) => TEXT.subarray((i * 997) % (TEXT.length - n), ((i * 997) % (TEXT.length - n)) + n);

async function osTree(add, n) {
  for (let d = 0; d < n / 100; d++) {
    const dir = `usr/share/pkg${d}`;
    await add({ name: dir, type: 'directory', mode: 0o755 });
    for (let f = 0; f < 99; f++) await add({ name: `${dir}/file${f}.txt`, mode: 0o644 }, slice(d * 100 + f, 500 + ((d * 7 + f * 13) % 3000)));
  }
  await add({ name: 'etc/passwd', mode: 0o644 }, Buffer.from('root:x:0:0:root:/root:/bin/bash\nwork:x:1101:1101::/home/work:/bin/bash\n'));
  await add({ name: 'etc/group', mode: 0o644 }, Buffer.from('root:x:0:\nwork:x:1101:\n'));
  await add({ name: 'usr/bin/su', mode: 0o4755 }, slice(1, 60000));
  await add({ name: 'usr/lib/libc.so.6', mode: 0o755 }, slice(2, 2000000));
  for (const t of ['run_train.sh', 'utils.sh', 'ip_mapper.py', 'dls-downloader.py'])
    await add({ name: `home/work/${t}`, mode: 0o755, uid: 1101, gid: 1101 }, Buffer.from(`#!/bin/bash\n# ${t}\n`));
}

async function cudaLibs(add, count) {
  await add({ name: 'usr/local/cuda/lib64', type: 'directory', mode: 0o755 });
  for (let i = 0; i < count; i++) await add({ name: `usr/local/cuda/lib64/libcuda_like_${i}.so`, mode: 0o755 }, { size: 50 * 1024 * 1024 });
}

async function condaTree(add, n) {
  for (let d = 0; d < n / 100; d++) {
    const dir = `opt/conda/lib/python3.10/site-packages/pkg${d}`;
    await add({ name: dir, type: 'directory', mode: 0o755 });
    for (let f = 0; f < 99; f++) await add({ name: `${dir}/module${f}.py`, mode: 0o644 }, slice(d * 31 + f, 1000 + ((d * 11 + f * 17) % 5000)));
  }
}

async function weights(add, count) {
  await add({ name: 'home/work/model', type: 'directory', mode: 0o755, uid: 1101, gid: 1101 });
  for (let i = 0; i < count; i++) await add({ name: `home/work/model/weights-${i}.bin`, mode: 0o644, uid: 1101, gid: 1101 }, { size: 200 * 1024 * 1024 });
}

async function violations(add) {
  await add({ name: 'opt/tools/helper', mode: 0o4755 }, slice(3, 1000)); // setuid-setgid
  await add({ name: 'usr/lib/libc.so.6', mode: 0o755 }, slice(4, 2000000)); // protected-path
  await add({ name: 'opt/tools/start.sh', mode: 0o755 }, Buffer.from('#!/bin/bash\npip install torch\npython train.py > /tmp/train.log\n'));
  await add({ name: 'opt/tools/eicar.txt', mode: 0o644 }, Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'));
}

/**
 * Writes the image archive as `docker save` does: Docker 25 and later write an OCI layout
 * (layers as uncompressed blobs named by their digest, the config and an OCI manifest as blobs,
 * then index.json, manifest.json and oci-layout, in name order); older engines the legacy
 * layout (ID/layer.tar, CONFIG.json, manifest.json).
 */
async function writeArchive(path, layers, configObj) {
  const config = Buffer.from(JSON.stringify(configObj));
  const digest = (b) => createHash('sha256').update(b).digest('hex');
  const files = []; // { name, path } (streamed from a layer file) or { name, data }
  let manifest;
  if (layout === 'legacy') {
    const names = layers.map((l, i) => `${digest(l.diffId + i)}/layer.tar`);
    layers.forEach((l, i) => files.push({ name: names[i], path: l.path }));
    files.push({ name: `${digest(config)}.json`, data: config });
    manifest = [{ Config: `${digest(config)}.json`, RepoTags: ['bench/image:latest'], Layers: names }];
  } else {
    const oci = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${digest(config)}`, size: config.length },
        layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: l.diffId, size: l.size }))
      })
    );
    const blobs = [
      ...layers.map((l) => ({ name: `blobs/sha256/${l.diffId.slice(7)}`, path: l.path })),
      { name: `blobs/sha256/${digest(config)}`, data: config },
      { name: `blobs/sha256/${digest(oci)}`, data: oci }
    ];
    files.push(...blobs.sort((a, b) => (a.name < b.name ? -1 : 1)));
    const index = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${digest(oci)}`,
          size: oci.length,
          annotations: { 'io.containerd.image.name': 'docker.io/bench/image:latest' }
        }
      ]
    };
    files.push({ name: 'index.json', data: Buffer.from(JSON.stringify(index)) });
    manifest = [{ Config: `blobs/sha256/${digest(config)}`, RepoTags: ['bench/image:latest'], Layers: layers.map((l) => `blobs/sha256/${l.diffId.slice(7)}`) }];
  }
  files.push({ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) });
  if (layout !== 'legacy') files.push({ name: 'oci-layout', data: Buffer.from('{"imageLayoutVersion":"1.0.0"}') });
  const pack = tar.pack();
  const file = createWriteStream(path);
  pack.pipe(file);
  for (const f of files) {
    if (f.data) {
      pack.entry({ name: f.name, mtime: new Date(0) }, f.data);
      continue;
    }
    const entry = pack.entry({ name: f.name, size: statSync(f.path).size, mode: 0o644, mtime: new Date(0) });
    for await (const chunk of createReadStream(f.path, { highWaterMark: 4 << 20 })) if (!entry.write(chunk)) await once(entry, 'drain');
    entry.end();
    await once(entry, 'finish');
  }
  pack.finalize();
  await once(file, 'close');
  return files.filter((f) => f.path).map((f) => f.name);
}

async function generate() {
  const dir = join(out, `scale-${scale}${suffix}`);
  const image = join(dir, 'image.tar');
  const base = join(dir, 'base.tar');
  if (existsSync(image) && existsSync(base) && existsSync(join(dir, 'facts.json')))
    return { image, base, ...JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) };
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const specs = [
    ['/bin/sh -c #(nop) ADD file:os in / ', (add) => osTree(add, Math.round(60000 * scale))],
    ['/bin/sh -c install-cuda', (add) => cudaLibs(add, Math.round(6 * scale))],
    ['/bin/sh -c conda install -y pytorch', (add) => condaTree(add, Math.round(90000 * scale))],
    ['/bin/sh -c #(nop) COPY dir:weights in /home/work/model ', (add) => weights(add, Math.round(2 * scale))],
    ['/bin/sh -c install-tools', violations]
  ];
  const layers = [];
  for (const [i, [createdBy, fill]] of specs.entries()) {
    const path = join(dir, `layer${i}.tar`);
    layers.push({ path, createdBy, ...(await writeLayer(path, fill)) });
  }
  const history = [];
  layers.forEach((l, i) => {
    history.push({ created_by: l.createdBy });
    if (i === 1) history.push({ created_by: '/bin/sh -c #(nop)  CMD ["/bin/bash"]', empty_layer: true });
  });
  history.push({ created_by: '/bin/sh -c #(nop)  USER work', empty_layer: true });
  const cfg = (ls, hist, user) => ({
    architecture: 'amd64',
    os: 'linux',
    config: { User: user, Cmd: ['/bin/bash', '/opt/tools/start.sh'] },
    rootfs: { type: 'layers', diff_ids: ls.map((l) => l.diffId) },
    history: hist
  });
  const layerMembers = await writeArchive(image, layers, cfg(layers, history, 'work'));
  await writeArchive(base, layers.slice(0, 2), cfg(layers.slice(0, 2), history.slice(0, 3), ''));
  const facts = {
    entries: layers.reduce((s, l) => s + l.entries, 0),
    bytes: statSync(image).size,
    layerMembers,
    generatedSeconds: (Date.now() - started) / 1000
  };
  writeFileSync(join(dir, 'facts.json'), JSON.stringify(facts));
  return { image, base, ...facts };
}

// ---- measuring -----------------------------------------------------------------------------
function timed(cmd, argv, env = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { seconds, stderr: r.stderr.toString() };
}

/**
 * Like timed(), and also when the process began to receive the image: its bytes read
 * (/proc/PID/io) are sampled every 10 ms, and the first byte is where they pass by 4 MB what it had
 * read after one second (its program files). Through the daemon the engine copies the image to a
 * temporary directory before the first byte, and that copy's spread between runs is most of the
 * noise; from the first byte on, the comparison shows what each reader itself costs.
 */
async function timedFromFirstByte(cmd, argv, env = {}) {
  const start = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9;
  const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  let atOneSecond;
  let firstByte;
  const sampler = setInterval(() => {
    let read;
    try {
      read = Number(/^rchar: (\d+)$/m.exec(readFileSync(`/proc/${child.pid}/io`, 'utf8'))[1]);
    } catch {
      return; // not started yet, or gone
    }
    const now = elapsed();
    if (atOneSecond === undefined) atOneSecond = now >= 1 ? read : undefined;
    else if (firstByte === undefined && read - atOneSecond > 4e6) firstByte = now;
  }, 10);
  const [status] = await once(child, 'exit');
  clearInterval(sampler);
  const seconds = elapsed();
  if (status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${status}): ${stderr}`);
  return { seconds, ...(firstByte !== undefined && { afterFirstByte: seconds - firstByte }), stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(label, fn) {
  const results = [];
  fn(); // warm the page cache and the JIT-independent parts
  for (let i = 0; i < runs; i++) results.push(fn());
  return summary(label, results);
}

/**
 * Two measurements taken in turns, in counterbalanced order (A B, B A, A B, ...): each docker
 * save copies the image to a temporary directory, which the daemon deletes after the last byte
 * and the disk writes back, so a run pays for the one before it; runs in a block, or always in
 * the same order, would favour one side. Before each run the disk is synced and the daemon
 * given a moment to finish its clean-up. Returns the runs of each, in pair order.
 */
async function measureInTurns(a, b) {
  const ra = [];
  const rb = [];
  const settled = (m) => {
    spawnSync('sync');
    spawnSync('sleep', ['1']);
    return m.fn();
  };
  await settled(a);
  await settled(b);
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      ra.push(await settled(a));
      rb.push(await settled(b));
    } else {
      rb.push(await settled(b));
      ra.push(await settled(a));
    }
  }
  return [summary(a.label, ra), summary(b.label, rb)];
}

function summary(label, results) {
  const seconds = median(results.map((r) => r.seconds));
  const rss = results.map((r) => r.rss).filter(Boolean);
  const after = results.map((r) => r.afterFirstByte).filter((t) => t !== undefined);
  // Every run is kept, so an outlier (a stalled machine) shows instead of hiding in the median.
  return {
    label,
    seconds,
    runs: results.map((r) => +r.seconds.toFixed(2)),
    ...(rss.length && { peakRssBytes: median(rss) }),
    ...(after.length === results.length && { afterFirstByteSeconds: +median(after).toFixed(2), afterFirstByteRuns: after.map((t) => +t.toFixed(2)) })
  };
}

const rssFile = join(out, 'rss.txt');
const preload = join(root, 'scripts', 'bench-rss.cjs');
const validator = (image, base) => () => {
  const r = timed(
    process.execPath,
    ['--require', preload, join(root, 'dist', 'cli.js'), '--base', base, '--format', 'json', '--quiet', '--fail-on', 'never', image],
    { MIC_BENCH_RSS_FILE: rssFile }
  );
  return { ...r, rss: Number(readFileSync(rssFile, 'utf8')) };
};

async function main() {
  const gen = await generate();
  console.error(`image: ${gen.image} (${(gen.bytes / 1e9).toFixed(2)} GB, ${gen.entries} entries)`);
  // The layer blobs by name, in archive order (older results directories: the legacy wildcard).
  const members = gen.layerMembers ? gen.layerMembers.join(' ') : `--wildcards '*/layer.tar'`;
  const rows = [
    measure('cat IMAGE > /dev/null', () => timed('bash', ['-c', `cat '${gen.image}' > /dev/null`])),
    measure('GNU tar: list every layer entry', () => timed('bash', ['-c', `tar -xOf '${gen.image}' ${members} | tar -itvf - > /dev/null`])),
    measure('validator (dist/cli.js --base --format json)', validator(gen.image, gen.base))
  ];
  if (flag('daemon')) rows.push(...(await daemonRows(gen)));
  const registry = flag('registry') ? await registryRows(gen, check0(rows)) : undefined;
  if (registry) rows.push(...registry.rows);
  const [cat, tarList, check] = rows;
  const daemon = rows.find((r) => r.overDockerSave !== undefined);
  const result = {
    scale,
    layout,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    image: { bytes: gen.bytes, entries: gen.entries },
    rows,
    ratios: {
      validatorOverTarListing: +(check.seconds / tarList.seconds).toFixed(2),
      validatorOverCat: +(check.seconds / cat.seconds).toFixed(2),
      validatorMBps: +(gen.bytes / 1e6 / check.seconds).toFixed(0),
      validatorEntriesPerSecond: Math.round(gen.entries / check.seconds),
      rssBytesPerEntry: Math.round(check.peakRssBytes / gen.entries),
      peakRssMB: +(check.peakRssBytes / 1e6).toFixed(0),
      ...(daemon && { throughDaemonOverDockerSave: daemon.overDockerSave, throughDaemonOverDockerSavePairwise: daemon.pairwiseOverDockerSave }),
      ...(daemon?.addedAfterFirstByteSeconds !== undefined && { throughDaemonAddedAfterFirstByteSeconds: daemon.addedAfterFirstByteSeconds }),
      ...(registry && registry.ratios)
    }
  };
  writeFileSync(join(out, `results-scale-${scale}${suffix}.json`), JSON.stringify(result, null, 2) + '\n');
  print(result);
  compareScales();
}

const check0 = (rows) => rows.find((r) => r.label.startsWith('validator ('));

/**
 * A docker-registry of the bench's own on loopback (anonymous, plain HTTP), the image and its
 * base pushed to it as they are (OCI, uncompressed layers); then, in turns, every blob fetched
 * to nowhere with the check's client, and the check of docker:// with a docker:// base. The
 * registry's log counts what the base cost.
 */
async function registryRows(gen, archiveCheck) {
  const binary = spawnSync('docker-registry', ['--version']).status === 0 ? 'docker-registry' : undefined;
  if (!binary) throw new Error('--registry needs docker-registry (Debian: apt-get install docker-registry)');
  const dir = join(out, 'registry');
  const port = 5600 + Math.floor(Math.random() * 300);
  const address = `127.0.0.1:${port}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1\nlog: { accesslog: { disabled: false } }\nstorage: { filesystem: { rootdirectory: ${join(dir, 'data')} } }\nhttp: { addr: ${address} }\n`
  );
  const logFile = join(dir, 'registry.log');
  const log = openSync(logFile, 'w');
  const server = spawn(binary, ['serve', join(dir, 'config.yml')], { stdio: ['ignore', log, log] });
  await once(server, 'spawn');
  try {
    for (let i = 0; i < 40 && spawnSync('curl', ['-s', '-o', '/dev/null', `http://${address}/v2/`]).status !== 0; i++) spawnSync('sleep', ['0.25']);
    await pushArchive(address, 'bench/image', gen.image);
    await pushArchive(address, 'bench/base', gen.base);
    const fetcher = join(out, 'bench-registry-fetch.cjs');
    const { build } = await import('esbuild');
    await build({
      entryPoints: [join(root, 'scripts', 'bench-registry-fetch.ts')],
      bundle: true,
      platform: 'node',
      mainFields: ['module', 'main'],
      outfile: fetcher,
      logLevel: 'error'
    });
    const image = `docker://${address}/bench/image:latest`;
    const base = `docker://${address}/bench/base:latest`;
    const [fetch, check] = await measureInTurns(
      { label: "fetch every blob from the registry to nowhere (the check's client)", fn: () => timedFromFirstByte(process.execPath, [fetcher, image]) },
      {
        label: 'validator from the registry (--base docker://BASE docker://IMAGE)',
        fn: async () => {
          const r = await timedFromFirstByte(
            process.execPath,
            ['--require', preload, join(root, 'dist', 'cli.js'), '--format', 'json', '--quiet', '--fail-on', 'never', '--base', base, image],
            { MIC_BENCH_RSS_FILE: rssFile }
          );
          return { ...r, rss: Number(readFileSync(rssFile, 'utf8')) };
        }
      }
    );
    // What a docker:// base costs: one more check, its requests counted in the registry's log.
    const before = readFileSync(logFile, 'utf8').split('\n').length;
    spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--format', 'json', '--quiet', '--fail-on', 'never', '--base', base, image]);
    const lines = readFileSync(logFile, 'utf8')
      .split('\n')
      .slice(before - 1);
    const baseRequests = lines.filter((l) => /"(GET|HEAD) \/v2\/bench\/base\//.test(l));
    const baseBlobBytes = baseRequests.filter((l) => /\/blobs\//.test(l)).map((l) => Number(/" \d{3} (\d+) "/.exec(l)?.[1] ?? 0));
    return {
      rows: [fetch, check],
      ratios: {
        registryCheckOverFetch: +(check.seconds / fetch.seconds).toFixed(2),
        registryCheckOverFetchPairwise: +median(check.runs.map((t, i) => t / fetch.runs[i])).toFixed(2),
        registryPeakRssOverArchive: +(check.peakRssBytes / archiveCheck.peakRssBytes).toFixed(2),
        registryBaseRequests: baseRequests.length,
        registryBaseBlobBytes: baseBlobBytes.reduce((a, b) => a + b, 0)
      }
    };
  } finally {
    server.kill();
  }
}

/** Pushes an OCI archive of the bench (docker25 layout) to an anonymous registry: every blob streamed from the file, then the manifest. */
async function pushArchive(address, repo, archive) {
  const { request } = await import('node:http');
  const call = (method, path, headers, body) =>
    new Promise((resolve, reject) => {
      const req = request(`http://${address}${path}`, { method, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res));
      });
      req.on('error', reject);
      if (body && typeof body.pipe === 'function') body.pipe(req);
      else req.end(body);
    });
  const extract = tar.extract();
  const manifests = [];
  const done = (async () => {
    for await (const entry of extract) {
      const { name, size } = entry.header;
      if (!name.startsWith('blobs/sha256/')) {
        entry.resume();
        continue;
      }
      const digest = `sha256:${name.slice('blobs/sha256/'.length)}`;
      if (size < 1 << 20) {
        const chunks = [];
        for await (const c of entry) chunks.push(c);
        const data = Buffer.concat(chunks);
        const doc = (() => {
          try {
            return JSON.parse(data.toString());
          } catch {
            return undefined;
          }
        })();
        if (doc?.schemaVersion === 2 && Array.isArray(doc.layers)) manifests.push(data);
        await upload(digest, size, data);
      } else await upload(digest, size, entry);
    }
  })();
  async function upload(digest, size, body) {
    const head = await call('HEAD', `/v2/${repo}/blobs/${digest}`, {});
    if (head.statusCode === 200) return Buffer.isBuffer(body) ? undefined : body.resume();
    const start = await call('POST', `/v2/${repo}/blobs/uploads/`, {});
    const location = new URL(start.headers.location, `http://${address}`);
    location.searchParams.set('digest', digest);
    const put = await call('PUT', location.pathname + location.search, { 'Content-Length': String(size), 'Content-Type': 'application/octet-stream' }, body);
    if (put.statusCode !== 201) throw new Error(`pushing ${digest}: HTTP ${put.statusCode}`);
  }
  createReadStream(archive).pipe(extract);
  await done;
  const res = await call('PUT', `/v2/${repo}/manifests/latest`, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }, manifests[0]);
  if (res.statusCode !== 201) throw new Error(`pushing the manifest of ${repo}: HTTP ${res.statusCode}`);
}

async function daemonRows(gen) {
  const env = { DOCKER_BUILDKIT: '0' };
  // Both archives are tagged bench/image:latest: the base is loaded first and tagged apart.
  spawnSync('docker', ['load', '-i', gen.base], { stdio: 'ignore' });
  spawnSync('docker', ['tag', 'bench/image:latest', 'bench/base:latest'], { stdio: 'ignore' });
  spawnSync('docker', ['load', '-i', gen.image], { stdio: 'ignore' });
  // `exec`: the process whose bytes read are sampled is docker itself.
  const [save, through] = await measureInTurns(
    { label: 'docker save IMAGE > /dev/null', fn: () => timedFromFirstByte('bash', ['-c', `exec docker save bench/image:latest > /dev/null`], env) },
    {
      label: 'validator through the daemon (--base docker-daemon:BASE docker-daemon:IMAGE)',
      fn: async () => {
        const r = await timedFromFirstByte(
          process.execPath,
          [
            '--require',
            preload,
            join(root, 'dist', 'cli.js'),
            '--format',
            'json',
            '--quiet',
            '--fail-on',
            'never',
            '--base',
            'docker-daemon:bench/base:latest',
            'docker-daemon:bench/image:latest'
          ],
          { MIC_BENCH_RSS_FILE: rssFile }
        );
        return { ...r, rss: Number(readFileSync(rssFile, 'utf8')) };
      }
    }
  );
  spawnSync('docker', ['rmi', '-f', 'bench/image:latest', 'bench/base:latest'], { stdio: 'ignore' });
  through.overDockerSave = +(through.seconds / save.seconds).toFixed(2);
  // Each validator run over the save run of its pair: the daemon's speed drifts between pairs
  // more than within one, so the median of these is steadier than a ratio of medians.
  through.pairwiseOverDockerSave = +median(through.runs.map((t, i) => t / save.runs[i])).toFixed(2);
  // What the validator adds once the bytes flow (its stream, model and rules, against the docker
  // CLI's stream and the engine's clean-up before it closes), free of the export's spread.
  if (through.afterFirstByteRuns && save.afterFirstByteRuns) {
    through.addedAfterFirstByteSeconds = +median(through.afterFirstByteRuns.map((t, i) => t - save.afterFirstByteRuns[i])).toFixed(2);
  }
  return [save, through];
}

function print(r) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  console.log(
    `\nscale ${r.scale}, ${r.layout === 'legacy' ? 'legacy docker save layout' : 'Docker 25+ docker save layout (OCI)'}: ${(r.image.bytes / 1e9).toFixed(2)} GB, ${r.image.entries} entries; ${r.machine.cpus} cores (${r.machine.cpu}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; median of ${runs} runs\n`
  );
  console.log(line(['measurement', 'seconds (median)', 'runs', 'MB/s', 'peak RSS MB', 'from the first byte (median; runs)']));
  console.log(line(['---', '---:', '---', '---:', '---:', '---']));
  for (const row of r.rows) {
    const after = row.afterFirstByteSeconds === undefined ? '' : `${row.afterFirstByteSeconds.toFixed(2)}; ${row.afterFirstByteRuns.join(', ')}`;
    console.log(
      line([
        row.label,
        row.seconds.toFixed(2),
        row.runs.join(', '),
        (r.image.bytes / 1e6 / row.seconds).toFixed(0),
        row.peakRssBytes ? (row.peakRssBytes / 1e6).toFixed(0) : '',
        after
      ])
    );
  }
  console.log('');
  console.log(line(['ratio', 'value']));
  console.log(line(['---', '---:']));
  for (const [k, v] of Object.entries(r.ratios)) console.log(line([k, String(v)]));
  console.log('\n' + JSON.stringify(r.ratios));
}

function compareScales() {
  const files = [1, 2].map((s) => join(out, `results-scale-${s}${suffix}.json`));
  if (!files.every(existsSync)) return;
  const [a, b] = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const va = a.rows.find((r) => r.label.startsWith('validator'));
  const vb = b.rows.find((r) => r.label.startsWith('validator'));
  const growth = {
    timeRatio: +(vb.seconds / va.seconds).toFixed(2),
    bytesRatio: +(b.image.bytes / a.image.bytes).toFixed(2),
    rssGrowthBytesPerAddedEntry: Math.round((vb.peakRssBytes - va.peakRssBytes) / (b.image.entries - a.image.entries))
  };
  console.log(`\nscale 1 -> 2: ${JSON.stringify(growth)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
