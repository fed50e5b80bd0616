// Reads `.modelarts-image-check.yml`. The JSON schema beside the package is the single source of
// truth for what the file may say: editors use it, and ajv checks every file against it.
import { readFileSync } from 'node:fs';
import type { Ajv } from './config-parsers';
import schema from '../../../schema/modelarts-image-check.schema.json';
import { UsageError } from '../errors';
import { parseArch, parseProfile, parseSize, type Architecture, type ProfileChoice, type SeveritySetting, type Waiver } from './settings';

/** The rule ids, as the schema lists them (a test keeps them equal to the rules). */
export const RULE_IDS: ReadonlySet<string> = new Set(schema.$defs.ruleId.enum);

/** The names the config file is found under in the working directory, in this order. */
export const CONFIG_FILE_NAMES = ['.modelarts-image-check.yml', '.modelarts-image-check.yaml'];

export interface ConfigFile {
  profile?: ProfileChoice;
  expectedUid?: number;
  arch?: Architecture;
  maxSize?: number;
  scanLimit?: number;
  maxUncompressed?: number;
  platform?: string;
  rules: Record<string, SeveritySetting>;
  protectedPaths: string[];
  protectedEtc: string[];
  waivers: Waiver[];
}

/** Loaded on first use (see config-parsers.ts). */
const parsers = (): typeof import('./config-parsers') => require('./config-parsers');

let validator: ReturnType<Ajv['compile']> | undefined;
const validate = (doc: unknown) => (validator ??= new (parsers().Ajv)({ allErrors: true, allowUnionTypes: true }).compile(schema))(doc);

export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`no such config file: ${path}`);
    if (code === 'EISDIR') throw new UsageError(`the config file ${path} is a directory`);
    throw new UsageError(`cannot read the config file ${path}: ${code ?? (err as Error).message}`);
  }
  return parseConfig(text, path);
}

export function parseConfig(text: string, name: string): ConfigFile {
  let doc: unknown;
  try {
    doc = parsers().parseYaml(text) ?? {};
  } catch (err) {
    throw new UsageError(`${name} is not valid YAML: ${yamlProblem(err as Error)}`);
  }
  if (!validate(doc)) {
    // A key of `rules` that is no rule id fails twice (its enum and the propertyNames around it): said once.
    const problems = (validator!.errors ?? []).flatMap((e) => {
      const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the top level';
      if (e.keyword === 'propertyNames') return [];
      if (e.propertyName !== undefined) return [`${where}: unknown rule "${e.propertyName}"`];
      if (e.keyword === 'additionalProperties') return [`${where}: unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`];
      if (e.keyword === 'enum') return [`${where}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`];
      return [`${where}: ${e.message}`];
    });
    const unique = [...new Set(problems)];
    throw new UsageError(`${name} is not a valid configuration: ${unique.join('; ')}`);
  }
  const d = doc as Record<string, unknown>;
  const size = (key: string) => (d[key] === undefined ? undefined : parseSize(String(d[key]), `${key} in ${name}`));
  return {
    profile: d.profile === undefined ? undefined : parseProfile(String(d.profile)),
    expectedUid: d['expected-uid'] as number | undefined,
    maxSize: size('max-size'),
    scanLimit: size('scan-limit'),
    maxUncompressed: size('max-uncompressed'),
    platform: d.platform as string | undefined,
    arch: d.arch === undefined ? undefined : parseArch(String(d.arch), `arch in ${name}`),
    rules: (d.rules ?? {}) as Record<string, SeveritySetting>,
    protectedPaths: (d['protected-paths'] ?? []) as string[],
    protectedEtc: (d['protected-etc'] ?? []) as string[],
    waivers: (d.waivers ?? []) as Waiver[]
  };
}

/** The yaml package's message without its trailing "at line L, column C:" and excerpt, the place said once. */
function yamlProblem(err: Error & { linePos?: { line: number; col: number }[] }): string {
  const first = err.message
    .split('\n')[0]
    .replace(/\s*at line \d+, column \d+:?\s*$/, '')
    .replace(/[.:]\s*$/, '');
  const at = err.linePos?.[0];
  return at ? `${first} (line ${at.line}, column ${at.col})` : first;
}
