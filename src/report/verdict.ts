import type { Finding } from '../core/facts';
import type { Severity } from '../core/settings/settings';

export type FailOn = Severity | 'never';

const RANK: Record<Severity, number> = { notice: 1, warning: 2, error: 3 };

export function parseFailOn(text: string): FailOn {
  if (text === 'error' || text === 'warning' || text === 'notice' || text === 'never') return text;
  throw new Error(`fail-on "${text}" is unknown: use error, warning, notice or never`);
}

/** Counts of findings that are not waived, and whether none of them reaches `failOn`. */
export function verdict(findings: Finding[], failOn: FailOn) {
  const active = findings.filter((f) => !f.waived);
  const count = (s: Severity) => active.filter((f) => f.severity === s).length;
  const failing = failOn === 'never' ? [] : active.filter((f) => RANK[f.severity] >= RANK[failOn]);
  return {
    errors: count('error'),
    warnings: count('warning'),
    notices: count('notice'),
    waived: findings.length - active.length,
    passed: failing.length === 0
  };
}
