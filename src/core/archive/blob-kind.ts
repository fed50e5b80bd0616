/** What a blob in an image archive is, from its first bytes: names and media types can lie. */
export type BlobKind = 'gzip' | 'zstd' | 'tar' | 'json' | 'other';

/** Bytes needed to tell a tar header (its magic is at offset 257) from anything else. */
export const SNIFF_BYTES = 512;

export function sniffBlob(head: Buffer): BlobKind {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  // An empty layer is a tar of nothing but end-of-archive zero blocks.
  if (head.length === SNIFF_BYTES && head.every((b) => b === 0)) return 'tar';
  for (const b of head) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b /* { */ || b === 0x5b /* [ */ ? 'json' : 'other';
  }
  return 'other';
}
