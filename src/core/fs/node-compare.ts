// Whether a file in the final image is the same as the base image's file at that path.
import { decodeCapabilities, describeCapabilities } from './capability-attribute';
import type { FileNode } from './filesystem-model';
import { EntryKind, KIND_NAMES } from '../layer/layer-record';

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

/** The differences between two versions of a path, in words; empty when they are the same. */
export function differences(before: FileNode, after: FileNode): string[] {
  const out: string[] = [];
  if (before.kind !== after.kind) {
    out.push(`${KIND_NAMES[before.kind]} became ${KIND_NAMES[after.kind]}`);
    return out;
  }
  if (before.mode !== after.mode) out.push(`mode ${octal(before.mode)} -> ${octal(after.mode)}`);
  if (before.uid !== after.uid || before.gid !== after.gid) out.push(`owner ${before.uid}:${before.gid} -> ${after.uid}:${after.gid}`);
  if (before.kind === EntryKind.Symlink && before.link !== after.link) out.push(`link target ${before.link} -> ${after.link}`);
  if (before.kind === EntryKind.File) {
    if (before.size !== after.size) out.push(`content changed (size ${before.size} -> ${after.size})`);
    else if (before.contentTag !== after.contentTag) out.push('content changed');
    if (!sameBytes(before.capability, after.capability))
      out.push(`file capabilities ${capabilityText(before.capability)} -> ${capabilityText(after.capability)}`);
  }
  return out;
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.equals(b));
}

/** A capabilities attribute in getcap's words ("none" without one). */
function capabilityText(value: Buffer | undefined): string {
  if (value === undefined) return 'none';
  const caps = decodeCapabilities(value);
  return caps ? describeCapabilities(caps) || 'an empty set' : 'an attribute Linux refuses';
}

export function describeMode(mode: number): string {
  const bits = [mode & 0o4000 ? 'setuid' : '', mode & 0o2000 ? 'setgid' : ''].filter(Boolean).join(' and ');
  return `${bits} (mode ${octal(mode)})`;
}
