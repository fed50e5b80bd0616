import type { ImageFacts, RawFinding } from '../facts';
import type { Settings, Severity } from '../settings/settings';

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule requires. */
  description: string;
  /** The sentence of the ModelArts specification the rule enforces. */
  spec: string;
  check(facts: ImageFacts, settings: Settings): RawFinding[];
}

export const DOCS_BASE = 'https://github.com/modelarts-image-check/modelarts-image-check/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
