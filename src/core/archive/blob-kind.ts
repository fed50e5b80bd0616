// What a blob in an image archive is, from its first bytes: names and media types can lie. A
// layer is read as Docker's DecompressStream reads it: gzip and zstd by their magic, anything
// with no compression magic as plain tar, old V7 tars without the "ustar" magic included.
import { checksumMatches } from '../tar/tar-header';

export type BlobKind = 'gzip' | 'zstd' | 'bzip2' | 'xz' | 'tar' | 'json' | 'other';

/** Bytes needed to tell a tar header (its magic is at offset 257) from anything else. */
export const SNIFF_BYTES = 512;

const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);

export function sniffBlob(head: Buffer): BlobKind {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  if (head.length >= 3 && head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return 'bzip2';
  if (head.length >= 6 && head.subarray(0, 6).equals(XZ_MAGIC)) return 'xz';
  // A block whose checksum matches is a tar header, whatever its magic says (V7 has none).
  if (head.length >= 512 && checksumMatches(head)) return 'tar';
  // An empty layer is a tar of nothing but end-of-archive zero blocks, or of nothing at all (Go reads no entry).
  if (head.length === 0 || (head.length === SNIFF_BYTES && head.every((b) => b === 0))) return 'tar';
  for (const b of head) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b /* { */ || b === 0x5b /* [ */ ? 'json' : 'other';
  }
  return 'other';
}
