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

/** What a profile sets: the user, the home and the sizes ModelArts expects. */
export interface ProfileSettings {
  expectedUid: number;
  /** The primary group ModelArts expects of the default user (the current spec's ma-group, GID 100); none in legacy. */
  expectedGid?: number;
  /** Home used for the ModelArts tools when passwd has no entry for the expected UID. */
  expectedHome: string;
  /** Bytes: larger is an error. */
  maxSize: number;
  /** Bytes: larger is a warning (Huawei recommends at most this much). */
  recommendedSize?: number;
}

/** How the profile is chosen: 'auto' picks it from the base image's users once they are read (profile.ts). */
export type ProfileChoice = ProfileName | 'auto';

export type Architecture = 'amd64' | 'arm64';

export interface Settings extends ProfileSettings {
  /** The profile in force (with 'auto', the one chosen once the image is read). */
  profile: ProfileName;
  profileChoice: ProfileChoice;
  /** Profile settings given explicitly (options, config file): they hold whichever profile applies. */
  overrides: Partial<ProfileSettings>;
  /** Directories whose base-image content must stay unchanged. */
  protectedPaths: string[];
  /** Globs of important /etc files that must not be added, changed or deleted. */
  protectedEtc: string[];
  modelartsTools: string[];
  severities: Record<string, SeveritySetting>;
  waivers: Waiver[];
  /** Bytes: a larger layer is a warning, since SWR refuses layers over 10 GB. */
  maxLayerSize: number;
  /** Bytes of each file the content scan reads at most. */
  scanLimit: number;
  /** Uncompressed bytes read at most, over all layers (decompression bombs stop here). */
  maxUncompressed: number;
  /**
   * The platform to check (os/arch[/variant]), when set: picked from an archive of several, and
   * required of an archive of one. Unset: the archive's only image, or linux/amd64 of several.
   */
  platform?: string;
  /** The CPU architecture the image must be built for (GPU and CPU pools are amd64, Ascend pools arm64); any when unset. */
  arch?: Architecture;
  /** Today, as YYYY-MM-DD, for waiver expiry (settable for tests). */
  today: string;
}

export const PROFILES: Record<ProfileName, ProfileSettings & { title: string; description: string }> = {
  legacy: {
    title: 'old-version training',
    expectedUid: 1101,
    expectedHome: '/home/work',
    maxSize: 9.5e9,
    description: 'old-version training, the published specification: user work, UID 1101, /home/work, 9.5 GB'
  },
  current: {
    title: 'new-version training',
    expectedUid: 1000,
    expectedGid: 100,
    expectedHome: '/home/ma-user',
    maxSize: 30e9,
    recommendedSize: 15e9,
    description: 'new-version training: ma-user, UID 1000, GID 100, /home/ma-user, 30 GB (15 GB recommended)'
  }
};

/** The settings with `profile` in force: its values, except those given explicitly. */
export function withProfile(settings: Settings, profile: ProfileName): Settings {
  const { title: _title, description: _description, ...values } = PROFILES[profile];
  return { ...settings, expectedGid: undefined, recommendedSize: undefined, ...values, ...settings.overrides, profile };
}

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

/** The settings of a profile, or of 'auto' (legacy until the image's users are read). */
export function defaultSettings(choice: ProfileChoice = 'auto'): Settings {
  const profile = choice === 'auto' ? 'legacy' : choice;
  const { title: _title, description: _description, ...values } = PROFILES[profile];
  return {
    ...values,
    profile,
    profileChoice: choice,
    overrides: {},
    protectedPaths: [...DEFAULT_PROTECTED_PATHS],
    protectedEtc: [...DEFAULT_PROTECTED_ETC],
    modelartsTools: [...MODELARTS_TOOLS],
    severities: {},
    waivers: [],
    maxLayerSize: 10e9,
    scanLimit: 64 * 1024 * 1024,
    maxUncompressed: 4 * Math.max(...candidateProfiles(choice).map((p) => PROFILES[p].maxSize)),
    today: new Date().toISOString().slice(0, 10)
  };
}

/** The profiles a choice may end up with. */
export function candidateProfiles(choice: ProfileChoice): ProfileName[] {
  return choice === 'auto' ? ['legacy', 'current'] : [choice];
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
  // A count of bytes is whole: "9.5" is a slip for 9.5GB, not ten bytes.
  if (unit === 1 && m[1].includes('.')) {
    throw new UsageError(`${option} "${text}" is not a whole number of bytes: give a unit (9.5GB, 9.5GiB) or whole bytes (9500000000)`);
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

export function parseProfile(text: string): ProfileChoice {
  if (text === 'legacy' || text === 'current' || text === 'auto') return text;
  throw new UsageError(
    `profile "${text}" is unknown: use "auto" (chosen from the base image's users), "legacy" (${PROFILES.legacy.description}) or "current" (${PROFILES.current.description})`
  );
}

/** amd64 or arm64, in any of the spellings containerd normalizes to them (x86_64, aarch64...). */
export function parseArch(text: string, option = 'arch'): Architecture {
  const arch = normalizeArch(text);
  if (arch === 'amd64' || arch === 'arm64') return arch;
  throw new UsageError(`${option} "${text}" is not an architecture ModelArts runs: use amd64 (x86_64: CPU and GPU pools) or arm64 (aarch64: Ascend pools)`);
}

/** An architecture name as containerd normalizes it (platforms.Normalize): x86_64 and x86-64 are amd64, aarch64 is arm64. */
export function normalizeArch(text: string): string {
  const a = text.toLowerCase();
  if (a === 'x86_64' || a === 'x86-64') return 'amd64';
  if (a === 'aarch64') return 'arm64';
  return a;
}
