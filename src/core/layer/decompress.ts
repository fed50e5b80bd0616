// Runs compressed data through zlib into a consumer, for layer blobs and for archives that
// were gzipped as a whole. Three things both need:
//  - zlib reads ahead of what it has consumed, and sources reuse their buffers: copy chunks;
//  - pipeline() reports its own AbortError when the consumer throws: keep the consumer's error;
//  - zlib's errors become a clear ImageError naming what could not be decompressed.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { ImageError } from '../errors';

export type Compression = 'gzip' | 'zstd';

export async function decompressInto(
  source: AsyncIterable<Buffer>,
  compression: Compression,
  consume: (chunks: AsyncIterable<Buffer>) => Promise<void>,
  label: string
): Promise<void> {
  let failure: unknown;
  // zlib hands over Buffers (no encoding is set).
  const keepingFailure = async (chunks: AsyncIterable<Buffer | string>) => {
    try {
      await consume(chunks as AsyncIterable<Buffer>);
    } catch (err) {
      failure ??= err;
      throw err;
    }
  };
  try {
    await pipeline(Readable.from(copies(source), { objectMode: false }), decompressor(compression, label), keepingFailure);
  } catch (caught) {
    const err = failure ?? caught;
    if (err instanceof ImageError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_ZSTD') || /zstd|zlib|gzip|header check|incorrect/i.test(String((err as Error).message))) {
      throw new ImageError(`${label} is corrupt: its ${compression} data cannot be decompressed (${(err as Error).message})`);
    }
    throw err;
  }
}

async function* copies(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield Buffer.from(chunk);
}

/** Whether this Node.js decompresses zstd (22.15 and newer). */
export function zstdSupported(): boolean {
  return typeof (zlib as unknown as { createZstdDecompress?: unknown }).createZstdDecompress === 'function';
}

function decompressor(compression: Compression, label: string): NodeJS.ReadWriteStream {
  if (compression === 'gzip') return zlib.createGunzip({ chunkSize: 128 * 1024 });
  const create = (zlib as unknown as { createZstdDecompress?: () => NodeJS.ReadWriteStream }).createZstdDecompress;
  if (!create) {
    throw new ImageError(
      `${label} is zstd-compressed, and this Node.js (${process.version}) has no zstd support: run with Node.js 22.15 or newer (the action runs on Node 24)`
    );
  }
  return create();
}
