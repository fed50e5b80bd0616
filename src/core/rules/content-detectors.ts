// Every content detector a rule can ask for (StreamNeeds.detectors), by id. The scan workers,
// threads of their own, receive the ids and look the detectors up here: a function cannot be
// sent to a thread. A rule that reads file content adds its detectors to this list.
import type { ContentDetector } from '../scan/content-scanner';
import { CREDENTIAL_DETECTORS } from './credential-detectors';
import { MALWARE_DETECTORS } from './malware-detectors';

export const CONTENT_DETECTORS: readonly ContentDetector[] = [...MALWARE_DETECTORS, ...CREDENTIAL_DETECTORS];

/** The detectors with these ids, in the list's order. */
export function detectorsWithIds(ids: readonly string[]): ContentDetector[] {
  const wanted = new Set(ids);
  return CONTENT_DETECTORS.filter((d) => wanted.has(d.id));
}
