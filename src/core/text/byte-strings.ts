// Names in an image are bytes, not text: Go's archive/tar hands them to Docker as they are, and
// two names that differ in one byte are two files. JavaScript strings are UTF-16, so names are
// decoded the way Python's "surrogateescape" does it: valid UTF-8 as its characters, and each
// byte that is not part of a valid sequence as the lone surrogate U+DC80..U+DCFF. Distinct byte
// strings stay distinct strings, compare as the bytes do, and ASCII stays ASCII. Printed, each
// such byte shows as \xNN (escapeUndecodable).

/** The bytes of buf[start, end) as a string that keeps every byte (see above). */
export function decodeBytes(buf: Uint8Array, start: number, end: number): string {
  const text = Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('utf8');
  // Node replaces invalid sequences with U+FFFD; a name without one was valid UTF-8 throughout.
  return text.includes('\ufffd') ? decodeEscaping(buf, start, end) : text;
}

/** UTF-8 decoded by Go's rules (utf8.DecodeRune), each byte of an invalid sequence escaped. */
function decodeEscaping(buf: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end;) {
    const n = validSequenceLength(buf, i, end);
    if (n === 0) {
      out += String.fromCharCode(0xdc00 + buf[i]);
      i++;
    } else {
      out += Buffer.from(buf.buffer, buf.byteOffset + i, n).toString('utf8');
      i += n;
    }
  }
  return out;
}

/** The length of the valid UTF-8 sequence at buf[i] (1 to 4), or 0 when the byte there starts none. */
function validSequenceLength(buf: Uint8Array, i: number, end: number): number {
  const b = buf[i];
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < end && buf[i + k] >= lo && buf[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  // The second byte's range excludes overlong forms and the surrogates U+D800..U+DFFF.
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b >= 0xe1 && b <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The bytes a decoded string stands for (the inverse of decodeBytes). */
export function encodeBytes(text: string): Buffer {
  if (!/[\udc80-\udcff]/.test(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let run = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lone = c >= 0xdc80 && c <= 0xdcff && !(i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff);
    if (!lone) {
      run += text[i];
      continue;
    }
    parts.push(Buffer.from(run, 'utf8'), Buffer.of(c - 0xdc00));
    run = '';
  }
  parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

/** The text with each byte that was not valid UTF-8 shown as \xNN: printable, and still telling names apart. */
export function escapeUndecodable(text: string): string {
  return text.replace(/(?<![\ud800-\udbff])[\udc80-\udcff]/g, (c) => `\\x${(c.charCodeAt(0) - 0xdc00).toString(16)}`);
}

/** Latin-1 text (a key, a type flag) with every byte outside printable ASCII as \xNN. */
export function escapeNonAscii(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
