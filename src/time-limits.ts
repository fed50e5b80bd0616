// Time limits that tests shorten through the environment (in seconds), so that a stalled daemon
// or registry fails a test in seconds rather than in the minutes a real job allows.

/** Milliseconds from an environment variable in seconds; undefined when unset or not positive. */
export function envMs(name: string): number | undefined {
  const s = Number(process.env[name]);
  return Number.isFinite(s) && s > 0 ? s * 1000 : undefined;
}
