import { importDateFormats, type ImportDateFormat } from './client-import';

/**
 * Reading the dates of an imported client list. Strict on purpose: a day that does not exist (30
 * February) is named as such and never rolled over into March, and a two-digit year is refused rather
 * than guessed, because a wrong date of birth is worse than none.
 */

export type ImportDateReading =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  /** Not written in the chosen layout at all. */
  | { kind: 'unreadable' }
  /** In the layout, but no such day (31/02, month 13). */
  | { kind: 'impossible' }
  | { kind: 'short-year' };

// The day-first and month-first layouts accept '/', '.' or '-' between the parts (one kind per date),
// and one or two digits for day and month, as spreadsheets write them.
const SLASHED = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const SLASHED_SHORT_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})$/;
const YEAR_FIRST = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/;

export function parseImportDate(text: string, format: ImportDateFormat): ImportDateReading {
  const value = text.trim();
  if (value === '') return { kind: 'empty' };
  const parts = dateParts(value, format);
  if (parts === 'short-year') return { kind: 'short-year' };
  if (parts === null) return { kind: 'unreadable' };
  const { year, month, day } = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { kind: 'impossible' };
  return { kind: 'date', iso: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` };
}

function dateParts(value: string, format: ImportDateFormat): { year: number; month: number; day: number } | 'short-year' | null {
  if (format === 'yyyy-MM-dd') {
    const match = YEAR_FIRST.exec(value);
    return match ? { year: Number(match[1]), month: Number(match[3]), day: Number(match[4]) } : null;
  }
  const match = SLASHED.exec(value);
  if (!match) return SLASHED_SHORT_YEAR.test(value) ? 'short-year' : null;
  const first = Number(match[1]);
  const second = Number(match[3]);
  const year = Number(match[4]);
  return format === 'dd/MM/yyyy' ? { year, month: second, day: first } : { year, month: first, day: second };
}

const pad = (value: number): string => String(value).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** What is wrong with a date cell, as a sentence naming the field and what was written; null when fine. */
export function importDateProblem(label: string, text: string, reading: ImportDateReading, format: ImportDateFormat): string | null {
  const written = text.trim();
  switch (reading.kind) {
    case 'unreadable':
      return `${label} “${written}” is not a date written as ${formatPattern(format)}.`;
    case 'impossible':
      return `${label} ${written} does not exist.${swappedHint(written, format)}`;
    case 'short-year':
      return `${label} ${written} has a two-digit year. Write the year in full in the file (like 1990).`;
    default:
      return null;
  }
}

/** "DD/MM/YYYY" for messages. */
export const formatPattern = (format: ImportDateFormat): string => format.toUpperCase();

/** When the day and month read the other way round would be a real date, the file's layout is the likely slip. */
function swappedHint(written: string, format: ImportDateFormat): string {
  if (format === 'yyyy-MM-dd') return '';
  const other = format === 'dd/MM/yyyy' ? 'MM/dd/yyyy' : 'dd/MM/yyyy';
  return parseImportDate(written, other).kind === 'date' ? ` If the file writes dates as ${formatPattern(other)}, choose that date format.` : '';
}

/**
 * The layout that reads every sample, for the date format choice to start from. Day first and month
 * first both read 05/04/1990; then `monthFirstFirst` (an American locale) decides which is offered.
 */
export function guessDateFormat(samples: readonly string[], monthFirstFirst = false): ImportDateFormat {
  const written = samples.map((sample) => sample.trim()).filter((sample) => sample !== '');
  const order: ImportDateFormat[] = monthFirstFirst ? ['yyyy-MM-dd', 'MM/dd/yyyy', 'dd/MM/yyyy'] : [...importDateFormats];
  const readsAll = (format: ImportDateFormat) => written.every((sample) => parseImportDate(sample, format).kind === 'date');
  const readsMost = (format: ImportDateFormat) => written.filter((sample) => parseImportDate(sample, format).kind === 'date').length;
  // No dates to go by: the layout this computer's locale writes.
  if (written.length === 0) return order[1]!;
  const all = order.find(readsAll);
  if (all) return all;
  // No layout reads everything (a slip or two in the file): offer the one that reads the most.
  return [...order].sort((a, b) => readsMost(b) - readsMost(a))[0]!;
}
