import { format, isValid, parseISO } from 'date-fns';
import type { RecordMismatch } from './record-verification';

/**
 * The words of "Verify records", for the verdict's message and the screen alike, so they say the same
 * thing. Only types come from record-verification.ts: no zod in whichever bundle imports this.
 */

/** `30 Nov 2026`: unambiguous in any locale the practitioner reads English in. */
export function readableDate(isoDate: string): string {
  const parsed = parseISO(isoDate);
  return isValid(parsed) ? format(parsed, 'd MMM yyyy') : isoDate;
}

/** One sentence naming the record by client code and session date, and what is wrong with it. */
export function describeMismatch(mismatch: RecordMismatch): string {
  const from = mismatch.sessionDate === null ? '' : ` from ${readableDate(mismatch.sessionDate)}`;
  const record = mismatch.kind === 'note' ? `signed note of ${mismatch.clientCode}${from}` : `addendum to the note of ${mismatch.clientCode}${from}`;
  const article = mismatch.kind === 'note' ? 'The' : 'An';
  switch (mismatch.reason) {
    case 'changed':
      return `${article} ${record} does not match its signature.`;
    case 'log-differs':
      return `${article} ${record} does not match the signature the activity log recorded.`;
    case 'unreadable':
      return `${article} ${record} cannot be read: its stored content was changed.`;
    case 'missing':
      return `${article} ${record} is missing, although its client is not.`;
  }
}

/** `Entry 7 is` / `Entries 981 to 1,000 are` … missing from the end of the log. */
export function describeMissingEnd(first: number, last: number): string {
  const n = (value: number) => value.toLocaleString('en');
  return first === last ? `Entry ${n(first)} is missing from the end of the log` : `Entries ${n(first)} to ${n(last)} are missing from the end of the log`;
}
