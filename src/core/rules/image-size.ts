import { largestCustomFiles } from '../facts';
import { shortInstruction } from '../text/excerpt';
import { formatSize } from '../settings/settings';
import type { Rule } from './rule';

export const imageSize: Rule = {
  id: 'image-size',
  defaultSeverity: 'error',
  description: 'The uncompressed image (all layers) must not exceed 9.5 GB.',
  spec: 'The size of a custom image cannot exceed 9.5 GB.',
  check(facts, settings) {
    const total = facts.layers.reduce((sum, l) => sum + l.size, 0);
    if (total <= settings.maxSize) return [];
    const layers = [...facts.layers]
      .sort((a, b) => b.size - a.size)
      .slice(0, 3)
      .map((l) => `layer ${l.index + 1}${l.base ? ' (base)' : ''} ${formatSize(l.size)}${l.createdBy ? ` from ${shortInstruction(l.createdBy, 60)}` : ''}`);
    const files = largestCustomFiles(facts, 5).map((f) => `${f.path} ${formatSize(f.size)}`);
    const biggest = [...facts.layers].filter((l) => !l.base).sort((a, b) => b.size - a.size)[0];
    return [
      {
        message:
          `The image is ${formatSize(total)} uncompressed, ${formatSize(total - settings.maxSize)} over the ${formatSize(settings.maxSize)} limit. ` +
          `Largest layers: ${layers.join('; ')}.` +
          (files.length ? ` Largest files added: ${files.join('; ')}.` : '') +
          ' Keep data sets and model weights out of the image (read them from OBS at run time), and clean package caches in the same RUN step that creates them.',
        layer: biggest?.index
      }
    ];
  }
};
