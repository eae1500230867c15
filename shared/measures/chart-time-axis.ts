import { format, parseISO, subMonths } from 'date-fns';
import type { ChartSeriesInput } from './chart';

/**
 * The charts' time axis: calendar days at UTC midnight (so it is the same in every time zone), the
 * dates it ticks on and their labels, and the range a choice such as "last 6 months" covers.
 */

/** 'YYYY-MM-DD' → that day's UTC midnight. */
export function utcDay(isoDate: string): Date {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

// date-fns formats in local time, so a UTC day is rebuilt as the same local calendar day first.
const formatUtcDay = (date: Date, pattern: string): string =>
  format(new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()), pattern);

export const isoOfUtc = (date: Date): string => date.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
/** Around a single session the axis spans two weeks each side, so its marker sits mid-plot. */
const SINGLE_DATE_HALF_SPAN_DAYS = 14;

/** The session dates a chart ticks on: its points' dates within the range, each once, in order. */
export function sessionDates(series: readonly ChartSeriesInput[], from: string, to: string): string[] {
  const dates = new Set<string>();
  for (const line of series) for (const point of line.points) if (point.date >= from && point.date <= to) dates.add(point.date);
  return [...dates].sort();
}

/**
 * The x domain. One session date (or a zero-width range) would put its marker on the y axis, or the
 * whole axis on one day: the domain then centres on that date instead.
 */
export function timeDomain(from: string, to: string, dates: readonly string[]): { from: Date; to: Date } {
  const only = dates.length === 1 ? dates[0] : from === to ? from : undefined;
  if (only !== undefined) {
    const centre = utcDay(only).getTime();
    return { from: new Date(centre - SINGLE_DATE_HALF_SPAN_DAYS * DAY_MS), to: new Date(centre + SINGLE_DATE_HALF_SPAN_DAYS * DAY_MS) };
  }
  return { from: utcDay(from), to: utcDay(to) };
}

/**
 * Ticks on session dates, thinned evenly by session (first and last kept) to the most that leave `gap`
 * between neighbours, so labels never overlap, even where sessions cluster.
 */
export function thinTicks(dates: readonly string[], xOf: (date: string) => number, max: number, gap: number): string[] {
  const n = dates.length;
  const evenly = (count: number): string[] =>
    count >= n ? [...dates] : [...new Set(Array.from({ length: count }, (_, i) => dates[Math.round((i * (n - 1)) / Math.max(1, count - 1))] ?? ''))];
  const roomy = (ticks: readonly string[]) => ticks.every((date, i) => i === 0 || xOf(date) - xOf(ticks[i - 1] ?? date) >= gap);
  for (let count = Math.min(n, max); count > 1; count -= 1) {
    const ticks = evenly(count);
    if (roomy(ticks)) return ticks;
  }
  return dates.slice(0, 1);
}

/** "30 Nov"; the year is added where it changes when the ticks span more than one. */
export function tickLabels(dates: readonly string[]): string[] {
  const years = new Set(dates.map((date) => date.slice(0, 4)));
  return dates.map((date, i) => {
    const withYear = years.size > 1 && (i === 0 || dates[i - 1]?.slice(0, 4) !== date.slice(0, 4));
    return formatUtcDay(utcDay(date), withYear ? 'd MMM yyyy' : 'd MMM');
  });
}

export type DateRangeChoice = '3m' | '6m' | '12m' | 'all';

const MONTHS: Record<Exclude<DateRangeChoice, 'all'>, number> = { '3m': 3, '6m': 6, '12m': 12 };
const shiftMonths = (isoDate: string, months: number): string => format(subMonths(parseISO(isoDate), months), 'yyyy-MM-dd');

/**
 * The x domain for a range choice, ending today. 'all' starts at the first result, but spans at least
 * a month so a single early result isn't drawn on a zero-width axis.
 */
export function dateRangeFor(range: DateRangeChoice, today: string, firstDate: string | null): { from: string; to: string } {
  if (range !== 'all') return { from: shiftMonths(today, MONTHS[range]), to: today };
  const oneMonthBack = shiftMonths(today, 1);
  const from = firstDate !== null && firstDate < oneMonthBack ? firstDate : oneMonthBack;
  return { from, to: today };
}
