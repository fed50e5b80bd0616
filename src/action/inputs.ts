// The action's inputs, read and validated in one place (names as in action.yml). Empty inputs
// are unset: a fork's pull request has empty secrets, and that is not an error unless something
// needs them (a push).
import { UsageError } from '../core/errors';
import { isImageReference } from '../docker/image-reference';
import { registryOf, swrRegionOf, type CredentialSources } from '../docker/registry-auth';
import { sarifCategoryOf } from '../report/sarif-report';
import { isRegistryReference, parseRegistryReference, type RegistryReference } from '../registry/registry-reference';

/** An image the action checks: one in (or pulled through) the Docker daemon, one read straight from a registry (docker://), or an archive file in the workspace. */
export type ImageInput = { kind: 'daemon'; ref: string } | { kind: 'registry'; ref: RegistryReference; text: string } | { kind: 'archive'; spec: string };

export interface Inputs {
  image: ImageInput;
  pull: 'missing' | 'always' | 'never';
  baseImage?: ImageInput;
  /** Registries docker:// images may be read from over plain HTTP or unverified TLS. */
  insecureRegistries: string[];
  dockerfile?: string;
  profile?: string;
  arch?: string;
  maxSize?: string;
  expectedUid?: string;
  config?: string;
  failOn: 'error' | 'warning' | 'notice' | 'never';
  sarifFile?: string;
  /** The code scanning category of the SARIF run (automationDetails.id modelarts-image-check/<category>/). */
  sarifCategory: string;
  push: boolean;
  pushImages: string[];
  /** The credentials given, each scoped to where it applies. */
  credentials: CredentialSources;
  /** Why given credentials are not used (partial, or no registry to apply to): said in the log, never a failure. */
  notices: string[];
}

/** The names of every input that holds a credential: they are masked before anything is logged. */
export const SECRET_INPUTS = ['registry-password', 'huaweicloud-sk', 'huaweicloud-ak'] as const;

/** SWR's names (SWR's documentation): an organization, and an image name within it. */
const SWR_ORGANIZATION = /^([a-z]+(?:(?:(?:_|__|[-]*)[a-z0-9]+)+)?)$/;
const SWR_IMAGE_NAME = /^([a-z0-9]+(?:(?:(?:_|__|[-]*)[a-z0-9]+)+)?)$/;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`input ${name} is "${value}": use one of ${allowed.join(', ')}`);
}

/** docker://REF (a registry), `docker-archive:PATH` or `oci-archive:PATH` (a file in the workspace), or an image reference or ID. */
function imageInput(name: string, value: string): ImageInput {
  if (isRegistryReference(value)) return { kind: 'registry', ref: parseRegistryReference(value), text: value };
  if (/^(?:docker|oci)-archive:/.test(value)) {
    if (value.slice(value.indexOf(':') + 1) === '') throw new UsageError(`input ${name} "${value}" names no file`);
    return { kind: 'archive', spec: value };
  }
  if (!isImageReference(value)) {
    throw new UsageError(`input ${name} "${value}" is not an image reference or ID, nor docker-archive:PATH or oci-archive:PATH`);
  }
  return { kind: 'daemon', ref: value };
}

export function parseInputs(get: (name: string) => string): Inputs {
  const opt = (name: string) => get(name).trim() || undefined;
  const imageText = get('image').trim();
  if (!imageText)
    throw new UsageError('input image is required: the name or ID of the image to check, docker://HOST/NAME:TAG, or docker-archive:PATH / oci-archive:PATH');
  const image = imageInput('image', imageText);
  const push = oneOf('push', get('push').trim().toLowerCase(), ['true', 'false'] as const, 'false') === 'true';
  const pushImages = get('push-image')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const target of pushImages) checkPushTarget(target);
  const baseText = opt('base-image');
  const baseImage = baseText === undefined ? undefined : imageInput('base-image', baseText);
  if (push && pushImages.length === 0)
    throw new UsageError('push is true but push-image names no target: add e.g. swr.cn-north-4.myhuaweicloud.com/org/train:1.0');
  if (push && image.kind === 'archive') {
    throw new UsageError(
      `push is true, but the image is the archive ${image.spec}: there is nothing in a daemon or registry to push; check a daemon image, or a docker:// one, to push it`
    );
  }
  const notices: string[] = [];
  const credentials = credentialSources(get, push, pushImages, notices);
  return {
    image,
    pull: oneOf('pull', get('pull').trim(), ['missing', 'always', 'never'] as const, 'missing'),
    baseImage,
    insecureRegistries: get('insecure-registries')
      .split(/[\n,]/)
      .map((h) => h.trim())
      .filter(Boolean),
    dockerfile: opt('dockerfile'),
    profile: opt('profile'),
    arch: opt('arch'),
    maxSize: opt('max-size'),
    expectedUid: opt('expected-uid'),
    config: opt('config'),
    failOn: oneOf('fail-on', get('fail-on').trim(), ['error', 'warning', 'notice', 'never'] as const, 'error'),
    sarifFile: opt('sarif-file'),
    sarifCategory: sarifCategory(opt('sarif-category'), imageText),
    push,
    pushImages,
    credentials,
    notices
  };
}

/** A push target: a tag reference; on SWR, with a valid organization and image name. */
function checkPushTarget(target: string): void {
  if (!isImageReference(target) || target.includes('@') || target.startsWith('sha256:')) {
    throw new UsageError(`push-image "${target}" is not a tag reference like swr.cn-north-4.myhuaweicloud.com/org/name:tag`);
  }
  const host = registryOf(target);
  if (swrRegionOf(host) === undefined) return;
  const path = target.slice(host.length + 1).replace(/:[^/:]*$/, '');
  const parts = path.split('/');
  if (parts.length !== 2) throw new UsageError(`push-image "${target}": SWR images are ${host}/ORGANIZATION/NAME[:TAG], with one organization and one name`);
  const [organization, name] = parts;
  if (organization.length > 64 || !SWR_ORGANIZATION.test(organization)) {
    throw new UsageError(
      `push-image "${target}": "${organization}" is not an SWR organization name (1 to 64 characters: lowercase letters first, then lowercase letters, digits, and single separators _, __ or -)`
    );
  }
  if (name.length > 128 || !SWR_IMAGE_NAME.test(name)) {
    throw new UsageError(
      `push-image "${target}": "${name}" is not an SWR image name (1 to 128 characters: lowercase letters and digits, with single separators _, __ or -)`
    );
  }
}

/**
 * The credentials given, scoped: registry-username/registry-password to the registry input or
 * the push targets' registry, Huawei Cloud keys to SWR hosts. Incomplete ones are an error
 * only when pushing; otherwise they are unused, and the log says why.
 */
function credentialSources(get: (name: string) => string, push: boolean, pushImages: string[], notices: string[]): CredentialSources {
  const opt = (name: string) => get(name).trim() || undefined;
  const problem = (message: string) => {
    if (push) throw new UsageError(message);
    notices.push(`${message}; nothing is pushed, so the check goes on without them.`);
  };
  const sources: CredentialSources = {};
  const [username, password] = [opt('registry-username'), opt('registry-password')];
  if (!!username !== !!password) problem('registry-username and registry-password go together: one of them is empty');
  else if (username && password) {
    const targets = [...new Set(pushImages.map(registryOf))];
    const registry = opt('registry') ?? (targets.length === 1 ? targets[0] : undefined);
    if (registry === undefined) {
      problem(
        targets.length > 1
          ? `registry-username and registry-password belong to one registry, and push-image names several (${targets.join(', ')}): name it with the registry input`
          : 'registry-username and registry-password belong to one registry: name it with the registry input (or push-image)'
      );
    } else sources.explicit = { registry, username, password };
  }
  const [ak, sk, region] = [opt('huaweicloud-ak'), opt('huaweicloud-sk'), opt('swr-region')];
  if (region !== undefined && !/^[a-z]{2}(?:-[a-z]+)+-\d+$|^[a-z]{2}-[a-z]+$/.test(region))
    throw new UsageError(`swr-region "${region}" is not a region name like cn-north-4`);
  if (!!ak !== !!sk) problem('huaweicloud-ak and huaweicloud-sk go together: one of them is empty');
  else if (ak && sk) {
    for (const target of pushImages) {
      const hostRegion = swrRegionOf(registryOf(target));
      if (region && hostRegion && hostRegion !== region) {
        throw new UsageError(
          `swr-region is ${region}, but push-image ${target} is in ${hostRegion}: the SWR login is for the target's region; remove swr-region or fix it`
        );
      }
    }
    sources.swr = { ak, sk, ...(region && { region }) };
  }
  return sources;
}

/** The code scanning category: given, or the image's repository without tag or digest (one category per image, whatever its tag). */
function sarifCategory(given: string | undefined, imageText: string): string {
  if (given === undefined) return sarifCategoryOf(imageText);
  if (!/^[\w.\-/]+$/.test(given)) throw new UsageError(`sarif-category "${given}" may hold letters, digits, ".", "-", "_" and "/" only`);
  return given;
}
