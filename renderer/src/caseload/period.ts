import { addDays, format, parseISO, startOfYear, subMonths } from 'date-fns';
import { isIsoDate } from '../../../shared/dates';
import { periodProblems } from '../../../shared/caseload-rules';
import { UNREADABLE_DATE_MESSAGE, UNREADABLE_DATE } from '../components/typed-date';

/** The periods offered with one click, each ending today. */
export const PERIOD_PRESETS = [
  { key: 'last-3-months', label: 'Last 3 months' },
  { key: 'last-12-months', label: 'Last 12 months' },
  { key: 'this-year', label: 'This year' },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]['key'];

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** "Last 3 months" on 15 June is 16 March to 15 June: three months of days, today included. */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const day = parseISO(today);
  switch (preset) {
    case 'last-3-months':
      return { from: iso(addDays(subMonths(day, 3), 1)), to: today };
    case 'last-12-months':
      return { from: iso(addDays(subMonths(day, 12), 1)), to: today };
    case 'this-year':
      return { from: iso(startOfYear(day)), to: today };
  }
}

export interface PeriodDraft {
  from: string;
  to: string;
}

/** What is wrong with the typed period, at each field; empty when it can be looked at. */
export function periodDraftProblems({ from, to }: PeriodDraft): { from?: string; to?: string } {
  const dateProblem = (value: string, empty: string) => (value === UNREADABLE_DATE ? UNREADABLE_DATE_MESSAGE : value === '' || !isIsoDate(value) ? empty : undefined);
  const problems = { from: dateProblem(from, 'Enter the first day of the period.'), to: dateProblem(to, 'Enter the last day of the period.') };
  if (!problems.from && !problems.to) return periodProblems({ from, to });
  return Object.fromEntries(Object.entries(problems).filter(([, message]) => message !== undefined));
}
