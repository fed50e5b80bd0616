// An image read from a registry, handed to the core as the OCI image layout tarball it would be
// on disk (`oci-archive:`): index.json, the manifest, the config and the layers as blobs named by
// their digests. The tar is written as it is read, the layers streamed from the registry, so the
// archive reader verifies every blob against its name and every layer against its diff_id
// exactly as it does for an archive, and nothing is buffered or written to disk.
import { ImageError } from '../core/errors';

export interface LayoutFile {
  name: string;
  size: number;
  /** The bytes, or a stream of exactly `size` bytes. */
  data: Buffer | (() => AsyncIterable<Buffer>);
}

const BLOCK = 512;

/**
 * Node's http client hands a body over in pieces of 16 to 64 KiB; the core is fastest with big
 * chunks (each one takes a slot of the scan workers' ring), so small pieces are gathered into one
 * reused 1 MiB buffer, as archive files are read. Each chunk handed on is valid until the next
 * one is asked for.
 */
const CHUNK = 1024 * 1024;

export async function* ociLayoutTar(files: LayoutFile[]): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (const file of files) {
    yield tarHeader(file.name, file.size);
    if (Buffer.isBuffer(file.data)) yield file.data;
    else {
      let written = 0;
      let filled = 0;
      for await (const piece of file.data()) {
        written += piece.length;
        if (written > file.size) {
          throw new ImageError(`the blob ${file.name} has more bytes than its descriptor's ${file.size}: the registry's copy was modified`);
        }
        // A big piece (the fast way reads ~1 MiB at once) goes on as it is.
        if (filled === 0 && piece.length >= CHUNK / 2) {
          yield piece;
          continue;
        }
        for (let at = 0; at < piece.length;) {
          const n = Math.min(piece.length - at, CHUNK - filled);
          piece.copy(buffer, filled, at, at + n);
          filled += n;
          at += n;
          if (filled === CHUNK) {
            yield buffer;
            filled = 0;
          }
        }
      }
      if (filled > 0) yield buffer.subarray(0, filled);
      if (written < file.size) throw new ImageError(`the blob ${file.name} has ${written} bytes, fewer than its descriptor's ${file.size}`);
    }
    const pad = (BLOCK - (file.size % BLOCK)) % BLOCK;
    if (pad > 0) yield Buffer.alloc(pad);
  }
  yield Buffer.alloc(2 * BLOCK);
}

/** A USTAR header for a regular file; sizes of 8 GiB and more in base-256, as GNU tar and Go write them. */
function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  if (size < 8 ** 11) h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  else {
    h[124] = 0x80;
    let v = BigInt(size);
    for (let i = 135; i > 124; i--, v >>= 8n) h[i] = Number(v & 0xffn);
  }
  h.write('00000000000\0', 136);
  h.write('0', 156);
  h.write('ustar\x0000', 257, 'latin1');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return h;
}
