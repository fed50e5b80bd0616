// One place that turns options (CLI flags or action inputs) into Settings:
// profile defaults, then the config file, then explicit options.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAMES, readConfigFile, RULE_IDS } from './config-file';
import { UsageError } from '../errors';
import { candidateProfiles, defaultSettings, parseArch, parseProfile, parseSize, parseUid, PROFILES, withProfile, type Settings } from './settings';

export interface SettingOptions {
  /** auto (the default), legacy or current. */
  profile?: string;
  maxSize?: string;
  expectedUid?: string;
  arch?: string;
  /** Path of the config file; without it, `.modelarts-image-check.yml` (or `.yaml`) in `cwd` if present. */
  config?: string;
  /** Rules to turn off, as `--ignore` names them (after the config file's severities). */
  ignore?: string[];
  platform?: string;
  scanLimit?: string;
  maxUncompressed?: string;
  cwd: string;
}

export function resolveSettings(o: SettingOptions): { settings: Settings; configPath?: string } {
  const configPath = o.config || CONFIG_FILE_NAMES.map((name) => join(o.cwd, name)).find((path) => existsSync(path));
  const file = configPath ? readConfigFile(configPath) : undefined;
  const choice = o.profile ? parseProfile(o.profile) : (file?.profile ?? 'auto');
  let s = defaultSettings(choice);
  const overrides = s.overrides;
  if (file) {
    if (file.expectedUid !== undefined) overrides.expectedUid = file.expectedUid;
    if (file.maxSize !== undefined) overrides.maxSize = file.maxSize;
    if (file.scanLimit !== undefined) s.scanLimit = file.scanLimit;
    if (file.platform !== undefined) s.platform = file.platform;
    if (file.arch !== undefined) s.arch = file.arch;
    s.severities = file.rules;
    s.protectedPaths.push(...file.protectedPaths);
    s.protectedEtc.push(...file.protectedEtc);
    s.waivers = file.waivers;
  }
  for (const id of o.ignore ?? []) {
    if (!RULE_IDS.has(id)) throw new UsageError(`--ignore ${id}: no such rule (the rules: ${[...RULE_IDS].join(', ')})`);
    s.severities = { ...s.severities, [id]: 'off' };
  }
  if (o.expectedUid) overrides.expectedUid = parseUid(o.expectedUid);
  if (o.maxSize) overrides.maxSize = parseSize(o.maxSize, 'max-size');
  if (o.arch) s.arch = parseArch(o.arch);
  if (o.scanLimit) s.scanLimit = parseSize(o.scanLimit, 'scan-limit');
  if (o.platform) {
    if (!/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(o.platform))
      throw new UsageError(`platform "${o.platform}" is not of the form os/arch[/variant], e.g. linux/amd64`);
    s.platform = o.platform;
  }
  s = withProfile(s, s.profile);
  // The bomb guard follows the largest size limit the check may apply, unless set explicitly.
  const largest = overrides.maxSize ?? Math.max(...candidateProfiles(choice).map((p) => PROFILES[p].maxSize));
  s.maxUncompressed = o.maxUncompressed ? parseSize(o.maxUncompressed, 'max-uncompressed') : (file?.maxUncompressed ?? Math.max(4 * largest, 1e9));
  return { settings: s, configPath };
}
