// Image references of the `docker://` transport, as skopeo names it:
// docker://[HOST[:PORT]/]NAME[:TAG][@DIGEST]. Without a host the image is Docker Hub's, and a
// one-part name there is an official image (library/NAME), as `docker pull` reads it.
import { SHA256_DIGEST } from '../core/archive/archive-contents';
import { UsageError } from '../core/errors';

export interface RegistryReference {
  /** The registry as credentials know it: "host[:port]", or "docker.io". */
  registry: string;
  /** Where its API answers: "host[:port]" ("registry-1.docker.io" for Docker Hub). */
  host: string;
  repository: string;
  /** The tag, unless a digest pins the image ("latest" when neither is given). */
  tag?: string;
  digest?: string;
}

export const TRANSPORT = 'docker://';

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;
const TAG = /^[\w][\w.-]{0,127}$/;

export function isRegistryReference(text: string): boolean {
  return text.startsWith(TRANSPORT);
}

export function parseRegistryReference(text: string): RegistryReference {
  if (!isRegistryReference(text)) throw new UsageError(`"${text}" is not a docker:// reference`);
  const rest = text.slice(TRANSPORT.length);
  const bad = (why: string) => new UsageError(`"${text}" is not an image reference (${why}): write docker://HOST[:PORT]/NAME[:TAG][@sha256:DIGEST]`);
  const at = rest.indexOf('@');
  const digest = at === -1 ? undefined : rest.slice(at + 1);
  let name = at === -1 ? rest : rest.slice(0, at);
  if (digest !== undefined && !SHA256_DIGEST.test(digest)) throw bad('the digest is not sha256:<64 hex digits>');
  let tag: string | undefined;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!TAG.test(tag)) throw bad(`the tag "${tag}" is not valid`);
  }
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const hasHost = first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[');
  let registry = hasHost ? first : 'docker.io';
  let repository = hasHost ? name.slice(slash + 1) : name;
  if (hasHost && !HOST.test(registry)) throw bad(`"${registry}" is not a host`);
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  if (!REPOSITORY.test(repository)) throw bad(`"${repository}" is not a repository name (lowercase letters, digits, and . _ - / between them)`);
  return {
    registry,
    host: registry === 'docker.io' ? 'registry-1.docker.io' : registry,
    repository,
    ...(digest ? { digest } : { tag: tag ?? 'latest' }),
    ...(digest && tag ? { tag } : {})
  };
}

/** The reference as written back: docker://registry/repository[:tag][@digest]. */
export function formatRegistryReference(ref: RegistryReference): string {
  return `${TRANSPORT}${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** Whether Docker treats the registry as insecure by default: plain HTTP and unverified TLS allowed (loopback). */
export function isLoopbackRegistry(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '::1';
}
