import { count, theFirst, was } from '../plural';
import type { Rule } from './rule';

export const baseImage: Rule = {
  id: 'base-image',
  defaultSeverity: 'error',
  description: 'The image must be built on a ModelArts base image: the base layers must be a prefix of the image layers.',
  spec: 'Custom images can be developed based on basic ModelArts images.',
  check(facts) {
    const base = facts.base;
    if (base.given && !base.matches) {
      const at = base.firstMismatch ?? 0;
      const baseLayers = base.givenLayerCount ?? 0;
      const why =
        at < facts.layers.length
          ? `its layer ${at + 1} differs from the base image's (the base has ${count(baseLayers, 'layer')})`
          : `it has ${count(facts.layers.length, 'layer')}, the base image ${baseLayers}, and they are the base's first ones`;
      return [
        {
          message: `The image is not built on ${base.reference}: ${why}. Build FROM that exact base image, or pass the base image the build used.`,
          layer: at < facts.layers.length ? at : undefined
        }
      ];
    }
    if (!base.given) {
      const guess = base.guessed
        ? `${theFirst(base.layerCount, 'layer')} ${was(base.layerCount)} taken as the base, guessed from the image history`
        : 'no base could be told from the image history, so every layer was checked as custom';
      return [
        {
          severity: 'warning',
          message: `The base image was not verified (${guess}). Pass the ModelArts base image (--base, or the action's base-image input) so that the base check and the comparisons with base files are exact.`
        }
      ];
    }
    return [];
  }
};
