// Removes HTTP/1.1 response framing (status line, headers, chunked transfer coding) from bytes
// as they arrive, in place: the body's bytes are moved left over the framing within the same
// buffer, so a response can be read into reused buffers without a copy per read.

const MAX_HEAD = 64 * 1024;
const MAX_SIZE_LINE = 1024;
const MAX_ERROR_BODY = 64 * 1024;

const enum State {
  Head,
  ChunkSize,
  ChunkData,
  ChunkDataEnd,
  Trailer,
  Body,
  Done
}

export class HttpResponseDecoder {
  /** The status code, once the head is read (0 before). */
  status = 0;
  /** The body of a response whose status is not 200 (up to 64 KiB), for its error message. */
  errorBody = '';
  private state = State.Head;
  private head = '';
  private line = '';
  /** Body bytes left: of the current chunk, or of the whole body with Content-Length (-1: until the connection closes). */
  private remaining = 0;
  /** In ChunkDataEnd: how many of the two bytes (CR LF) after a chunk's data were seen. */
  private crlfSeen = 0;

  /** Whether the whole response has been read (a body framed by the connection's end never is). */
  get done(): boolean {
    return this.state === State.Done;
  }

  /** Whether the body runs until the connection closes (neither chunked nor with a length). */
  get untilClose(): boolean {
    return this.state === State.Body && this.remaining === -1;
  }

  /**
   * Decodes `buf[start, end)`: body bytes are moved to start at `start`; returns where they
   * end. Bytes after the end of the response are dropped. Throws on a malformed response.
   */
  decode(buf: Buffer, start: number, end: number): number {
    let out = start;
    let pos = start;
    while (pos < end && this.state !== State.Done) {
      switch (this.state) {
        case State.Head: {
          // The head may arrive in pieces (and each read lands where the last one did): it is
          // gathered as text until the blank line that ends it.
          const before = this.head.length;
          this.head += buf.toString('latin1', pos, Math.min(end, pos + MAX_HEAD + 4));
          const at = this.head.indexOf('\r\n\r\n', Math.max(0, before - 3));
          if (at === -1) {
            if (this.head.length > MAX_HEAD) throw new Error('the response head is too long');
            pos = end;
            break;
          }
          pos += at + 4 - before;
          this.head = this.head.slice(0, at + 4);
          this.startBody(this.head);
          break;
        }
        case State.ChunkSize:
        case State.Trailer: {
          const lf = buf.indexOf(10, pos);
          const take = lf === -1 || lf >= end ? end : lf + 1;
          this.line += buf.toString('latin1', pos, take);
          pos = take;
          if (this.line.length > MAX_SIZE_LINE) throw new Error('a chunk header is too long');
          if (this.line.endsWith('\n')) this.endLine();
          break;
        }
        case State.ChunkData:
        case State.Body: {
          const n = this.remaining === -1 ? end - pos : Math.min(this.remaining, end - pos);
          if (this.status === 200) {
            if (out !== pos) buf.copyWithin(out, pos, pos + n);
            out += n;
          } else if (this.errorBody.length < MAX_ERROR_BODY) {
            this.errorBody += buf.toString('latin1', pos, pos + Math.min(n, MAX_ERROR_BODY - this.errorBody.length));
          }
          pos += n;
          if (this.remaining !== -1) {
            this.remaining -= n;
            if (this.remaining === 0) this.state = this.state === State.Body ? State.Done : State.ChunkDataEnd;
          }
          break;
        }
        case State.ChunkDataEnd: {
          const expected = this.crlfSeen === 0 ? 13 : 10;
          if (buf[pos] !== expected) throw new Error('a chunk does not end where its size says');
          pos++;
          if (++this.crlfSeen === 2) {
            this.crlfSeen = 0;
            this.state = State.ChunkSize;
          }
          break;
        }
      }
    }
    return out;
  }

  private startBody(head: string): void {
    const lines = head.slice(0, -4).split('\r\n');
    const status = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(lines[0]);
    if (!status) throw new Error('the answer is not an HTTP/1.1 response');
    this.status = Number(status[1]);
    let chunked = false;
    let length = -1;
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new Error('a response header is malformed');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'transfer-encoding') {
        // The daemon sends plain chunked bodies; another coding (gzip, chunked) would need decoding.
        if (value.toLowerCase() !== 'chunked') throw new Error(`the response's transfer coding "${value}" is not supported`);
        chunked = true;
      } else if (name === 'content-length') {
        if (!/^\d{1,15}$/.test(value)) throw new Error('the response has a malformed Content-Length');
        length = Number(value);
      }
    }
    if (chunked) this.state = State.ChunkSize;
    else {
      this.state = length === 0 ? State.Done : State.Body;
      this.remaining = length;
    }
  }

  private endLine(): void {
    const line = this.line.replace(/\r?\n$/, '');
    this.line = '';
    if (this.state === State.Trailer) {
      if (line === '') this.state = State.Done;
      return;
    }
    // A size in hex, perhaps followed by ";extension".
    const size = /^([0-9a-fA-F]{1,13})[ \t]*(?:;.*)?$/.exec(line);
    if (!size) throw new Error('a chunk size is malformed');
    this.remaining = parseInt(size[1], 16);
    this.state = this.remaining === 0 ? State.Trailer : State.ChunkData;
  }
}
