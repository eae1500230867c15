import type { Timing } from './measure';

/** One line of the bench table; the JSON form is the contract later tooling reads. */
export interface BenchResult extends Timing {
  row: string;
  target: string;
  met: boolean;
  ratio_vs_raw?: number;
  /** Throughput rows. */
  mb_per_s?: number;
  peak_rss_mb?: number;
  note?: string;
}

export interface BenchRow {
  name: string;
  run: () => Promise<BenchResult>;
}
