import { performance } from 'node:perf_hooks';

export interface Timing {
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
}

/** Runs `once` after `warmUp` untimed runs and summarises the timed ones. */
export async function measure(once: () => Promise<void>, options: { warmUp: number; runs: number; between?: () => Promise<void> | void }): Promise<Timing> {
  for (let i = 0; i < options.warmUp; i++) {
    await once();
    await options.between?.();
  }
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    await once();
    samples.push(performance.now() - started);
    await options.between?.();
  }
  return summarise(samples);
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50_ms: round(at(0.5)), p95_ms: round(at(0.95)), max_ms: round(sorted.at(-1) ?? NaN) };
}
