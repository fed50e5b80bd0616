// Legacy `docker save` (Docker before 25) stores each layer in a directory named by a "v1 ID"
// that Docker derives from the layer chain (moby's image/v1 CreateID): for every layer below
// the image's top one, the sha256 of
//   {"container_config":<empty config>,"created":<epoch>,"layer_id":"<chain ID>","parent":"sha256:<v1 ID below>"}
// So from a base image's diff_ids, the directories its layers get in any image built on it can
// be predicted, before their bytes arrive. A prediction only decides what is not scanned: the
// content is checked against the base's diff_ids afterwards, so a wrong one can cost speed,
// never safety. The created time and empty config are taken, byte for byte, from a layer's
// `json` in the same archive (Docker writes the time in its own time zone).
import { createHash } from 'node:crypto';
import { SHA256_DIGEST } from './archive-contents';

/** A layer's path in a legacy `docker save` archive: "<v1 id>/layer.tar". */
export const LEGACY_LAYER_PATH = /^[a-f0-9]{64}\/layer\.tar$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The paths ("<v1 id>/layer.tar") that the layers of a base image with `baseDiffIds` have in a
 * legacy archive of an image built on it, given the text of a `json` of a layer that is not
 * the archive's top one; undefined when that text is not such a layer's.
 */
export function predictedBaseLayerPaths(baseDiffIds: readonly string[], layerJson: string): Set<string> | undefined {
  const members = rawMembers(layerJson);
  const created = members?.get('created');
  const containerConfig = members?.get('container_config');
  // The top layer's json carries the image's whole config: not a template.
  if (!members || created === undefined || containerConfig === undefined || members.has('config')) return undefined;
  const paths = new Set<string>();
  let chain = '';
  let parent = '';
  for (const diffId of baseDiffIds) {
    if (!SHA256_DIGEST.test(diffId)) break;
    chain = chain ? `sha256:${sha256(`${chain} ${diffId}`)}` : diffId;
    parent = sha256(`{"container_config":${containerConfig},"created":${created},"layer_id":"${chain}"${parent ? `,"parent":"sha256:${parent}"` : ''}}`);
    paths.add(`${parent}/layer.tar`);
  }
  return paths;
}

/** The raw text of each top-level member's value of a JSON object; undefined if it is not one. */
export function rawMembers(text: string): Map<string, string> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  } catch {
    return undefined;
  }
  // The text is valid JSON, so a scan that tracks strings and nesting finds each member's end.
  const members = new Map<string, string>();
  let i = text.indexOf('{') + 1;
  const skipSpace = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const stringEnd = (from: number) => {
    let j = from + 1;
    while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  for (;;) {
    skipSpace();
    if (text[i] === '}') return members;
    const keyEnd = stringEnd(i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = keyEnd;
    skipSpace();
    i++; // the colon
    skipSpace();
    const start = i;
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i = stringEnd(i);
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
      i++;
    }
    members.set(key, text.slice(start, i).trimEnd());
    skipSpace();
    if (text[i] === ',') i++;
  }
}
