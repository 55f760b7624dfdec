/** Timing helpers: the median of several runs after a warm-up. */

export interface Timed<T> {
  medianMs: number;
  minMs: number;
  runs: number;
  result: T;
}

export async function timeIt<T>(fn: () => Promise<T>, runs: number, warmup = 1): Promise<Timed<T>> {
  let result = await fn();
  for (let i = 1; i < warmup; i++) result = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianMs = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { medianMs, minMs: times[0]!, runs, result };
}
