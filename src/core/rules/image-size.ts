import { largestCustomFiles, type ImageFacts, type RawFinding } from '../facts';
import { shortInstruction } from '../text/excerpt';
import { formatSize } from '../settings/settings';
import { SOURCES, type Rule } from './rule';

const ADVICE =
  'Keep data sets and model weights out of the image (read them from OBS at run time), and clean package caches in the same RUN step that creates them.';

export const imageSize: Rule = {
  id: 'image-size',
  defaultSeverity: 'error',
  description:
    'The uncompressed image must not exceed 9.5 GB (old-version training) or 30 GB (new-version training, 15 GB recommended), and no layer may exceed 10 GB (SWR).',
  spec: 'The size of a custom image cannot exceed 9.5 GB.',
  source: SOURCES.oldTraining,
  check(facts, settings) {
    const out: RawFinding[] = [];
    const total = facts.layers.reduce((sum, l) => sum + l.size, 0);
    const limit =
      total > settings.maxSize
        ? settings.maxSize
        : settings.recommendedSize !== undefined && total > settings.recommendedSize
          ? settings.recommendedSize
          : undefined;
    if (limit !== undefined) {
      const over =
        limit === settings.maxSize
          ? `over the ${formatSize(limit)} limit`
          : `over the ${formatSize(limit)} Huawei recommends (the limit is ${formatSize(settings.maxSize)})`;
      out.push({
        ...(limit !== settings.maxSize && { severity: 'warning' as const }),
        message: `The image is ${formatSize(total)} uncompressed, ${formatSize(total - limit)} ${over}. ${largest(facts)} ${ADVICE}`,
        layer: biggestCustomLayer(facts)?.index
      });
    }
    for (const layer of facts.layers) {
      if (layer.base || layer.size <= settings.maxLayerSize) continue;
      out.push({
        severity: 'warning',
        message: `Layer ${layer.index + 1} is ${formatSize(layer.size)} uncompressed; SWR refuses layers over ${formatSize(settings.maxLayerSize)}, so pushing it fails. Split the step that makes it into smaller ones. ${ADVICE}`,
        layer: layer.index
      });
    }
    return out;
  }
};

/** The largest layers and the largest files the custom layers added, in words. */
function largest(facts: ImageFacts): string {
  const layers = [...facts.layers]
    .sort((a, b) => b.size - a.size)
    .slice(0, 3)
    .map((l) => `layer ${l.index + 1}${l.base ? ' (base)' : ''} ${formatSize(l.size)}${l.createdBy ? ` from ${shortInstruction(l.createdBy, 60)}` : ''}`);
  const files = largestCustomFiles(facts, 5).map((f) => `${f.path} ${formatSize(f.size)}`);
  return `Largest layers: ${layers.join('; ')}.` + (files.length ? ` Largest files added: ${files.join('; ')}.` : '');
}

function biggestCustomLayer(facts: ImageFacts) {
  return [...facts.layers].filter((l) => !l.base).sort((a, b) => b.size - a.size)[0];
}
