/** Timing helpers for `npm run bench`: figures, not pass/fail. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `task` over the inputs `rounds` times (after one warm-up round) and reports p50/p95/max in ms. */
export function time<T>(inputs: readonly T[], rounds: number, task: (input: T) => unknown) {
  for (const input of inputs) task(input);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const started = process.hrtime.bigint();
      task(input);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  return { runs: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1)! };
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
