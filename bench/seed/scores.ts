import { builtInMeasure, scoreMeasure, type MeasureDefinition, type MeasureScore } from '../../shared/measures';
import type { Rng } from './prng';

/**
 * How a client's measure scores move over treatment: the alliance settles in over the first sessions
 * and drifts, dips sharply on a rupture and recovers over the next sessions, and sags before a client
 * drops out; outcome scores (PHQ-9, GAD-7) fall for responders, slowly for partial responders, not at
 * all or upwards for others. Item answers are drawn so that they add up to the modelled total.
 */
export type OutcomeCourse = 'responder' | 'partial' | 'flat' | 'worse';

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export const MEASURES = {
  sacClient: builtInMeasure('sac-client')!,
  sacClinician: builtInMeasure('sac-clinician')!,
  phq9: builtInMeasure('phq-9')!,
  gad7: builtInMeasure('gad-7')!,
  waiSr: builtInMeasure('wai-sr')!,
  srs: builtInMeasure('srs')!,
  ors: builtInMeasure('ors')!,
} as const;

export const measureDefinition = (id: string): MeasureDefinition => {
  const definition = builtInMeasure(id);
  if (!definition) throw new Error(`no built-in measure ${id}`);
  return definition;
};

/** Scores `responses` as the service does; a generator bug (an answer out of range) throws. */
export function scored(definition: MeasureDefinition, responses: Record<string, number>): MeasureScore {
  const score = scoreMeasure(definition, responses);
  if (Object.keys(score.problems).length > 0 || score.total === null) {
    throw new Error(`seed produced an unscorable ${definition.id}: ${JSON.stringify(score.problems)}`);
  }
  return score;
}

/** One client's alliance: call `next` once per attended session, in order. */
export class AllianceCourse {
  private readonly base: number;
  private readonly offsets: { goals: number; tasks: number; bond: number };
  private readonly deficit: number;
  private readonly settle: number;
  private drift = 0;
  private ruptureEcho = 0;

  constructor(private readonly rng: Rng) {
    this.base = clamp(rng.normal(8.5, 0.7), 5.5, 9.7);
    this.offsets = { goals: rng.normal(0, 0.4), tasks: rng.normal(-0.2, 0.4), bond: rng.normal(0.25, 0.4) };
    this.deficit = rng.real(0.5, 2);
    this.settle = rng.real(3, 8);
  }

  /** Item answers (0–10) for the client's form and the clinician's, at attended session `k`. */
  next(k: number, options: { rupture: boolean; decline: number }): { client: Record<string, number>; clinician: Record<string, number> } {
    const { rng } = this;
    this.drift = 0.8 * this.drift + rng.normal(0, 0.3);
    const level = this.base - this.deficit * Math.exp(-k / this.settle) + this.drift - options.decline;
    const dip = options.rupture ? { goals: rng.real(1, 2), tasks: rng.real(1, 3), bond: rng.real(3, 5) } : { goals: 0, tasks: 0, bond: 0 };
    const echo = this.ruptureEcho;
    this.ruptureEcho = options.rupture ? 1 : echo * 0.5;
    const item = (key: 'goals' | 'tasks' | 'bond') => level + this.offsets[key] - dip[key] - echo * (key === 'bond' ? 1.6 : 0.6) + rng.normal(0, 0.6);
    const client = { goals: item('goals'), tasks: item('tasks'), bond: item('bond') };
    const round = (value: number) => Math.round(clamp(value, 0, 10));
    return {
      client: { goals: round(client.goals), tasks: round(client.tasks), bond: round(client.bond) },
      clinician: { goals: round(client.goals - 0.7 + rng.normal(0, 0.7)), tasks: round(client.tasks - 0.6 + rng.normal(0, 0.7)), bond: round(client.bond - 0.8 + rng.normal(0, 0.7)) },
    };
  }
}

/** One client's outcome course on the PHQ-9 scale (0–27); GAD-7 totals are scaled to 0–21. */
export class OutcomeCourseModel {
  readonly course: OutcomeCourse;
  private readonly start: number;
  private readonly floor: number;
  private readonly rate: number;
  private readonly rise: number;

  constructor(private readonly rng: Rng, severity: readonly [number, number]) {
    this.course = rng.weighted([['responder', 55], ['partial', 25], ['flat', 12], ['worse', 8]] as const);
    this.start = rng.real(severity[0], severity[1]);
    this.floor = this.course === 'responder' ? rng.real(2, 6) : rng.real(7, 11);
    this.rate = this.course === 'responder' ? rng.real(0.04, 0.14) : rng.real(0.02, 0.06);
    this.rise = rng.real(2, 6);
  }

  /** The modelled total at attended session `k` of `n`. */
  totalAt(k: number, n: number): number {
    const { rng } = this;
    let mean: number;
    switch (this.course) {
      case 'responder':
      case 'partial':
        mean = Math.min(this.start, this.floor + (this.start - this.floor) * Math.exp(-k * this.rate));
        break;
      case 'flat':
        mean = this.start;
        break;
      case 'worse':
        mean = this.start + (this.rise * k) / Math.max(1, n);
        break;
    }
    return mean + rng.normal(0, 1.6);
  }

  /** "steady improvement since intake" and the like, for the Assessment section. */
  get trend(): string {
    return { responder: 'steady improvement since intake', partial: 'some improvement, slower than hoped', flat: 'little change since intake', worse: 'some worsening over recent weeks' }[this.course];
  }
}

/**
 * Item answers for a frequency questionnaire (0–3 per item) adding up to about `total`. The risk item
 * (PHQ-9 item 9) is answered above 0 only when `riskItem` allows it.
 */
export function frequencyAnswers(rng: Rng, definition: MeasureDefinition, total: number, riskItem: boolean): Record<string, number> {
  const keys = definition.items.map((item) => item.key);
  const max = definition.range.max;
  let points = Math.round(clamp(total, 0, max));
  const answers: Record<string, number> = Object.fromEntries(keys.map((key) => [key, 0]));
  const flagKeys = new Set(definition.flagItems.map((flag) => flag.item));
  const weights = keys.map((key, i) => [key, flagKeys.has(key) ? (riskItem ? 0.6 : 0) : i < 2 ? 1.6 : 1] as const);
  for (let guard = 0; points > 0 && guard < 400; guard++) {
    const key = rng.weighted(weights);
    if ((answers[key] ?? 0) >= 3) continue;
    answers[key] = (answers[key] ?? 0) + 1;
    points -= 1;
  }
  return answers;
}

/** Twelve WAI-SR item scores (1–5) around a client's level. */
export const waiAnswers = (rng: Rng, level: number): Record<string, number> =>
  Object.fromEntries(MEASURES.waiSr.items.map((item) => [item.key, Math.round(clamp(level + rng.normal(0, 0.5), 1, 5))]));

/** Visual-analogue marks (0–10, read to 0.1) around `level`, for the SRS and ORS. */
export const analogueAnswers = (rng: Rng, definition: MeasureDefinition, level: number): Record<string, number> =>
  Object.fromEntries(definition.items.map((item) => [item.key, Math.round(clamp(level + rng.normal(0, 0.6), 0, 10) * 10) / 10]));
