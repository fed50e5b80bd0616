import { decodeBytes, encodeBytes, escapeUndecodable } from '../../../src/core/text/byte-strings';
import { mutate, prng } from '../../../__fixtures__/mutations';

const decode = (bytes: Buffer) => decodeBytes(bytes, 0, bytes.length);

describe('names as bytes', () => {
  it('decodes valid UTF-8 as its characters, and each other byte as one lone surrogate', () => {
    expect(decode(Buffer.from('usr/bin/caf\u00e9 \u{1f600} \ufffd'))).toBe('usr/bin/caf\u00e9 \u{1f600} \ufffd');
    expect(decode(Buffer.from('x\x80', 'latin1'))).toBe('x\udc80');
    // As Go's utf8.DecodeRune: overlong forms, encoded surrogates and beyond U+10FFFF are invalid, byte by byte.
    expect(decode(Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80]))).toBe('\udcc0\udc80\udced\udca0\udc80\udcf4\udc90\udc80\udc80');
    // A sequence cut short: its lead byte is escaped and what follows is read afresh.
    expect(decode(Buffer.from([0xe2, 0x98, 0x41]))).toBe('\udce2\udc98A');
  });

  it('keeps distinct byte strings distinct, and gives the bytes back', () => {
    const random = prng(7);
    const seen = new Map<string, string>();
    for (let i = 0; i < 5000; i++) {
      const bytes = mutate(Buffer.from('usr/lib/x86_64-linux-gnu/caf\u00e9'), random, 3);
      const text = decode(bytes);
      expect(encodeBytes(text).equals(bytes)).toBe(true);
      const before = seen.get(text);
      if (before !== undefined) expect(before).toBe(bytes.toString('hex'));
      seen.set(text, bytes.toString('hex'));
    }
  });

  it('prints each undecodable byte as \\xNN, leaving real characters alone', () => {
    expect(escapeUndecodable(decode(Buffer.from('/usr/bin/x\x80\xff', 'latin1')))).toBe('/usr/bin/x\\x80\\xff');
    expect(escapeUndecodable('\u{1f600}')).toBe('\u{1f600}');
  });
});
