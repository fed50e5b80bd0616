import type { ImageFacts, RawFinding } from '../facts';
import type { Settings, Severity } from '../settings/settings';
import type { StreamNeeds } from '../stream-needs';

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule requires. */
  description: string;
  /** The sentence of the ModelArts specification the rule enforces. */
  spec: string;
  /** What the rule must see of the layers as they stream by (file texts, content tags, content detectors). */
  needs?(settings: Settings): StreamNeeds;
  check(facts: ImageFacts, settings: Settings): RawFinding[];
}

export const DOCS_BASE = 'https://github.com/modelarts-image-check/modelarts-image-check/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
