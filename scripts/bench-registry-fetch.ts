// The floor of `npm run bench -- --registry`: fetches every blob of an image from its registry to
// nowhere, with the client the check uses (src/registry/registry-client.ts), and prints how many
// bytes came. bench.mjs bundles it on the fly (it is no part of the product).
import { RegistryClient } from '../src/registry/registry-client';
import { parseRegistryReference } from '../src/registry/registry-reference';
import { resolveRegistryImage } from '../src/registry/registry-source';

async function main(): Promise<void> {
  const ref = parseRegistryReference(process.argv[2]);
  const client = new RegistryClient(ref.host);
  try {
    const image = await resolveRegistryImage(client, ref, undefined);
    let bytes = image.config.bytes.length + image.manifests.reduce((sum, m) => sum + m.bytes.length, 0);
    for (const layer of image.layers) for await (const chunk of client.blob(ref.repository, layer.digest, layer.size, layer.digest)) bytes += chunk.length;
    process.stdout.write(`${bytes}\n`);
  } finally {
    client.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
