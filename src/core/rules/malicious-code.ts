import type { RawFinding } from '../facts';
import { SCAN_BUDGET_DETECTOR } from '../scan/content-scanner';
import { MALWARE_DETECTORS } from './malware-detectors';
import { SOURCES, type Rule } from './rule';

const DETECTOR_IDS = new Set(MALWARE_DETECTORS.map((d) => d.id));

export const maliciousCode: Rule = {
  id: 'malicious-code',
  defaultSeverity: 'error',
  description: 'Files added by custom layers must not contain malware indicators (EICAR, reverse shells, crypto miners) or escape the image root.',
  spec: 'Custom images cannot contain malicious code.',
  source: SOURCES.oldTraining,
  needs: () => ({ detectors: [...DETECTOR_IDS] }),
  check(facts) {
    const out: RawFinding[] = [];
    for (const layer of facts.layers) {
      if (layer.base) continue;
      for (const hit of layer.record.scanHits) {
        // A scan that stopped at its budget of checks may have missed malware after that point.
        if (!DETECTOR_IDS.has(hit.detector) && hit.detector !== SCAN_BUDGET_DETECTOR) continue;
        out.push({ message: `${hit.path} contains ${hit.evidence}. Remove it from the image.`, path: hit.path, layer: layer.index });
      }
      for (const v of layer.record.clamd) {
        out.push({ message: `${v.path} is detected by ClamAV as ${v.signature}. Remove it from the image.`, path: v.path, layer: layer.index });
      }
      for (const u of layer.record.unsafe) {
        out.push({
          message: `The layer entry "${u.path}" was not applied: ${u.reason}. Real image builds never write such entries; the layer was crafted.`,
          path: u.path,
          layer: layer.index
        });
      }
    }
    for (const { layer, entry } of facts.fs.unsafe) {
      if (facts.layers[layer]?.base) continue;
      out.push({ message: `The layer entry ${entry.path} was not applied: ${entry.reason}.`, path: entry.path, layer });
    }
    return out;
  }
};
