import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponseDecoder } from '../../src/net/http-response-decoder';
import { saveChunks } from '../../src/docker/save-stream';

// A stand-in daemon on a Unix socket that answers every request with `respond`.
let dir: string;
let server: Server;
let socketPath: string;
let respond: (socket: Socket, request: string) => void;
let requests: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mic-save-'));
  socketPath = join(dir, 'docker.sock');
  server = createServer((socket) => {
    let request = '';
    socket.on('data', (d) => {
      request += d.toString('latin1');
      if (request.includes('\r\n\r\n')) {
        requests.push(request);
        respond(socket, request);
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  requests = [];
});

const source = () => saveChunks({ connect: { path: socketPath }, requestPath: '/images/sha256%3Aabc/get' });

/** Writes `parts` one by one, each after the socket drained, as a daemon writing in pieces would. */
async function writeSlowly(socket: Socket, parts: Buffer[], end = true): Promise<void> {
  for (const p of parts) {
    if (!socket.write(p)) await new Promise((r) => socket.once('drain', r));
    if (Math.random() < 0.05) await new Promise((r) => setImmediate(r));
  }
  if (end) socket.end();
}

/** A chunked body cut into random chunk sizes, then into random write sizes (cutting through headers). */
function chunkedParts(body: Buffer, seed: number): Buffer[] {
  let x = seed;
  const rand = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % n);
  const framed: Buffer[] = [Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\n\r\n')];
  for (let at = 0; at < body.length;) {
    const n = Math.min(body.length - at, 1 + rand(70000));
    framed.push(Buffer.from(n.toString(16) + (rand(4) === 0 ? ';ext=1' : '') + '\r\n'), body.subarray(at, at + n), Buffer.from('\r\n'));
    at += n;
  }
  framed.push(Buffer.from('0\r\n\r\n'));
  const all = Buffer.concat(framed);
  const parts: Buffer[] = [];
  for (let at = 0; at < all.length;) {
    const n = 1 + rand(rand(10) === 0 ? 7 : 90000);
    parts.push(all.subarray(at, at + n));
    at += n;
  }
  return parts;
}

async function collect(slowReader: boolean): Promise<{ data: Buffer; sizes: number[] }> {
  const got: Buffer[] = [];
  const sizes: number[] = [];
  for await (const chunk of source()) {
    sizes.push(chunk.length);
    got.push(Buffer.from(chunk)); // a copy: the chunk's buffer is reused once we ask for the next
    if (slowReader) await new Promise((r) => setTimeout(r, 5));
  }
  return { data: Buffer.concat(got), sizes };
}

describe('docker save read from the daemon socket', () => {
  it.each([
    ['a fast reader', false, 1],
    ['a slow reader (reading pauses and resumes)', true, 2]
  ])('gives exactly the body of a chunked answer to %s, in chunks of about 1 MiB', async (_name, slow, seed) => {
    const body = randomBytes(4 * 1024 * 1024 + 12345);
    respond = (socket) => void writeSlowly(socket, chunkedParts(body, seed));
    const { data, sizes } = await collect(slow);
    expect(data.equals(body)).toBe(true);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1024 * 1024);
    expect(sizes.length).toBeLessThan(12);
  });

  it('asks in HTTP/1.0, so that the daemon sends the body raw until it closes, and reads it whole', async () => {
    const body = randomBytes(3 * 1024 * 1024 + 777);
    respond = (socket) =>
      void writeSlowly(socket, [
        Buffer.from('HTTP/1.0 200 OK\r\nContent-Type: application/x-tar\r\n\r\n'),
        body.subarray(0, 5),
        body.subarray(5, 70001),
        body.subarray(70001)
      ]);
    const got: Buffer[] = [];
    for await (const chunk of source()) got.push(Buffer.from(chunk));
    expect(Buffer.concat(got).equals(body)).toBe(true);
    expect(requests[0]).toMatch(/^GET \/images\/sha256%3Aabc\/get HTTP\/1\.0\r\n/);
  });

  it('hands a waiting reader the last bytes at once, though the daemon keeps the connection open after them', async () => {
    const body = randomBytes(2 * 1024 * 1024 + 4321); // the last 4321 bytes fill no buffer
    let close = () => {};
    respond = (socket) => {
      close = () => socket.end();
      void writeSlowly(socket, [Buffer.from('HTTP/1.0 200 OK\r\nContent-Type: application/x-tar\r\n\r\n'), body], false);
    };
    const got: Buffer[] = [];
    let bytes = 0;
    const started = Date.now();
    for await (const chunk of source()) {
      got.push(Buffer.from(chunk));
      bytes += chunk.length;
      if (bytes === body.length) break; // what the archive reader does at the end-of-archive marker
    }
    close();
    expect(Date.now() - started).toBeLessThan(2000); // otherwise: the 30-minute stall time
    expect(Buffer.concat(got).equals(body)).toBe(true);
  });

  it('keeps every byte in order when the daemon pauses mid-buffer again and again (reads land after a partial hand-over)', async () => {
    const body = randomBytes(1536 * 1024 + 99);
    respond = (socket) =>
      void (async () => {
        socket.write('HTTP/1.0 200 OK\r\n\r\n');
        for (let at = 0; at < body.length; at += 96 * 1024) {
          socket.write(body.subarray(at, at + 96 * 1024));
          await new Promise((r) => setTimeout(r, 25)); // longer than the reader's patience
        }
        socket.end();
      })();
    const { data, sizes } = await collect(false);
    expect(data.equals(body)).toBe(true);
    expect(sizes.length).toBeGreaterThan(4);
  });

  it('reads a body framed by Content-Length', async () => {
    const body = randomBytes(300000);
    respond = (socket) =>
      void writeSlowly(socket, [Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`), body.subarray(0, 1000), body.subarray(1000)]);
    expect((await collect(false)).data.equals(body)).toBe(true);
  });

  it("fails with the daemon's message on an error status", async () => {
    const msg = Buffer.from('{"message":"reference does not exist"}');
    respond = (socket) =>
      socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: ${msg.length}\r\n\r\n`), msg]));
    await expect(collect(false)).rejects.toThrow('the daemon answered 404: reference does not exist');
  });

  it('fails when the connection closes before the last chunk', async () => {
    const parts = chunkedParts(randomBytes(2 * 1024 * 1024), 3);
    respond = (socket) => void writeSlowly(socket, parts.slice(0, Math.floor(parts.length / 2)));
    await expect(collect(false)).rejects.toThrow('the connection closed before the end of the stream');
  });

  it.each([
    ['a malformed chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['a chunk longer than its size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n'],
    ['something that is not HTTP', 'SSH-2.0-OpenSSH_9.2\r\n\r\n'],
    ['a transfer coding other than chunked', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n']
  ])('fails clearly on %s', async (_name, answer) => {
    respond = (socket) => socket.end(answer);
    await expect(collect(false)).rejects.toThrow(/the daemon's answer is malformed/);
  });

  it('fails when the daemon stalls, but not while it waits on a slow reader', async () => {
    const stalled = saveChunks({ connect: { path: socketPath }, requestPath: '/images/x/get', stallMs: 300 });
    respond = (socket) => socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n');
    const started = Date.now();
    await expect(
      (async () => {
        for await (const _ of stalled) void _;
      })()
    ).rejects.toThrow(/the daemon sent nothing for \d+ s/);
    expect(Date.now() - started).toBeLessThan(5000);

    const body = randomBytes(4 * 1024 * 1024);
    respond = (socket) => void writeSlowly(socket, chunkedParts(body, 5));
    const got: Buffer[] = [];
    for await (const chunk of saveChunks({ connect: { path: socketPath }, requestPath: '/images/x/get', stallMs: 200 })) {
      got.push(Buffer.from(chunk));
      await new Promise((r) => setTimeout(r, 400)); // longer than the stall time, while reading is paused
    }
    expect(Buffer.concat(got).equals(body)).toBe(true);
  });

  it('fails clearly when nothing listens', async () => {
    const nowhere = saveChunks({ connect: { path: join(dir, 'missing.sock') }, requestPath: '/images/x/get' });
    await expect(
      (async () => {
        for await (const _ of nowhere) void _;
      })()
    ).rejects.toThrow(/ENOENT/);
  });

  it('drops the connection when the reader stops early', async () => {
    const closed = new Promise<void>((resolve) => {
      respond = (socket) => {
        socket.on('close', () => resolve());
        void writeSlowly(socket, chunkedParts(randomBytes(8 * 1024 * 1024), 4)).catch(() => {});
      };
    });
    for await (const chunk of source()) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    await closed;
  });
});

describe('HttpResponseDecoder', () => {
  it('keeps the head across reads that land at the same place and drops bytes after the response', () => {
    const d = new HttpResponseDecoder();
    const buf = Buffer.alloc(64);
    const feed = (s: string) => {
      buf.write(s, 10, 'latin1');
      return d.decode(buf, 10, 10 + s.length);
    };
    expect(feed('HTTP/1.1 200 OK\r\nContent-Len')).toBe(10);
    expect(feed('gth: 3\r\n\r')).toBe(10);
    expect(feed('\nabcEXTRA')).toBe(13);
    expect(buf.toString('latin1', 10, 13)).toBe('abc');
    expect(d.done).toBe(true);
  });
});
