// Where an image comes from: `docker-archive:PATH`, `oci-archive:PATH`, or a bare path whose
// layout is told from its content. (Daemon references are opened by the daemon source.)
import { closeSync, openSync, read, readSync, statSync } from 'node:fs';
import { isatty } from 'node:tty';
import { UsageError } from '../errors';

export type Layout = 'docker-archive' | 'oci-archive' | 'auto';

/** An archive's bytes in order; a seekable one (a file) can also jump ahead. */
export interface ChunkSource extends AsyncIterable<Buffer> {
  /** Skips the next `n` bytes (not yet read); returns how many there were (fewer at the end). */
  skip?(n: number): number;
  /**
   * Set when the stream's end does not prove it complete (an HTTP body that runs until the
   * connection closes) and the archive is one Docker wrote, which always ends with tar's
   * end-of-archive marker: without the marker it was cut short. Says why, for the error.
   */
  cutShortHint?: string;
}

export interface ImageSource {
  /** How the image is named in messages. */
  name: string;
  layout: Layout;
  /** Size in bytes when known (for progress). */
  size?: number;
  /**
   * The source has checked each layer's bytes against its diff_id as it produced them, so the
   * validator does not hash the layers again (see daemonSource). Archives never have.
   */
  layersVerified?: boolean;
  /** The tags the source knows the image by (the daemon's), where the archive names none. */
  repoTags?: string[];
  /** Where the bytes come from, when not an archive: a registry (its blobs, written as an OCI layout as they arrive). */
  transport?: 'registry';
  open(): ChunkSource;
}

/**
 * An archive piped into standard input (`docker save IMAGE | modelarts-image-check -`): read as
 * it arrives, like the daemon's stream. A pipe's end does not prove the archive whole (the
 * command writing it may have failed), so it must end with tar's end-of-archive marker.
 */
export function stdinSource(): ImageSource {
  if (isatty(0)) throw new UsageError('standard input is a terminal: pipe an archive into it (docker save IMAGE | modelarts-image-check -)');
  return {
    name: 'the archive on standard input',
    layout: 'auto',
    open: () => ({ ...readDescriptor(0), cutShortHint: 'standard input ended early: did the command writing it fail?' })
  };
}

/** Reads a descriptor that cannot seek (a pipe) into one reused 1 MiB buffer, without blocking the thread while it waits. */
function readDescriptor(fd: number): ChunkSource {
  return {
    async *[Symbol.asyncIterator]() {
      const buffer = Buffer.allocUnsafe(1024 * 1024);
      for (;;) {
        const bytesRead = await new Promise<number>((resolve, reject) =>
          read(fd, buffer, 0, buffer.length, null, (err, n) => (err ? reject(err) : resolve(n)))
        ).catch(async (err: NodeJS.ErrnoException) => {
          // A descriptor left non-blocking by whoever opened it has no data yet: wait.
          if (err.code === 'EAGAIN') return new Promise<number>((resolve) => setTimeout(() => resolve(-1), 10));
          throw new UsageError(`cannot read standard input: ${err.code ?? err.message}`);
        });
        if (bytesRead === -1) continue;
        if (bytesRead === 0) return;
        yield buffer.subarray(0, bytesRead);
      }
    }
  };
}

export function archiveSource(spec: string): ImageSource {
  let layout: Layout = 'auto';
  let path = spec;
  const m = /^(docker-archive|oci-archive):(.*)$/.exec(spec);
  if (m) {
    layout = m[1] as Layout;
    path = m[2];
  } else if (/^[a-z][a-z0-9-]*:(?!\/\/)/.test(spec) && !spec.includes('/') && !spec.includes('.')) {
    throw new UsageError(`unknown transport in "${spec}": use docker-archive:PATH, oci-archive:PATH or a path to an archive`);
  }
  if (path === '') throw new UsageError(`"${spec}" names no file`);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new UsageError(`${path} is not a file: pass an image archive (docker save -o image.tar IMAGE)`);
    size = st.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${code ?? (err as Error).message}`);
  }
  return {
    name: `image archive ${path}`,
    layout,
    size,
    open: () => readChunks(path, size)
  };
}

/**
 * Reads a file into one reused 1 MiB buffer. Each chunk is valid until the consumer asks for
 * the next one: the archive reader finishes with a chunk (copying what it keeps) before that,
 * so a 10 GB archive costs one buffer instead of ten thousand for the collector to free.
 * Skipping moves the read position: a base image's layers are jumped over, not read.
 * Reads are synchronous: a 1 MiB read from the page cache takes a fraction of a millisecond,
 * less than a round trip through libuv's thread pool.
 */
function readChunks(path: string, size: number): ChunkSource {
  let position = 0;
  return {
    skip(n: number): number {
      const skipped = Math.max(0, Math.min(n, size - position));
      position += skipped;
      return skipped;
    },
    async *[Symbol.asyncIterator]() {
      const fd = openSync(path, 'r');
      try {
        const buffer = Buffer.allocUnsafe(1024 * 1024);
        for (;;) {
          const bytesRead = readSync(fd, buffer, 0, buffer.length, position);
          if (bytesRead === 0) return;
          position += bytesRead;
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        closeSync(fd);
      }
    }
  };
}
