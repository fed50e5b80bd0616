// --clamd: every file streams to a real ClamAV daemon (scripts/test-env.sh starts one with a
// signature database of our own); detections in custom layers are malicious-code findings.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { buildImage, memorySource, onBase } from '../../../__fixtures__/image-builder';
import { checkImage } from '../../../src/core/check-image';
import { ClamdClient } from '../../../src/core/scan/clamd-client';
import { defaultSettings } from '../../../src/core/settings/settings';

const address = process.env.MIC_TEST_CLAMD ?? '';
// Decided up front, so that without clamd the tests are reported as skipped, with the reason.
const unavailable = !address.startsWith('unix:')
  ? 'MIC_TEST_CLAMD is not set (scripts/test-env.sh start sets it)'
  : existsSync(address.slice(5))
    ? undefined
    : `no clamd socket at ${address.slice(5)}`;
if (unavailable && process.env.MIC_REQUIRE_CLAMD === '1') throw new Error(`clamd is required here (MIC_REQUIRE_CLAMD=1) but ${unavailable}`);
if (unavailable) console.warn(`ClamAV tests skipped: ${unavailable}`);
const maybe = (name: string, fn: () => Promise<void>) => (unavailable ? it.skip : it)(name, fn, 60000);

describe('ClamAV through --clamd', () => {
  maybe('reports what ClamAV detects in custom layers, and only there', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ path: `opt/app/f${i}.txt`, content: `file ${i}\n` }));
    const spec = onBase([
      {
        entries: [
          ...many,
          { path: 'opt/app/payload.bin', content: Buffer.concat([Buffer.alloc(100000, 1), Buffer.from('mic-test-malware'), Buffer.alloc(1000, 2)]) },
          { path: 'opt/app/huge.bin', content: Buffer.alloc(26 * 1000 * 1000, 3) }
        ]
      }
    ]);
    spec.layers[0].entries.push({ path: 'usr/share/base-sample', content: 'mic-test-malware' });
    // No --base: the base layer (with the same bytes) is told from the history and not reported.
    const { archive } = await buildImage(spec);
    const r = await checkImage({ image: memorySource(archive), settings: defaultSettings(), clamd: address });
    const found = r.findings.filter((f) => f.rule === 'malicious-code');
    expect(found.map((f) => f.path)).toEqual(['/opt/app/payload.bin']);
    expect(found[0].message).toBe('/opt/app/payload.bin is detected by ClamAV as MicTestSignature.UNOFFICIAL. Remove it from the image.');
  });

  maybe('fails clearly when clamd cannot be reached', async () => {
    await expect(ClamdClient.connect('unix:/nonexistent/clamd.sock')).rejects.toThrow(/cannot reach clamd at unix:\/nonexistent\/clamd\.sock/);
    await expect(ClamdClient.connect('http://x')).rejects.toThrow(/is not a clamd address: use tcp:\/\/HOST:PORT or unix:/);
  });
});

describe('a clamd that stops answering', () => {
  let server: Server;
  let address = '';
  beforeAll(async () => {
    // Takes every byte and never replies: an overloaded clamd, or another service on its port.
    server = createServer((socket) => socket.on('data', () => undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    address = `tcp://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fails the check after the stall time instead of waiting forever', async () => {
    const client = await ClamdClient.connect(address, 300);
    const layer = client.beginLayer();
    client.beginFile(0, 1000);
    await client.data(Buffer.from('some file'));
    client.endFile();
    const started = Date.now();
    await expect(client.layerVerdicts(layer)).rejects.toThrow(/ClamAV scanning failed: clamd at tcp:\/\/127\.0\.0\.1:\d+: it answered nothing for 0\.3 s/);
    expect(Date.now() - started).toBeLessThan(5000);
    client.close();
  });

  it('waits quietly while it owes nothing, and still notices a stall afterwards', async () => {
    const client = await ClamdClient.connect(address, 200);
    const idle = client.beginLayer();
    await new Promise((r) => setTimeout(r, 500)); // idle longer than the stall time: not a failure
    await expect(client.layerVerdicts(idle)).resolves.toEqual([]);
    const layer = client.beginLayer();
    client.beginFile(0, 1000);
    await client.data(Buffer.from('some file'));
    client.endFile();
    await expect(client.layerVerdicts(layer)).rejects.toThrow(/it answered nothing for 0\.2 s/);
    client.close();
  });
});
