import { addDays, dayNumber, dayOf, HISTORY_END, HISTORY_START, timeOfDay, workdayOnOrAfter } from './calendar';
import type { Ending } from './people';
import type { Rng } from './prng';

/**
 * When a client's sessions happen. Counts first: the busiest client gets ~170 sessions (the timeline
 * and chart benchmarks need one with 150 or more), one client exactly 100 (the PDF benchmark), the rest
 * share what is left unevenly, fewer for clients who dropped out. Then dates: a weekly, fortnightly or
 * monthly rhythm on the same weekday, with rescheduled and skipped weeks and holiday breaks, ending
 * recently for current clients, a few months back for paused ones, and anywhere in fifteen years for
 * discharged ones.
 */
export const BUSY_SESSIONS = 170;
export const PDF_SESSIONS = 100;

export type ClientRole = 'busy' | 'pdf' | 'ordinary';

export interface SessionCounts {
  busy: number;
  pdf: number;
  /** One per ordinary client, in client order. */
  others: number[];
}

/** How many sessions each client gets; the counts add up to `total` exactly. */
export function allocateSessions(rng: Rng, total: number, endings: readonly Ending[]): SessionCounts {
  const busy = Math.min(BUSY_SESSIONS, Math.max(2, Math.floor(total * 0.3)));
  const pdf = Math.min(PDF_SESSIONS, Math.max(2, Math.floor(total * 0.2)));
  const rest = total - busy - pdf;
  const n = endings.length;
  if (n === 0) return { busy: busy + rest, pdf, others: [] };
  const floor = rest >= 2 * n ? 2 : 1;
  const cap = Math.max(floor, busy - 1);
  const weights = endings.map((ending) => Math.exp(rng.normal(0, 0.8)) * (ending === 'dropout' ? 0.3 : ending === 'planned' ? 0.8 : 1));
  const counts = weights.map(() => floor);
  let left = rest - floor * n;
  // Largest-remainder shares, then anything over the cap goes to the others, until all is placed.
  for (let round = 0; left > 0 && round < 50; round++) {
    const open = counts.map((count, i) => (count < cap ? i : -1)).filter((i) => i >= 0);
    if (open.length === 0) break;
    const sum = open.reduce((s, i) => s + weights[i]!, 0);
    const shares = open.map((i) => ({ i, exact: (left * weights[i]!) / sum }));
    let placed = 0;
    for (const share of shares) {
      const add = Math.min(Math.floor(share.exact), cap - counts[share.i]!);
      counts[share.i]! += add;
      placed += add;
    }
    left -= placed;
    const byRemainder = [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1) || a.i - b.i);
    for (const share of byRemainder) {
      if (left === 0) break;
      if (counts[share.i]! < cap) {
        counts[share.i]! += 1;
        left -= 1;
      }
    }
  }
  // Only when every client is at the cap (a tiny practice): the busy client takes the remainder.
  return { busy: busy + left, pdf, others: counts };
}

export interface Rhythm {
  days: 7 | 14 | 28;
  word: 'weekly' | 'fortnightly' | 'monthly';
}

export const rhythmOf = (rng: Rng, role: ClientRole): Rhythm =>
  role !== 'ordinary' ? { days: 7, word: 'weekly' } : rng.weighted([[{ days: 7, word: 'weekly' }, 55], [{ days: 14, word: 'fortnightly' }, 30], [{ days: 28, word: 'monthly' }, 15]] as const);

/** A client's usual start time: afternoons and early evenings are the busy slots. */
export const usualSlot = (rng: Rng): string =>
  timeOfDay(rng.weighted([[8, 1], [9, 3], [10, 4], [11, 4], [12, 2], [13, 3], [14, 4], [15, 4], [16, 5], [17, 5], [18, 4], [19, 2]] as const), rng.pick([0, 0, 30]));

/** The gap after each session: mostly the rhythm, sometimes moved a day or two, a week skipped, a holiday. */
function gaps(rng: Rng, count: number, rhythm: Rhythm): number[] {
  return Array.from({ length: Math.max(0, count - 1) }, () => {
    let gap: number = rhythm.days;
    if (rng.chance(0.12)) gap += rng.pick([-2, -1, 1, 2]);
    if (rng.chance(0.07)) gap += rhythm.days;
    if (rng.chance(0.03)) gap += rng.int(14, 35);
    return gap;
  });
}

/** Session dates, oldest first, all on working days, strictly increasing, none after HISTORY_END. */
export function sessionDates(rng: Rng, count: number, rhythm: Rhythm, ending: Ending): string[] {
  let steps = gaps(rng, count, rhythm);
  let span = steps.reduce((sum, gap) => sum + gap, 0);
  const end = dayNumber(HISTORY_END);
  const start = dayNumber(HISTORY_START);
  let last: number;
  if (ending === 'active') last = end - rng.int(0, Math.min(rhythm.days, 14));
  else if (ending === 'paused') last = end - rng.int(60, 200);
  else last = Math.max(start + span, end - 30 - Math.floor(rng.next() * Math.max(0, end - 30 - (start + span))));
  last = Math.min(last, end - (ending === 'active' ? 0 : 30));
  if (last - span < start) {
    // Too many sessions for the time there is: squeeze the gaps (never below a day).
    const scale = (last - start) / Math.max(1, span);
    steps = steps.map((gap) => Math.max(1, Math.floor(gap * scale)));
    span = steps.reduce((sum, gap) => sum + gap, 0);
  }
  for (let shift = 0; ; shift++) {
    const dates: string[] = [];
    let day = last - span - shift;
    for (let i = 0; i < count; i++) {
      let date = workdayOnOrAfter(dayOf(day));
      const previous = dates[dates.length - 1];
      if (previous && date <= previous) date = workdayOnOrAfter(addDays(previous, 1));
      dates.push(date);
      day = dayNumber(date) + (steps[i] ?? 0);
    }
    if (dates[dates.length - 1]! <= HISTORY_END || shift > 400) return dates;
  }
}
