import { performance } from 'node:perf_hooks';
import { summarise, type Timing } from '../measure';

/**
 * Times `ours` and `raw` in the same loop, one after the other in each iteration and in alternating
 * order (ours first on even iterations, raw first on odd ones), so both see the same machine: on a
 * shared 2-core box the load changes from second to second, and only a ratio taken this way holds.
 * Both get the iteration number, so rotating inputs (queries, typed words) stay in step.
 */
export async function measurePair(
  ours: (i: number) => Promise<unknown> | unknown,
  raw: (i: number) => Promise<unknown> | unknown,
  options: { warmUp: number; runs: number },
): Promise<{ ours: Timing; raw: Timing; ratio: number }> {
  const samples = { ours: [] as number[], raw: [] as number[] };
  const time = async (side: 'ours' | 'raw', i: number, keep: boolean) => {
    const started = performance.now();
    await (side === 'ours' ? ours(i) : raw(i));
    if (keep) samples[side].push(performance.now() - started);
  };
  for (let i = 0; i < options.warmUp + options.runs; i++) {
    const keep = i >= options.warmUp;
    const [first, second] = i % 2 === 0 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const);
    await time(first, i, keep);
    await time(second, i, keep);
  }
  const timings = { ours: summarise(samples.ours), raw: summarise(samples.raw) };
  return { ...timings, ratio: ratioOf(samples.ours, samples.raw) };
}

/** ours p50 / raw p50 from the unrounded samples, to two decimals. */
function ratioOf(ours: number[], raw: number[]): number {
  const median = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(0.5 * sorted.length) - 1)] ?? NaN;
  };
  return Math.round((median(ours) / median(raw)) * 100) / 100;
}

export const RATIO_TARGET = 1.5;

/** The note's tail for a compared row: `raw p50 1.3 ms, ratio 1.6× (target ≤ 1.5×, missed)`. */
export function ratioNote(pair: { raw: Timing; ratio: number }): string {
  const verdict = pair.ratio <= RATIO_TARGET ? 'met' : 'missed';
  return `raw p50 ${pair.raw.p50_ms} ms, ratio ${pair.ratio}× (target ≤ ${RATIO_TARGET}×, ${verdict})`;
}
