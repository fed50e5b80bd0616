import type { ImageFacts, RawFinding } from '../facts';
import type { ProfileName, Settings, Severity } from '../settings/settings';
import type { StreamNeeds } from '../stream-needs';

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** The default severity in a profile where it differs (current: warning where the new spec no longer names the rule). */
  severityIn?: Partial<Record<ProfileName, Severity>>;
  /** One line: what the rule requires. */
  description: string;
  /** The sentence of the ModelArts documentation the rule enforces. */
  spec: string;
  /** The Huawei Cloud page that sentence comes from. */
  source: string;
  /** What the rule must see of the layers as they stream by (file texts, content tags, content detectors). */
  needs?(settings: Settings): StreamNeeds;
  check(facts: ImageFacts, settings: Settings): RawFinding[];
}

/** The pages rules cite (each rule page, docs/rules/<id>.md, says more). */
export const SOURCES = {
  oldTraining: 'ModelArts: Specifications for Custom Images Used for Training Jobs (old-version training)',
  newTraining: 'ModelArts: Specifications for Custom Images Used for Training Jobs (new-version training, develop-modelarts-0079)',
  migrating: 'ModelArts: Migrating an Image to ModelArts (docker-modelarts_0029)',
  bootCommand: 'ModelArts: Boot Command of a Training Job (develop-modelarts-1416)',
  versions: 'ModelArts FAQ docker-modelarts_6019 and troubleshooting modelarts_trouble_0139',
  swr: 'SWR: image layer and push limits',
  registerImage: 'ModelArts API: RegisterImage (arch X86_64 or AARCH64)'
} as const;

export const DOCS_BASE = 'https://github.com/modelarts-image-check/modelarts-image-check/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
