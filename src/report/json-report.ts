// The JSON report: the CLI's `--format json` document and the action's `report` output.
import type { CheckResult } from '../core/check-image';
import { largestCustomFiles } from '../core/facts';
import { PROFILES } from '../core/settings/settings';
import { count } from '../core/text/plural';
import { RULES } from '../core/rules';
import type { DockerfileInstruction } from '../dockerfile/dockerfile-map';
import { VERSION } from '../version';
import { verdict, type FailOn } from './verdict';

/** The image's short ID for a report's heading, unless its reference already shows it (a daemon image's does). */
export function headingId(image: JsonReport['image']): string | undefined {
  const id = image.id.slice(0, 19);
  return image.reference.includes(id) ? undefined : id;
}

/** Which specification the image was judged by, and why, on one line. */
export function profileLine(report: JsonReport): string {
  return `${report.profile} profile (${PROFILES[report.profile].title}), because ${report.profileReason}`;
}

/** "2 errors, 1 warning, 0 notices" (and how many were waived), for a report's verdict line. */
export function findingCounts(s: JsonReport['summary']): string {
  return `${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}, ${count(s.notices, 'notice')}${s.waived ? `, ${s.waived} waived` : ''}`;
}

/** The Dockerfile the image was built from, with its instructions tied to the history (dockerfile/dockerfile-lines.ts). */
export interface DockerfileContext {
  path: string;
  lines: Map<string, DockerfileInstruction>;
}

/** The version of this document's shape: raised when a field changes meaning or goes away. */
export const REPORT_SCHEMA_VERSION = 1;

export function buildJsonReport(result: CheckResult, failOn: FailOn, dockerfile?: DockerfileContext) {
  const { facts, findings, settings } = result;
  const c = facts.config.config ?? {};
  const size = facts.layers.reduce((s, l) => s + l.size, 0);
  const lineOf = (instruction: string | undefined) => (instruction && dockerfile ? dockerfile.lines.get(instruction) : undefined);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'modelarts-image-check', version: VERSION },
    /** The ModelArts specification the image was judged by: legacy (old-version training) or current (new-version training). */
    profile: result.profile.name,
    profileReason: result.profile.reason,
    /** Versions found in the image (only what was found). */
    software: result.software,
    image: {
      reference: facts.reference,
      id: facts.id,
      layout: facts.layout,
      repoTags: facts.repoTags,
      platform: [facts.config.os, facts.config.architecture, facts.config.variant].filter(Boolean).join('/'),
      user: c.User ?? '',
      entrypoint: c.Entrypoint ?? null,
      cmd: c.Cmd ?? null,
      size,
      maxSize: settings.maxSize,
      files: facts.fs.size
    },
    base: {
      given: facts.base.given,
      reference: facts.base.reference ?? null,
      id: facts.base.id ?? null,
      // A given base's own layers, also when they are not the image's first ones (then matches is false).
      layers: facts.base.givenLayerCount ?? facts.base.layerCount,
      matches: facts.base.matches,
      guessed: facts.base.guessed
    },
    /** Rules the settings turned off (the config file's `rules`, or --ignore): not checked. */
    rulesOff: RULES.filter((r) => settings.severities[r.id] === 'off').map((r) => r.id),
    findings: findings.map((f) => {
      const line = lineOf(f.instruction);
      return {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        ...(f.path !== undefined && { path: f.path }),
        // Layers are numbered from 1, the bottom one, everywhere (text, SARIF, the job summary).
        ...(f.layer && { layer: { number: f.layer.index + 1, diffId: f.layer.diffId, ...(f.layer.createdBy && { createdBy: f.layer.createdBy }) } }),
        ...(f.instruction && { instruction: f.instruction }),
        ...(line && dockerfile && { dockerfile: { path: dockerfile.path, line: line.line, endLine: line.endLine } }),
        ...(f.waived && { waived: f.waived })
      };
    }),
    layers: facts.layers.map((l) => ({
      number: l.index + 1,
      diffId: l.diffId,
      size: l.size,
      compression: l.compression,
      entries: l.record.entries.length,
      base: l.base,
      contentScanned: l.record.contentScanned,
      ...(l.createdBy && { createdBy: l.createdBy })
    })),
    largestFiles: largestCustomFiles(facts, 10),
    scan: result.scan,
    timings: result.timings,
    summary: verdict(findings, failOn)
  };
}

export type JsonReport = ReturnType<typeof buildJsonReport>;
