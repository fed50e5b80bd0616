// A client for the registry a docker:// reference names, with the credentials that belong to
// that registry only (docker/registry-auth.ts: explicit ones given for it, SWR keys for SWR
// hosts, else what `docker login` stored for it).
import { credentialsFor, type CredentialSources, type RegistryAuth } from '../docker/registry-auth';
import { RegistryClient, type RegistryClientOptions, type RegistryLog } from './registry-client';
import type { RegistryReference } from './registry-reference';
import { envMs } from '../time-limits';

export interface RegistryAccess {
  sources?: CredentialSources;
  /** Hosts to reach over plain HTTP or unverified TLS, as Docker's insecure-registries. */
  insecureHosts?: readonly string[];
  log?: RegistryLog;
}

export async function registryClientFor(ref: RegistryReference, access: RegistryAccess = {}): Promise<RegistryClient> {
  return new RegistryClient(ref.host, clientOptions(await credentialsFor(ref.registry, access.sources ?? {}), access));
}

/** A client's options: the login found for its registry (none: anonymous), and how registries are reached. */
export function clientOptions(auth: RegistryAuth | undefined, access: Omit<RegistryAccess, 'sources'>): RegistryClientOptions {
  return {
    ...(auth && { credentials: { username: auth.username, password: auth.password, ...(auth.identitytoken && { identityToken: auth.identitytoken }) } }),
    insecureHosts: access.insecureHosts,
    log: access.log,
    // How long a request may go unanswered, or a blob without a byte (the client's default: 60 s).
    timeoutMs: envMs('MODELARTS_IMAGE_CHECK_REGISTRY_STALL_SECONDS')
  };
}
