import { count } from './plural';

/**
 * Masks a credential for display: at most `keep` leading characters stay (the public part of
 * an access key id, say), the rest becomes asterisks. Secrets themselves keep nothing.
 */
export function maskSecret(value: string, keep: number): string {
  if (keep <= 0 || value.length <= keep * 2) return `${'*'.repeat(Math.min(value.length, 8))} (${count(value.length, 'character')}, masked)`;
  return value.slice(0, keep) + '*'.repeat(Math.min(value.length - keep, 16));
}
