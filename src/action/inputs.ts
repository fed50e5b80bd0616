// The action's inputs, read and validated in one place (names as in action.yml).
import { UsageError } from '../core/errors';
import { isImageReference } from '../docker/image-reference';

export interface Inputs {
  image: string;
  pull: 'missing' | 'always' | 'never';
  baseImage?: string;
  dockerfile?: string;
  profile?: string;
  arch?: string;
  maxSize?: string;
  expectedUid?: string;
  config?: string;
  failOn: 'error' | 'warning' | 'notice' | 'never';
  sarifFile?: string;
  push: boolean;
  pushImages: string[];
  registryUsername?: string;
  registryPassword?: string;
  huaweicloudAk?: string;
  huaweicloudSk?: string;
  swrRegion?: string;
}

/** The names of every input that holds a credential: they are masked before anything is logged. */
export const SECRET_INPUTS = ['registry-password', 'huaweicloud-sk', 'huaweicloud-ak'] as const;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`input ${name} is "${value}": use one of ${allowed.join(', ')}`);
}

export function parseInputs(get: (name: string) => string): Inputs {
  const opt = (name: string) => get(name).trim() || undefined;
  const image = get('image').trim();
  if (!image) throw new UsageError('input image is required: the name or ID of the image to check');
  if (!isImageReference(image)) throw new UsageError(`input image "${image}" is not an image reference or ID`);
  const push = oneOf('push', get('push').trim().toLowerCase(), ['true', 'false'] as const, 'false') === 'true';
  const pushImages = get('push-image')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const target of pushImages) {
    if (!isImageReference(target) || target.includes('@') || target.startsWith('sha256:')) {
      throw new UsageError(`push-image "${target}" is not a tag reference like swr.cn-north-4.myhuaweicloud.com/org/name:tag`);
    }
  }
  const baseImage = opt('base-image');
  if (baseImage !== undefined && !isImageReference(baseImage)) throw new UsageError(`input base-image "${baseImage}" is not an image reference or ID`);
  if (push && pushImages.length === 0)
    throw new UsageError('push is true but push-image names no target: add e.g. swr.cn-north-4.myhuaweicloud.com/org/train:1.0');
  const inputs: Inputs = {
    image,
    pull: oneOf('pull', get('pull').trim(), ['missing', 'always', 'never'] as const, 'missing'),
    baseImage,
    dockerfile: opt('dockerfile'),
    profile: opt('profile'),
    arch: opt('arch'),
    maxSize: opt('max-size'),
    expectedUid: opt('expected-uid'),
    config: opt('config'),
    failOn: oneOf('fail-on', get('fail-on').trim(), ['error', 'warning', 'notice', 'never'] as const, 'error'),
    sarifFile: opt('sarif-file'),
    push,
    pushImages,
    registryUsername: opt('registry-username'),
    registryPassword: opt('registry-password'),
    huaweicloudAk: opt('huaweicloud-ak'),
    huaweicloudSk: opt('huaweicloud-sk'),
    swrRegion: opt('swr-region')
  };
  if (!!inputs.registryUsername !== !!inputs.registryPassword) throw new UsageError('registry-username and registry-password go together: set both or neither');
  const swr = [inputs.huaweicloudAk, inputs.huaweicloudSk, inputs.swrRegion].filter(Boolean).length;
  if (swr > 0 && swr < 3) throw new UsageError('huaweicloud-ak, huaweicloud-sk and swr-region go together: set all three or none');
  if (swr === 3 && inputs.registryUsername)
    throw new UsageError('give either registry-username/registry-password or huaweicloud-ak/huaweicloud-sk/swr-region, not both');
  if (inputs.swrRegion && !/^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(inputs.swrRegion))
    throw new UsageError(`swr-region "${inputs.swrRegion}" is not a region name like cn-north-4`);
  return inputs;
}
