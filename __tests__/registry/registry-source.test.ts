// A registry is input like any other: a hostile one answers with manifests that name blobs by
// digests that are paths. The image is refused before any such blob is asked for.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryClient } from '../../src/registry/registry-client';
import { resolveRegistryImage } from '../../src/registry/registry-source';
import { parseRegistryReference } from '../../src/registry/registry-reference';

const GOOD = `sha256:${'a'.repeat(64)}`;
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

describe('a registry whose manifests name blobs by something other than a digest', () => {
  let server: Server;
  let host: string;
  let answer: { mediaType: string; body: object };
  const asked: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      asked.push(req.url ?? '');
      if (req.url === '/v2/team/train/manifests/1') {
        res.writeHead(200, { 'Content-Type': answer.mediaType }).end(JSON.stringify(answer.body));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const resolve = async () => {
    asked.length = 0;
    const client = new RegistryClient(host, { attempts: 1 });
    try {
      return await resolveRegistryImage(client, parseRegistryReference(`docker://${host}/team/train:1`), undefined);
    } finally {
      client.close();
    }
  };
  const manifest = (config: string, layer: string) => ({
    mediaType: OCI_MANIFEST,
    body: {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config, size: 2 },
      layers: [{ digest: layer, size: 3 }]
    }
  });

  it.each([
    ['a config named by a path', () => manifest('sha256:../../../../v2/other/secret', GOOD)],
    ['a layer named by a path', () => manifest(GOOD, 'sha256:abc/../../x')],
    ['a layer named by sha512 (Docker writes sha256)', () => manifest(GOOD, `sha512:${'b'.repeat(128)}`)],
    ['a layer named with a line break', () => manifest(GOOD, 'sha256:\n::error::forged annotation')],
    [
      'an index entry named by a path',
      () => ({
        mediaType: OCI_INDEX,
        body: {
          schemaVersion: 2,
          mediaType: OCI_INDEX,
          manifests: [{ mediaType: OCI_MANIFEST, digest: '../../manifests/latest', size: 2, platform: { os: 'linux', architecture: 'amd64' } }]
        }
      })
    ]
  ])('%s: refused in one line, before anything more is asked of the registry', async (_, make) => {
    answer = make();
    const err = await resolve().then(
      () => undefined,
      (e: Error) => e
    );
    expect(err?.message).toMatch(/names a blob or manifest by "[^"]+", which is not a sha256 digest$/);
    expect(err?.message).not.toContain('\n'); // one line: no forged annotation
    expect(asked).toEqual(['/v2/team/train/manifests/1']);
  });
});
