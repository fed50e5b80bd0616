// Credentials for registries. The daemon never reads ~/.docker/config.json itself, so a
// workflow that ran `docker login` has its credentials read here and handed to the daemon in
// the X-Registry-Auth header, never on a command line or in a file.
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

/** SWR long-term login: user `<region>@<AK>`, password the hex HMAC-SHA256 of the AK keyed with the SK. */
export function swrLogin(ak: string, sk: string, region: string): { username: string; password: string } {
  return { username: `${region}@${ak}`, password: createHmac('sha256', sk).update(ak).digest('hex') };
}

export function swrHost(region: string): string {
  return `swr.${region}.myhuaweicloud.com`;
}

/** The registry host of a reference ("docker.io" when it names none). */
export function registryOf(reference: string): string {
  const first = reference.split('/')[0];
  if (reference.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return first;
  return 'docker.io';
}

export interface ExplicitCredentials {
  username?: string;
  password?: string;
  ak?: string;
  sk?: string;
  region?: string;
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
 * Credentials for `registry`: the explicit inputs when they apply, else what `docker login`
 * stored (config.json auths, credHelpers or credsStore). Undefined: anonymous.
 */
export async function credentialsFor(
  registry: string,
  explicit: ExplicitCredentials,
  env: NodeJS.ProcessEnv = process.env,
  helper: Helper = runHelper
): Promise<RegistryAuth | undefined> {
  if (explicit.username && explicit.password) return { username: explicit.username, password: explicit.password, serveraddress: registry };
  if (explicit.ak && explicit.sk && explicit.region && registry === swrHost(explicit.region)) {
    return { ...swrLogin(explicit.ak, explicit.sk, explicit.region), serveraddress: registry };
  }
  let config: { auths?: Record<string, { auth?: string }>; credHelpers?: Record<string, string>; credsStore?: string };
  try {
    config = JSON.parse(readFileSync(join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const keys =
    registry === 'docker.io' ? ['https://index.docker.io/v1/', 'docker.io', 'index.docker.io'] : [registry, `https://${registry}`, `http://${registry}`];
  const store = keys.map((k) => config.credHelpers?.[k]).find(Boolean) ?? config.credsStore;
  if (store) {
    for (const k of keys) {
      const found = await helper(store, k);
      if (found?.Secret) return { username: found.Username, password: found.Secret, serveraddress: registry };
    }
  }
  for (const k of keys) {
    const auth = config.auths?.[k]?.auth;
    if (!auth) continue;
    const decoded = Buffer.from(auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress: registry };
  }
  return undefined;
}
