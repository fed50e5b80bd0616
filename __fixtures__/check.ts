import { checkImage, type CheckResult } from '../src/core/check-image';
import type { Finding } from '../src/core/facts';
import { defaultSettings, type Settings } from '../src/core/settings/settings';
import { BASE_METADATA, baseLayers, buildImage, memorySource, type ArchiveOptions, type ImageSpec, type LayerSpec } from './image-builder';

export interface CheckOpts extends ArchiveOptions {
  /** Pass the test base as --base (default true). */
  withBase?: boolean;
  settings?: Partial<Settings>;
  /** The base's layers (default: baseLayers()); the image's own layers must start with them. */
  baseLayers?: LayerSpec[];
  /** Bytes per chunk the archive is read in (default: memorySource's). */
  chunk?: number;
}

export async function check(spec: ImageSpec, opts: CheckOpts = {}): Promise<CheckResult> {
  const image = await buildImage(spec, opts);
  const withBase = opts.withBase ?? true;
  const base = withBase
    ? await buildImage({ layers: opts.baseLayers ?? baseLayers(), metadata: BASE_METADATA, config: { User: 'work' } }, { layout: opts.layout })
    : undefined;
  const settings = { ...defaultSettings(), today: '2026-06-01', ...opts.settings };
  return checkImage({ image: memorySource(image.archive, undefined, opts.chunk), base: base && memorySource(base.archive, 'test base', opts.chunk), settings });
}

export function rule(result: CheckResult, id: string): Finding[] {
  return result.findings.filter((f) => f.rule === id);
}

export function paths(result: CheckResult, id: string): (string | undefined)[] {
  return rule(result, id).map((f) => f.path);
}
