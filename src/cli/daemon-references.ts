// The CLI's way into a Docker daemon (DOCKER_HOST): image references are pulled when missing and
// saved into the check; a base image in the daemon is known by its layer list (docker inspect).
import type Docker from 'dockerode';
import { UsageError } from '../core/errors';
import { isImageReference } from '../docker/image-reference';

/** Image references go through the Docker daemon (DOCKER_HOST), pulled when missing. */
export async function openReference(ref: string) {
  const { docker, info } = await findInDaemon(ref);
  const { daemonSource } = await import('../docker/daemon');
  return daemonSource(docker, info, ref);
}

/** A base image in the daemon: its layer list from docker inspect. */
export async function inspectReference(ref: string) {
  const { info } = await findInDaemon(ref);
  return { name: `image ${ref} (${info.id.slice(0, 19)})`, id: info.id, diffIds: info.diffIds };
}

/** The daemon, connected (and pinged) once for the image and its base. */
let daemon: Promise<Docker> | undefined;

async function findInDaemon(ref: string) {
  if (!isImageReference(ref)) throw new UsageError(`"${ref}" is neither an archive that exists nor an image reference (NAME[:TAG][@DIGEST] or an image ID)`);
  // Loaded only when needed: dockerode and its dependencies are most of the bundle.
  const { connectDaemon, ensureImage } = await import('../docker/daemon');
  const { credentialsFor, registryOf } = await import('../docker/registry-auth');
  const docker = await (daemon ??= connectDaemon());
  const log = { info: (line: string) => process.stderr.write(`${line}\n`), warning: (line: string) => process.stderr.write(`warning: ${line}\n`) };
  const info = await ensureImage(docker, ref, 'missing', () => credentialsFor(registryOf(ref), {}), log).catch((err: unknown) => {
    throw err instanceof Error ? new UsageError(err.message) : err;
  });
  return { docker, info };
}
