// Everything a check can be told, resolved from profile defaults, the config file and options.
import { UsageError } from '../errors';

export type Severity = 'error' | 'warning' | 'notice';
export type SeveritySetting = Severity | 'off';
export type ProfileName = 'legacy' | 'current';

export interface Waiver {
  rule: string;
  /** Glob over image paths ("/opt/tools/**"); absent: every finding of the rule. */
  path?: string;
  reason: string;
  /** YYYY-MM-DD; from that day on the waiver no longer applies. */
  expires?: string;
}

export interface Settings {
  profile: ProfileName;
  expectedUid: number;
  /** Home used for the ModelArts tools when passwd has no entry for the expected UID. */
  expectedHome: string;
  /** Bytes. */
  maxSize: number;
  /** Directories whose base-image content must stay unchanged. */
  protectedPaths: string[];
  /** Globs of important /etc files that must not be added, changed or deleted. */
  protectedEtc: string[];
  modelartsTools: string[];
  severities: Record<string, SeveritySetting>;
  waivers: Waiver[];
  /** Bytes of each file the content scan reads at most. */
  scanLimit: number;
  /** Uncompressed bytes read at most, over all layers (decompression bombs stop here). */
  maxUncompressed: number;
  platform: string;
  /** Today, as YYYY-MM-DD, for waiver expiry (settable for tests). */
  today: string;
}

export const PROFILES: Record<ProfileName, { expectedUid: number; expectedHome: string; maxSize: number; description: string }> = {
  legacy: { expectedUid: 1101, expectedHome: '/home/work', maxSize: 9.5e9, description: 'the published specification: UID 1101, /home/work, 9.5 GB' },
  current: {
    expectedUid: 1000,
    expectedHome: '/home/ma-user',
    maxSize: 9.5e9,
    description: 'newer ModelArts base images: ma-user, UID 1000, GID 100, /home/ma-user'
  }
};

export const DEFAULT_PROTECTED_PATHS = ['/bin', '/sbin', '/usr', '/lib', '/lib32', '/lib64', '/libx32'];

export const DEFAULT_PROTECTED_ETC = [
  '/etc/passwd',
  '/etc/group',
  '/etc/shadow',
  '/etc/gshadow',
  '/etc/sudoers',
  '/etc/sudoers.d/**',
  '/etc/ld.so.preload',
  '/etc/ld.so.conf',
  '/etc/ld.so.conf.d/**',
  '/etc/pam.d/**',
  '/etc/security/**',
  '/etc/hosts',
  '/etc/resolv.conf',
  '/etc/nsswitch.conf',
  '/etc/ssh/sshd_config',
  '/etc/ssh/sshd_config.d/**'
];

export const MODELARTS_TOOLS = ['run_train.sh', 'utils.sh', 'ip_mapper.py', 'dls-downloader.py'];

export function defaultSettings(profile: ProfileName = 'legacy'): Settings {
  const p = PROFILES[profile];
  return {
    profile,
    expectedUid: p.expectedUid,
    expectedHome: p.expectedHome,
    maxSize: p.maxSize,
    protectedPaths: [...DEFAULT_PROTECTED_PATHS],
    protectedEtc: [...DEFAULT_PROTECTED_ETC],
    modelartsTools: [...MODELARTS_TOOLS],
    severities: {},
    waivers: [],
    scanLimit: 64 * 1024 * 1024,
    maxUncompressed: 4 * p.maxSize,
    platform: 'linux/amd64',
    today: new Date().toISOString().slice(0, 10)
  };
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4
};

/** "9.5GB" (decimal), "9.5GiB" (binary), "1048576" (bytes). */
export function parseSize(text: string, option = 'size'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new UsageError(`${option} "${text}" is not a size: write bytes (10000000000), decimal units (9.5GB) or binary units (9.5GiB)`);
  }
  const bytes = Math.round(Number(m[1]) * unit);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`${option} "${text}" is out of range`);
  return bytes;
}

export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[u]}`;
}

export function parseUid(text: string, option = 'expected-uid'): number {
  if (!/^\d{1,10}$/.test(text.trim()) || Number(text) > 0xffffffff) {
    throw new UsageError(`${option} "${text}" is not a numeric user id`);
  }
  return Number(text);
}

export function parseProfile(text: string): ProfileName {
  if (text === 'legacy' || text === 'current') return text;
  throw new UsageError(`profile "${text}" is unknown: use "legacy" (${PROFILES.legacy.description}) or "current" (${PROFILES.current.description})`);
}
