import { randomBytes } from 'node:crypto';
import { LiteralSearch } from '../../../src/core/scan/literal-search';

/** Every occurrence, by brute force: [anchor, at], sorted by position then anchor. */
function naive(anchors: Buffer[], bytes: Buffer, from: number, to: number, limit: number): [number, number][] {
  const out: [number, number][] = [];
  for (let at = from; at < to; at++) anchors.forEach((a, k) => at + a.length <= limit && bytes.subarray(at, at + a.length).equals(a) && out.push([k, at]));
  return out;
}

function found(search: LiteralSearch, bytes: Buffer, from: number, to: number, limit: number): [number, number][] {
  const out: [number, number][] = [];
  search.search(bytes, from, to, limit, (k, at) => out.push([k, at]));
  return out.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
}

describe('LiteralSearch', () => {
  const anchors = ['/dev/tcp/', '-e sh', 'socat', 'AKIA', '_SK=', '_SK"', 'donate-level', 'use Socket', 'IO::Socket::INET'].map((a) => Buffer.from(a));

  it('finds every occurrence, overlapping ones too, at the start, the end and across the range limits', () => {
    const text = Buffer.from('AKIA_SK=use Socket /dev/tcp/AKIAKIA nc -e sh socat IO::Socket::INET donate-level AKIA');
    const search = new LiteralSearch(anchors);
    expect(found(search, text, 0, text.length, text.length)).toEqual(naive(anchors, text, 0, text.length, text.length));
    expect(found(search, text, 0, text.length, text.length).map(([k]) => anchors[k].toString())).toEqual([
      'AKIA',
      '_SK=',
      'use Socket',
      '/dev/tcp/',
      'AKIA',
      'AKIA',
      '-e sh',
      'socat',
      'IO::Socket::INET',
      'donate-level',
      'AKIA'
    ]);
    // Only starts in [from, to) count; an anchor may run past `to` but not past `limit`.
    for (const [from, to, limit] of [
      [1, 20, 40],
      [0, 8, 40],
      [4, 19, 40],
      [8, 9, 30],
      [19, 28, 27],
      [0, text.length, text.length - 1],
      [30, 30, 40]
    ]) {
      expect(found(search, text, from, to, limit)).toEqual(naive(anchors, text, from, to, limit));
    }
  });

  it('agrees with a brute-force search on random bytes with planted anchors', () => {
    // Bytes from a small alphabet make near misses (shared prefixes, overlapping keys) common.
    const alphabet = Buffer.from('AKIS_=e -shocat/dvpu\n');
    for (let round = 0; round < 200; round++) {
      const noise = randomBytes(400);
      const bytes = Buffer.from(noise.map((b) => alphabet[b % alphabet.length]));
      for (let p = 0; p < 6; p++) anchors[noise[p] % anchors.length].copy(bytes, noise[p + 6] + 50);
      const from = noise[20] % 60;
      const limit = bytes.length - (noise[21] % 40);
      const to = Math.max(from, limit - (noise[22] % 80));
      expect(found(new LiteralSearch(anchors), bytes, from, to, limit)).toEqual(naive(anchors, bytes, from, to, limit));
    }
  });

  it('keys each anchor on its rarest bytes and still finds anchors that share keys', () => {
    const same = ['PRIVATE KEY-----', 'stratum+', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!', 'stratum+tcp'].map((a) => Buffer.from(a));
    const bytes = Buffer.concat([
      randomBytes(3000),
      Buffer.from('stratum+tcp://x PRIVATE KEY-----'),
      randomBytes(3000),
      Buffer.from('EICAR-STANDARD-ANTIVIRUS-TEST-FILE!')
    ]);
    expect(found(new LiteralSearch(same), bytes, 0, bytes.length, bytes.length)).toEqual(naive(same, bytes, 0, bytes.length, bytes.length));
    expect(naive(same, bytes, 0, bytes.length, bytes.length).length).toBeGreaterThanOrEqual(4);
  });

  it('refuses anchors too short to key on', () => {
    expect(() => new LiteralSearch([Buffer.from('a'), Buffer.from('abc')])).toThrow('anchors must be 2 to 255 bytes long');
  });
});
