import { formatDistanceToNow, parseISO } from 'date-fns';

/**
 * Every date and time the screens show, in the practitioner's own locale and time zone. Unparseable
 * values are shown as they are rather than as "Invalid Date".
 *
 * The other day format is `formatDay` in shared/measures: a fixed "12 March 2026" whatever the locale,
 * for text written into records and PDFs (alert reasons, late-entry addenda, progress summaries) and the
 * measures screens that sit beside that text.
 */
const dayFormatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const longDateTimeFormatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });
const timeFormatter = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** A calendar day (`YYYY-MM-DD`) in the locale's medium style, read as a local day so it never shifts. */
export function formatLocalDay(isoDate: string): string {
  const date = parseISO(isoDate);
  return Number.isNaN(date.getTime()) ? isoDate : dayFormatter.format(date);
}

/** A moment (ISO timestamp): medium date and short time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormatter.format(date);
}

/** A moment (ISO timestamp) with the month in words: long date and short time. */
export function formatLongDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : longDateTimeFormatter.format(date);
}

/** The time of day of a moment (ISO timestamp). */
export function formatTime(iso: string): string {
  return timeFormatter.format(new Date(iso));
}

/** "2 days ago", for judging at a glance how recent something is; empty when unparseable. */
export function formatAgo(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatDistanceToNow(date, { addSuffix: true });
}

/** "1 day old", "5 days old": how long a draft has waited since its session. */
export function formatDaysOld(days: number): string {
  return days === 1 ? '1 day old' : `${days} days old`;
}
