// Credentials for registries, each for its own registry only. The daemon never reads
// ~/.docker/config.json itself, so a workflow that ran `docker login` has its credentials read
// here and handed to the daemon in the X-Registry-Auth header, never on a command line or in a
// file. Explicit credentials belong to one registry (as docker/login-action's do); Huawei Cloud
// keys to SWR's hosts; anything else gets what `docker login` stored for its own host, or none.
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
  /**
   * An OAuth refresh token that `docker login` stored instead of a password (config.json's
   * `identitytoken`, or a credential helper's answer for the user `<token>`), as Azure's and
   * other OIDC logins do. Docker's own field name: the daemon takes it as it is.
   */
  identitytoken?: string;
}

/** Every secret a login holds, for masking. */
export function secretsOf(auth: RegistryAuth): string[] {
  return [auth.password, auth.identitytoken ?? ''].filter(Boolean);
}

/** SWR long-term login: user `<region>@<AK>`, password the hex HMAC-SHA256 of the AK keyed with the SK. */
export function swrLogin(ak: string, sk: string, region: string): { username: string; password: string } {
  return { username: `${region}@${ak}`, password: createHmac('sha256', sk).update(ak).digest('hex') };
}

/** SWR's hosts: swr.<region>.myhuaweicloud.com, .myhuaweicloud.eu, and Open Telekom Cloud's swr.<region>.otc.t-systems.com. */
const SWR_HOST = /^swr\.([a-z]{2}(?:-[a-z]+)+-\d+|[a-z]{2}-[a-z]+)\.(?:myhuaweicloud\.com|myhuaweicloud\.eu|otc\.t-systems\.com)$/;

/** The region an SWR host names ("cn-north-4" for swr.cn-north-4.myhuaweicloud.com), or undefined when it is no SWR host. */
export function swrRegionOf(host: string): string | undefined {
  return SWR_HOST.exec(host.toLowerCase())?.[1];
}

/** The registry host of a reference ("docker.io" when it names none). */
export function registryOf(reference: string): string {
  const first = reference.split('/')[0];
  if (reference.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return first;
  return 'docker.io';
}

/** Docker Hub goes by several names; a registry is otherwise its host (and port), case aside. */
export function sameRegistry(a: string, b: string): boolean {
  const norm = (h: string) => {
    const host = h
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '');
    return host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host;
  };
  return norm(a) === norm(b);
}

/** Where credentials may come from, each scoped to where it applies. */
export interface CredentialSources {
  /** registry-username/registry-password, for this registry only. */
  explicit?: { registry: string; username: string; password: string };
  /** huaweicloud-ak/huaweicloud-sk, for SWR's hosts only; the region is the host's unless given. */
  swr?: { ak: string; sk: string; region?: string };
}

type Helper = (helper: string, server: string) => Promise<{ Username: string; Secret: string } | undefined>;

const runHelper: Helper = (helper, server) =>
  new Promise((resolve) => {
    const child = execFile(`docker-credential-${helper}`, ['get'], { timeout: 10000 }, (err, stdout) => {
      if (err) return resolve(undefined);
      try {
        resolve(JSON.parse(stdout));
      } catch {
        resolve(undefined);
      }
    });
    child.stdin?.end(server);
  });

/**
 * Credentials for `registry`: the explicit ones when they were given for it, the SWR login when
 * it is an SWR host and keys were given, else what `docker login` stored for it (config.json
 * auths, credHelpers or credsStore). Undefined: anonymous.
 */
export async function credentialsFor(
  registry: string,
  sources: CredentialSources,
  env: NodeJS.ProcessEnv = process.env,
  helper: Helper = runHelper
): Promise<RegistryAuth | undefined> {
  const { explicit, swr } = sources;
  if (explicit && sameRegistry(registry, explicit.registry)) return { username: explicit.username, password: explicit.password, serveraddress: registry };
  const region = swrRegionOf(registry);
  if (swr && region) return { ...swrLogin(swr.ak, swr.sk, swr.region ?? region), serveraddress: registry };
  return storedCredentials(registry, env, helper);
}

/** What `docker login` stored for `registry`. */
async function storedCredentials(registry: string, env: NodeJS.ProcessEnv, helper: Helper): Promise<RegistryAuth | undefined> {
  let config: { auths?: Record<string, { auth?: string; identitytoken?: string }>; credHelpers?: Record<string, string>; credsStore?: string };
  try {
    config = JSON.parse(readFileSync(join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const exact = sameRegistry(registry, 'docker.io')
    ? ['https://index.docker.io/v1/', 'docker.io', 'index.docker.io']
    : [registry, `https://${registry}`, `http://${registry}`];
  // Then, as Docker's file store does, any key that names the host with a scheme or a path
  // ("https://swr.cn-north-4.myhuaweicloud.com/v2/").
  const keysIn = (entries: Record<string, unknown> | undefined) => {
    const present = Object.keys(entries ?? {});
    return [...exact.filter((k) => present.includes(k)), ...present.filter((k) => !exact.includes(k) && sameRegistry(k, registry))];
  };
  const store = keysIn(config.credHelpers).map((k) => config.credHelpers![k])[0] ?? config.credsStore;
  if (typeof store === 'string' && store) {
    for (const k of exact) {
      const found = await helper(store, k);
      if (!found?.Secret) continue;
      // A helper's answer for the user "<token>" is an identity token, as Docker reads it.
      if (found.Username === '<token>') return { username: '', password: '', serveraddress: registry, identitytoken: found.Secret };
      return { username: found.Username, password: found.Secret, serveraddress: registry };
    }
  }
  for (const k of keysIn(config.auths)) {
    const entry = config.auths![k];
    const decoded = typeof entry?.auth === 'string' ? Buffer.from(entry.auth, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const [username, password] = colon > 0 ? [decoded.slice(0, colon), decoded.slice(colon + 1)] : ['', ''];
    const identitytoken = typeof entry?.identitytoken === 'string' && entry.identitytoken ? entry.identitytoken : undefined;
    if (identitytoken) return { username, password, serveraddress: registry, identitytoken };
    if (colon > 0) return { username, password, serveraddress: registry };
  }
  return undefined;
}
