import { ociLayoutTar } from '../../src/registry/oci-layout-stream';
import { TarParser, type TarHeader } from '../../src/core/tar/tar-parser';

async function read(chunks: AsyncIterable<Buffer>): Promise<{ header: TarHeader; bytes: number }[]> {
  const out: { header: TarHeader; bytes: number }[] = [];
  const parser = new TarParser((header) => {
    const entry = { header, bytes: 0 };
    out.push(entry);
    return { data: (c) => void (entry.bytes += c.length), end: () => undefined, discarding: false };
  });
  for await (const chunk of chunks) await parser.write(chunk);
  await parser.end();
  if (!parser.ended) throw new Error('no end-of-archive marker');
  return out;
}

describe('an OCI layout written as it is read', () => {
  it('frames files and streamed blobs as tar, sizes of 8 GiB and more in base-256', async () => {
    const big = 8 ** 11 + 5; // past what 11 octal digits hold
    async function* zeros(n: number) {
      const chunk = Buffer.alloc(1 << 20);
      for (let left = n; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
    }
    const entries = await read(
      ociLayoutTar([
        { name: 'index.json', size: 2, data: Buffer.from('{}') },
        {
          name: 'blobs/sha256/' + 'a'.repeat(64),
          size: 3,
          data: async function* () {
            yield Buffer.from('ab');
            yield Buffer.from('c');
          }
        },
        { name: 'blobs/sha256/' + 'b'.repeat(64), size: big, data: () => zeros(big) }
      ])
    );
    expect(entries.map((e) => [e.header.name, e.header.size, e.bytes])).toEqual([
      ['index.json', 2, 2],
      ['blobs/sha256/' + 'a'.repeat(64), 3, 3],
      ['blobs/sha256/' + 'b'.repeat(64), big, big]
    ]);
  }, 120000);

  it('refuses a blob longer or shorter than its descriptor says', async () => {
    const of = (bytes: string, size: number) =>
      read(
        ociLayoutTar([
          {
            name: 'blobs/sha256/x',
            size,
            data: async function* () {
              yield Buffer.from(bytes);
            }
          }
        ])
      );
    await expect(of('abcd', 3)).rejects.toThrow(/has more bytes than its descriptor's 3/);
    await expect(of('ab', 3)).rejects.toThrow(/has 2 bytes, fewer than its descriptor's 3/);
  });
});
