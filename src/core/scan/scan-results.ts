// What the scan workers find in one layer's stream and hand back to the layer walker: the
// layer's diff_id, the content tags of the file bodies rules compare, and content matches.
// Its own module, so that the scanner, the stream processor and the layer record share the
// types without importing one another.
import { TAG_BYTES } from './content-tag';

/** A content match in one file body, by entry index (the layer walker knows the path). */
export interface ContentHit {
  /** The content detector that matched (rules/content-detectors.ts). */
  detector: string;
  index: number;
  /** What was found, already masked where it could be a credential. */
  evidence: string;
}

/**
 * Content tags (content-tag.ts) of file bodies: entry indices and their tags, TAG_BYTES each.
 * Typed arrays rather than [index, hex] pairs: a layer can tag tens of thousands of files, and
 * these move between threads without a serialised copy (their buffers are transferred).
 */
export interface ContentTags {
  count: number;
  indices: Uint32Array<ArrayBuffer>;
  bytes: Uint8Array<ArrayBuffer>;
}

export function emptyContentTags(): ContentTags {
  return { count: 0, indices: new Uint32Array(0), bytes: new Uint8Array(0) };
}

/** Appends one tag (growing the arrays by doubling). */
export function addContentTag(list: ContentTags, index: number, tag: Uint8Array): void {
  if (list.count === list.indices.length) {
    const n = Math.max(256, list.count * 2);
    const indices = new Uint32Array(n);
    indices.set(list.indices);
    const bytes = new Uint8Array(n * TAG_BYTES);
    bytes.set(list.bytes);
    list.indices = indices;
    list.bytes = bytes;
  }
  list.indices[list.count] = index;
  list.bytes.set(tag, list.count * TAG_BYTES);
  list.count++;
}

/** The tags of `a` then `b` (one of them is usually empty). */
export function concatContentTags(a: ContentTags, b: ContentTags): ContentTags {
  if (!b.count) return a;
  if (!a.count) return b;
  const all = emptyContentTags();
  for (const list of [a, b]) for (let i = 0; i < list.count; i++) addContentTag(all, list.indices[i], list.bytes.subarray(i * TAG_BYTES, (i + 1) * TAG_BYTES));
  return all;
}

/** What the stream processors found in one layer. */
export interface StreamResult {
  diffId?: string;
  tags: ContentTags;
  hits: ContentHit[];
  truncatedFiles: number;
  unscannedBytes: number;
}

export function emptyStreamResult(): StreamResult {
  return { tags: emptyContentTags(), hits: [], truncatedFiles: 0, unscannedBytes: 0 };
}
