import { createHash, randomBytes } from 'node:crypto';
import { ContentTagger, KEYED_FROM, newTagKey, TAG_BYTES } from '../../../src/core/scan/content-tag';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** The tag of `body` given in pieces of the sizes `cuts` repeats. */
function inPieces(tagger: ContentTagger, body: Buffer, cuts: number[]): string {
  const tag = tagger.start(body.length);
  for (let at = 0, i = 0; at < body.length; i++) {
    const n = cuts[i % cuts.length];
    tag.update(body.subarray(at, at + n));
    at += n;
  }
  return hex(tag.finish());
}

describe('content tags', () => {
  const tagger = new ContentTagger(newTagKey());

  it('are sha256 below the keyed size, so small files cost one hash call', () => {
    const body = randomBytes(KEYED_FROM - 1);
    expect(hex(tagger.whole(body))).toBe(createHash('sha256').update(body).digest('hex'));
    expect(inPieces(tagger, body, [1000])).toBe(hex(tagger.whole(body)));
    expect(hex(tagger.whole(Buffer.alloc(0)))).toBe(createHash('sha256').digest('hex'));
  });

  it.each([KEYED_FROM, KEYED_FROM + 1, 3 * 1024 * 1024 + 7])('are the same whole or in pieces of any size (%i bytes)', (size) => {
    const body = randomBytes(size);
    const whole = hex(tagger.whole(body));
    expect(whole).toHaveLength(TAG_BYTES * 2);
    // Pieces that cut 16-byte blocks in the middle, and a piece of no bytes.
    expect(inPieces(tagger, body, [1, 15, 17, 0, 4096, 33, 1 << 20])).toBe(whole);
    expect(inPieces(tagger, body, [size])).toBe(whole);
  });

  it('differ for any change of content, at the start, the middle or the end', () => {
    const body = randomBytes(KEYED_FROM * 4);
    const tag = hex(tagger.whole(body));
    for (const at of [0, KEYED_FROM * 2 + 5, body.length - 1]) {
      const changed = Buffer.from(body);
      changed[at] ^= 1;
      expect(hex(tagger.whole(changed))).not.toBe(tag);
    }
    // Swapping two 16-byte blocks changes the tag too (GHASH weighs each block by its position).
    const swapped = Buffer.concat([body.subarray(16, 32), body.subarray(0, 16), body.subarray(32)]);
    expect(hex(tagger.whole(swapped))).not.toBe(tag);
  });

  it('depend on the run key above the keyed size, so no image can be built to match one', () => {
    const body = randomBytes(KEYED_FROM);
    const other = new ContentTagger(newTagKey());
    expect(hex(other.whole(body))).not.toBe(hex(tagger.whole(body)));
    // The same key gives the same tag (workers of one run share it).
    const key = newTagKey();
    expect(hex(new ContentTagger(key).whole(body))).toBe(hex(new ContentTagger(key).whole(body)));
  });
});
