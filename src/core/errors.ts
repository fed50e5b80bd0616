import { escapeUndecodable } from './text/byte-strings';

/**
 * The image could not be checked: unreadable, truncated, corrupt or tampered input.
 * Its message is meant for people and is printed as is (exit code 2).
 */
export class ImageError extends Error {
  override name = 'ImageError';
  constructor(message: string) {
    // Messages quote names from the archive: keep them on one line and free of terminal codes.
    super(escapeControl(message));
  }
}

/**
 * Control characters, and bytes of names that are not UTF-8 (text/byte-strings.ts), as \xNN, so
 * that untrusted text cannot break lines or drive a terminal, and prints.
 */
export function escapeControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeUndecodable(s.replace(/[\x00-\x1f\x7f\x9b]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** A bad option or configuration value (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The message to show for any error, without a stack trace for errors we did not expect. */
export function describeError(err: unknown): string {
  if (err instanceof ImageError || err instanceof UsageError) return err.message;
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}
