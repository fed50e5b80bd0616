// The facts about an image that rules judge: its config, its layers (with the Dockerfile
// instruction behind each), where the base image ends, and the merged filesystems.
import type { Filesystem } from './fs/filesystem-model';
import type { HistoryEntry, ImageConfig, ResolvedImage } from './archive/image-manifest';
import type { LayerRecord } from './layer/layer-record';
import { redactSecrets } from './rules/secret-patterns';
import type { Severity } from './settings/settings';

export interface LayerFact {
  index: number;
  diffId: string;
  /** Uncompressed size (bytes of the layer tar). */
  size: number;
  compression: LayerRecord['compression'];
  /** The history `created_by` of the instruction that made the layer, when known. */
  createdBy?: string;
  base: boolean;
  record: LayerRecord;
}

export interface BaseFacts {
  /** True when the caller named the base image (--base). */
  given: boolean;
  reference?: string;
  id?: string;
  /** Layers of the image that belong to the base image (when the given base is not a prefix: those it shares with it). */
  layerCount: number;
  /** Layers the given base image has, whether or not they are a prefix of the image's. */
  givenLayerCount?: number;
  /** True when the base's layers are a prefix of the image's (always true when guessed). */
  matches: boolean;
  /** True when the boundary was guessed from the history rather than known. */
  guessed: boolean;
  /** Index of the first layer that differs from the given base, when it does not match. */
  firstMismatch?: number;
}

export interface ImageFacts {
  reference: string;
  id: string;
  /** How the image was stored: an archive layout, or a registry (read as an OCI layout). */
  layout: ResolvedImage['layout'] | 'registry';
  repoTags: string[];
  /** The config with credentials in history, ENTRYPOINT and CMD masked: safe to print. */
  config: ImageConfig;
  /** The config as the image has it; only the secrets rule reads it. */
  rawConfig: ImageConfig;
  layers: LayerFact[];
  base: BaseFacts;
  /** The final filesystem. */
  fs: Filesystem;
  /** The filesystem of the base layers alone. */
  baseFs: Filesystem;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** Absolute path inside the image. */
  path?: string;
  layer?: { index: number; diffId: string; createdBy?: string };
  /** The history `created_by` of the instruction responsible (layer or config instruction). */
  instruction?: string;
  waived?: { reason: string; expires?: string };
}

/** What a rule returns: severity, rule id and layer details are added by the rule engine. */
export interface RawFinding {
  message: string;
  path?: string;
  layer?: number;
  /** For config-level findings: the history entry responsible (USER, CMD, ENV...). */
  instruction?: string;
  severity?: Severity;
}

/** The history entries that made layers, in layer order (empty_layer entries are metadata). */
export function layerHistory(history: HistoryEntry[] | undefined, layerCount: number): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const h of history ?? []) {
    if (h && !h.empty_layer) out.push(typeof h.created_by === 'string' ? h.created_by : undefined);
  }
  // A history that does not account for every layer cannot be aligned safely.
  if (out.length !== layerCount) return new Array(layerCount).fill(undefined);
  return out;
}

const BASE_END = /(?:^|#\(nop\)\s+)(?:CMD|ENTRYPOINT)\b/;

/**
 * Guesses how many layers belong to the base image when it was not named: the base image's last
 * instruction is usually a metadata-only CMD or ENTRYPOINT, so the last such history entry
 * before the image's own layers marks the boundary (the approach trivy takes).
 */
export function guessBaseLayerCount(history: HistoryEntry[] | undefined): number | undefined {
  const h = (history ?? []).filter((e) => e && typeof e === 'object');
  let i = h.length - 1;
  while (i >= 0 && h[i].empty_layer) i--; // this image's own trailing CMD, USER, ENV...
  for (; i >= 0; i--) {
    if (h[i].empty_layer && BASE_END.test(String(h[i].created_by ?? '').trim())) break;
  }
  if (i < 0) return undefined;
  return h.slice(0, i).filter((e) => !e.empty_layer).length;
}

/** The last metadata instruction of a kind ("USER", "CMD"...), for attributing config findings. */
export function lastInstruction(config: ImageConfig, keyword: string): string | undefined {
  const re = new RegExp(`(?:^|#\\(nop\\)\\s+)${keyword}\\b`);
  const history = config.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const by = String(history[i]?.created_by ?? '').trim();
    if (re.test(by)) return by;
  }
  return undefined;
}

/** The largest files the custom layers wrote, biggest first. */
export function largestCustomFiles(facts: ImageFacts, count: number): { path: string; size: number; layer: number }[] {
  const top: { path: string; size: number; layer: number }[] = [];
  for (const layer of facts.layers) {
    if (layer.base) continue;
    const e = layer.record.entries;
    for (let i = 0; i < e.length; i++) {
      const size = e.size(i);
      if (size === 0 || (top.length === count && size <= top[top.length - 1].size)) continue;
      top.push({ path: e.paths[i], size, layer: layer.index });
      top.sort((a, b) => b.size - a.size);
      if (top.length > count) top.pop();
    }
  }
  return top;
}

/** A copy of the config whose history, ENTRYPOINT and CMD carry no credential values. */
export function redactedConfig(config: ImageConfig): ImageConfig {
  const c = config.config;
  const args = (a: string[] | null | undefined) => (Array.isArray(a) ? a.map((s) => (typeof s === 'string' ? redactSecrets(s) : s)) : a);
  return {
    ...config,
    ...(c && { config: { ...c, Entrypoint: args(c.Entrypoint), Cmd: args(c.Cmd) } }),
    ...(Array.isArray(config.history) && {
      history: config.history.map((h) => (h && typeof h.created_by === 'string' ? { ...h, created_by: redactSecrets(h.created_by) } : h))
    })
  };
}
