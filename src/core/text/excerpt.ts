// Text from an image quoted in a message or a report line: a config value, a history line, a
// line of a start-up script, a name from an archive. A crafted image may put megabytes into any
// of them, so each is cut to a length fit for its place, and the cut says so.

/** `text` itself, or its first `max` characters and how long it was. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  // Not between the two halves of a surrogate pair (an emoji, say), which no encoding can print.
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}... (${text.length.toLocaleString('en-US')} characters)`;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** A history line (`created_by`) as the instruction a person wrote, on one line, cut to `max`. */
export function shortInstruction(createdBy: string, max: number): string {
  const instruction = createdBy
    .replace(/^\/bin\/sh -c (#\(nop\)\s+)?/, '')
    .replace(/\s*# buildkit$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return excerpt(instruction, max);
}
