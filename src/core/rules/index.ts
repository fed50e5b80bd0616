// The rule engine: runs every rule, applies severities from the settings and the waivers, and
// attaches the layer and instruction behind each finding.
import picomatch from 'picomatch';
import type { Finding, ImageFacts } from '../facts';
import type { Settings, Severity } from '../settings/settings';
import type { StreamNeeds } from '../stream-needs';
import { baseImage } from './base-image';
import { bootCommandRule } from './boot-command';
import { gpuDriver } from './gpu-driver';
import { softwareVersionsRule } from './software-versions';
import { userAccess } from './user-access';
import { defaultUser } from './default-user';
import { fileCapabilities } from './file-capabilities';
import { imageSize } from './image-size';
import { logStdout } from './log-stdout';
import { maliciousCode } from './malicious-code';
import { modelartsTools } from './modelarts-tools';
import { offlineDeps } from './offline-deps';
import { protectedEtc } from './protected-etc';
import { protectedPath } from './protected-path';
import type { Rule } from './rule';
import { secrets } from './secrets';
import { setuidSetgid } from './setuid-setgid';

export const RULES: readonly Rule[] = [
  defaultUser,
  userAccess,
  setuidSetgid,
  fileCapabilities,
  protectedPath,
  protectedEtc,
  modelartsTools,
  gpuDriver,
  imageSize,
  baseImage,
  bootCommandRule,
  logStdout,
  offlineDeps,
  softwareVersionsRule,
  maliciousCode,
  secrets
];

/** The rules a check runs: all but those set to off. */
function activeRules(settings: Settings): Rule[] {
  return RULES.filter((rule) => settings.severities[rule.id] !== 'off');
}

/** What the active rules must see of the layers as they stream by. */
export function streamNeeds(settings: Settings): StreamNeeds[] {
  return activeRules(settings).flatMap((rule) => (rule.needs ? [rule.needs(settings)] : []));
}

export function runRules(facts: ImageFacts, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  const waivers = settings.waivers.map((w) => ({ ...w, matches: w.path ? picomatch(w.path, { dot: true }) : () => true }));
  for (const w of waivers) {
    if (w.expires && w.expires <= settings.today) {
      findings.push({
        rule: w.rule,
        severity: 'notice',
        message: `The waiver for ${w.rule}${w.path ? ` on ${w.path}` : ''} ("${w.reason}") expired on ${w.expires} and no longer applies.`
      });
    }
  }
  for (const rule of activeRules(settings)) {
    const configured = settings.severities[rule.id] as Severity | undefined;
    for (const raw of rule.check(facts, settings)) {
      const layer = raw.layer === undefined ? undefined : facts.layers[raw.layer];
      const finding: Finding = {
        rule: rule.id,
        severity: configured ?? raw.severity ?? rule.severityIn?.[settings.profile] ?? rule.defaultSeverity,
        message: raw.message,
        ...(raw.path !== undefined && { path: raw.path }),
        ...(layer && { layer: { index: layer.index, diffId: layer.diffId, ...(layer.createdBy && { createdBy: layer.createdBy }) } }),
        ...((raw.instruction ?? layer?.createdBy) && { instruction: raw.instruction ?? layer?.createdBy })
      };
      const waiver = waivers.find(
        (w) => w.rule === rule.id && !(w.expires && w.expires <= settings.today) && (!w.path || (raw.path !== undefined && w.matches(raw.path)))
      );
      if (waiver) finding.waived = { reason: waiver.reason, ...(waiver.expires && { expires: waiver.expires }) };
      findings.push(finding);
    }
  }
  return findings;
}
