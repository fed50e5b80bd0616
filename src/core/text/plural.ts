// Counts in messages and reports, read as English: "1 layer", "2 layers", "0 notices",
// "the first layer was", "the first 2 layers were", "1 more finding is".

export function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/** "the first layer", "the first 2 layers". */
export function theFirst(n: number, noun: string): string {
  return n === 1 ? `the first ${noun}` : `the first ${n} ${noun}s`;
}

/** The verb to follow a count of `n`, in the past. */
export function was(n: number): string {
  return n === 1 ? 'was' : 'were';
}

/** The verb to follow a count of `n`. */
export function is(n: number): string {
  return n === 1 ? 'is' : 'are';
}
