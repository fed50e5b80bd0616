// "1 layer", "2 layers", "0 notices": counts in messages and reports.
export function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
