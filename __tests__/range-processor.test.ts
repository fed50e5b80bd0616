import { createHash } from 'node:crypto';
import { newTagKey } from '../src/core/content-tag';
import { concatDigests, DIGEST, RangeProcessor, SCAN } from '../src/core/range-processor';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('RangeProcessor', () => {
  // A stream with three file bodies at known offsets, fed in chunks that cut through them.
  const bodies = [Buffer.alloc(700, 'a'), Buffer.alloc(1500, 'b'), Buffer.alloc(10, 'c')];
  const offsets = [512, 1536, 3584];
  const stream = Buffer.alloc(4096);
  bodies.forEach((b, i) => b.copy(stream, offsets[i]));

  it('digests exactly the bodies asked for, across chunk boundaries, as compact arrays', () => {
    const p = new RangeProcessor({ layerHash: true, digests: true, tagKey: newTagKey(), scan: false, scanLimit: 1 << 20 });
    p.begin();
    // Entry 1 is scanned only, so this processor (no scan) neither digests nor queues it.
    // Entry 3 is an empty file: its digest is that of no bytes.
    p.addRanges(new Float64Array([0, offsets[0], 700, DIGEST, 1, offsets[1], 1500, SCAN, 2, offsets[2], 10, DIGEST | SCAN, 3, 4000, 0, DIGEST]));
    for (let at = 0; at < stream.length; at += 333) p.data(stream.subarray(at, Math.min(at + 333, stream.length)));
    const result = p.end();
    expect(result.diffId).toBe('sha256:' + sha256(stream));
    expect(result.digests.count).toBe(3);
    expect([...result.digests.indices]).toEqual([0, 2, 3]);
    // Trimmed to what was found: these buffers are sent to another thread.
    expect(result.digests.bytes.buffer.byteLength).toBe(96);
    expect(Buffer.from(result.digests.bytes.subarray(0, 32)).toString('hex')).toBe(sha256(bodies[0]));
    expect(Buffer.from(result.digests.bytes.subarray(32, 64)).toString('hex')).toBe(sha256(bodies[2]));
    expect(Buffer.from(result.digests.bytes.subarray(64, 96)).toString('hex')).toBe(sha256(Buffer.alloc(0)));
  });

  it('merges the digests of two workers in order', () => {
    const run = (index: number, body: Buffer) => {
      const p = new RangeProcessor({ layerHash: false, digests: true, tagKey: newTagKey(), scan: false, scanLimit: 0 });
      p.begin();
      p.addRanges(new Float64Array([index, 0, body.length, DIGEST]));
      p.data(body);
      return p.end().digests;
    };
    const merged = concatDigests(run(4, bodies[0]), run(9, bodies[1]));
    expect([...merged.indices.subarray(0, merged.count)]).toEqual([4, 9]);
    expect(Buffer.from(merged.bytes.subarray(32, 64)).toString('hex')).toBe(sha256(bodies[1]));
  });
});
