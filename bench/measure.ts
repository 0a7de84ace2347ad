/** Timing loops and their statistics: sequential calls, warm-up first, bounded in count and time. */

export interface Stats {
  n: number;
  median: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

export interface MeasureOptions {
  warmup: number;
  requests: number;
  /** Stop measuring (with fewer requests) once this much time has passed. */
  budgetMs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    n: sorted.length,
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    mean: round(sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** Runs fn `warmup` times untimed, then up to `requests` times timed, one after the other. */
export async function measure(fn: () => Promise<unknown>, opts: MeasureOptions): Promise<Stats> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const samples: number[] = [];
  const deadline = performance.now() + opts.budgetMs;
  for (let i = 0; i < opts.requests; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
    if (performance.now() > deadline) break;
  }
  return stats(samples);
}

/**
 * Like measure, for several functions at once, called in turn within each round (server, then
 * direct, then SQL…), so that a change in the machine's load touches all of them alike.
 */
export async function measureInterleaved(fns: (() => Promise<unknown>)[], opts: MeasureOptions): Promise<Stats[]> {
  for (let i = 0; i < opts.warmup; i++) for (const fn of fns) await fn();
  const samples: number[][] = fns.map(() => []);
  const deadline = performance.now() + opts.budgetMs;
  for (let i = 0; i < opts.requests; i++) {
    for (let k = 0; k < fns.length; k++) {
      const t = performance.now();
      await fns[k]();
      samples[k].push(performance.now() - t);
    }
    if (performance.now() > deadline) break;
  }
  return samples.map(stats);
}
