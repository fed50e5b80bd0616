import { count, theFirst, was } from '../text/plural';
import type { RawFinding } from '../facts';
import { excerpt } from '../text/excerpt';
import { SOURCES, type Rule } from './rule';
import { normalizeArch, type Architecture } from '../settings/settings';

/** What ModelArts runs training jobs on: Linux containers on x86-64 and Arm64 (Ascend) nodes, as its base images are. */
const RUNNABLE_ARCHITECTURES = ['amd64', 'arm64'];
/** The resource pools each architecture serves (RegisterImage registers an image as X86_64 or AARCH64). */
const POOLS: Record<Architecture, string> = { amd64: 'CPU and GPU resource pools (x86_64)', arm64: 'Ascend resource pools (aarch64)' };
/** Characters of the config's OS or architecture quoted in a message. */
const SHOWN = 64;

export const baseImage: Rule = {
  id: 'base-image',
  defaultSeverity: 'error',
  description:
    'The image must be built on a ModelArts base image: the base layers must be a prefix of the image layers, and the image is for Linux on amd64 or arm64 (the one the arch setting names, when it is set).',
  spec: 'Custom images can be developed based on basic ModelArts images.',
  source: SOURCES.oldTraining,
  check(facts, settings) {
    const platform = platformFindings(facts.config.os, facts.config.architecture, settings.arch);
    if (platform.length) return platform;
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

/** An image for another OS or CPU was not built on a ModelArts base, whatever its layers say. */
function platformFindings(os: string | undefined, architecture: string | undefined, wanted: Architecture | undefined): RawFinding[] {
  if (os !== undefined && os.toLowerCase() !== 'linux') {
    return [
      {
        message: `The image's config says its OS is "${excerpt(os, SHOWN)}"; ModelArts base images, and the nodes that run training jobs, are Linux. Build FROM a ModelArts base image.`
      }
    ];
  }
  if (architecture !== undefined && !RUNNABLE_ARCHITECTURES.includes(normalizeArch(architecture))) {
    return [
      {
        message: `The image's config says it is built for the "${excerpt(architecture, SHOWN)}" CPU architecture; ModelArts base images are amd64 (x86-64) or arm64 (Arm64, for Ascend), and a training node cannot run anything else. Build FROM a ModelArts base image for the target node.`
      }
    ];
  }
  if (wanted !== undefined && (architecture === undefined || normalizeArch(architecture) !== wanted)) {
    const is = architecture === undefined ? 'does not say which CPU architecture it is built for' : `says it is built for ${excerpt(architecture, SHOWN)}`;
    return [
      {
        message: `The image's config ${is}, and the arch setting asks for ${wanted}: images for ${POOLS[wanted]} must be ${wanted}. Build FROM a ModelArts base image for ${wanted} (docker buildx build --platform linux/${wanted}), or set arch to the pool the image is for.`
      }
    ];
  }
  return [];
}
