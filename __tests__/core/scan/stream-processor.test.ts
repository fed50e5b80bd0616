import { createHash } from 'node:crypto';
import { CONTENT_DETECTORS } from '../../../src/core/rules/content-detectors';
import { newTagKey } from '../../../src/core/scan/content-tag';
import { concatContentTags } from '../../../src/core/scan/scan-results';
import { SCAN, StreamProcessor, TAG } from '../../../src/core/scan/stream-processor';

const ALL_DETECTORS = CONTENT_DETECTORS.map((d) => d.id);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('StreamProcessor', () => {
  // A stream with three file bodies at known offsets, fed in chunks that cut through them.
  const bodies = [Buffer.alloc(700, 'a'), Buffer.alloc(1500, 'b'), Buffer.alloc(10, 'c')];
  const offsets = [512, 1536, 3584];
  const stream = Buffer.alloc(4096);
  bodies.forEach((b, i) => b.copy(stream, offsets[i]));

  it('tags exactly the bodies asked for, across chunk boundaries, as compact arrays', () => {
    const p = new StreamProcessor({ layerHash: true, tags: true, tagKey: newTagKey(), detectors: [], scanLimit: 1 << 20 });
    p.begin();
    // Entry 1 is scanned only, so this processor (no scan) neither tags nor queues it.
    // Entry 3 is an empty file: its digest is that of no bytes.
    p.addRanges(new Float64Array([0, offsets[0], 700, TAG, 1, offsets[1], 1500, SCAN, 2, offsets[2], 10, TAG | SCAN, 3, 4000, 0, TAG]));
    for (let at = 0; at < stream.length; at += 333) p.data(stream.subarray(at, Math.min(at + 333, stream.length)));
    const result = p.end();
    expect(result.diffId).toBe('sha256:' + sha256(stream));
    expect(result.tags.count).toBe(3);
    expect([...result.tags.indices]).toEqual([0, 2, 3]);
    // Trimmed to what was found: these buffers are sent to another thread.
    expect(result.tags.bytes.buffer.byteLength).toBe(96);
    expect(Buffer.from(result.tags.bytes.subarray(0, 32)).toString('hex')).toBe(sha256(bodies[0]));
    expect(Buffer.from(result.tags.bytes.subarray(32, 64)).toString('hex')).toBe(sha256(bodies[2]));
    expect(Buffer.from(result.tags.bytes.subarray(64, 96)).toString('hex')).toBe(sha256(Buffer.alloc(0)));
  });

  it('skips bytes no range needs and gives the same results as when it reads them', () => {
    // A tagged file, a scanned file far bigger than the scan limit (a key before the limit, one
    // after it), then another tagged file: the scanned file's bytes past the limit may be skipped.
    const KEY = 'AKIA' + 'Q'.repeat(16);
    const big = Buffer.alloc(200_000, 'x');
    big.write(KEY, 100);
    big.write(KEY, 150_000);
    const parts = [Buffer.alloc(700, 'a'), big, Buffer.alloc(30_000, 'c')];
    const at = [512, 2048, 2048 + 200_000 + 512];
    const stream = Buffer.alloc(at[2] + 30_000 + 512);
    parts.forEach((b, i) => b.copy(stream, at[i]));
    const ranges = new Float64Array([0, at[0], 700, TAG, 1, at[1], big.length, SCAN, 2, at[2], 30_000, TAG | SCAN]);
    const key = newTagKey();
    const run = (skip: [number, number] | null) => {
      const p = new StreamProcessor({ layerHash: false, tags: true, tagKey: key, detectors: ALL_DETECTORS, scanLimit: 4096 });
      p.begin();
      p.addRanges(ranges);
      const [from, to] = skip ?? [stream.length, stream.length];
      for (let pos = 0; pos < from; pos += 1000) p.data(stream.subarray(pos, Math.min(pos + 1000, from)));
      if (skip) p.skip(to - from);
      for (let pos = to; pos < stream.length; pos += 1000) p.data(stream.subarray(pos, Math.min(pos + 1000, stream.length)));
      return p.end();
    };
    const read = run(null);
    const skipped = run([at[1] + 8192, at[2] - 100]);
    expect(skipped).toEqual(read);
    expect(read.hits.map((h) => h.index)).toEqual([1]);
    expect(read).toMatchObject({ truncatedFiles: 2, unscannedBytes: big.length - 4096 + 30_000 - 4096 });
    expect(read.tags.count).toBe(2);
  });

  it('refuses to skip bytes a range needs, or any byte of a hashed layer', () => {
    const start = (layerHash: boolean) => {
      const p = new StreamProcessor({ layerHash, tags: true, tagKey: newTagKey(), detectors: ALL_DETECTORS, scanLimit: 4096 });
      p.begin();
      return p;
    };
    const tagged = start(false);
    tagged.addRanges(new Float64Array([0, 512, 100_000, TAG]));
    tagged.data(Buffer.alloc(1024));
    expect(() => tagged.skip(10_000)).toThrow(/were skipped but are needed/);
    const scanned = start(false);
    scanned.addRanges(new Float64Array([0, 512, 100_000, SCAN]));
    scanned.data(Buffer.alloc(1024));
    expect(() => scanned.skip(10_000)).toThrow(/were skipped but are needed/);
    const ahead = start(false);
    ahead.addRanges(new Float64Array([0, 5000, 10, TAG]));
    expect(() => ahead.skip(6000)).toThrow(/were skipped but are needed/);
    expect(() => start(true).skip(512)).toThrow(/were skipped but are needed/);
  });

  it('merges the tags of two workers in order', () => {
    const run = (index: number, body: Buffer) => {
      const p = new StreamProcessor({ layerHash: false, tags: true, tagKey: newTagKey(), detectors: [], scanLimit: 0 });
      p.begin();
      p.addRanges(new Float64Array([index, 0, body.length, TAG]));
      p.data(body);
      return p.end().tags;
    };
    const merged = concatContentTags(run(4, bodies[0]), run(9, bodies[1]));
    expect([...merged.indices.subarray(0, merged.count)]).toEqual([4, 9]);
    expect(Buffer.from(merged.bytes.subarray(32, 64)).toString('hex')).toBe(sha256(bodies[1]));
  });
});
