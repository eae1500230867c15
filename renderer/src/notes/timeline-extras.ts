import type { ReactNode } from 'react';
import type { SessionFormValues } from './session-form';

/**
 * What a higher feature adds to the Sessions tab's timeline without the notes folder knowing it: rows
 * (missed sessions, contacts between sessions) placed among the sessions by date and time, its buttons
 * beside "New session", its dialogs, and the missed-session path of the new-session dialog.
 */
export interface TimelineEntry {
  key: string;
  date: string;
  startTime: string | null;
  /** A row of the sessions table (four cells). */
  row: ReactNode;
}

export interface TimelineExtras {
  entries: readonly TimelineEntry[];
  /** "2 missed, 1 contact": added to the count above the table. */
  countWords: string;
  actions: ReactNode;
  dialogs: ReactNode;
  /** Records a no-show or late cancellation without a note; the new-session dialog offers it. */
  recordMissed: (values: SessionFormValues, appointmentId: string | null) => Promise<void>;
}

/** Newest first; on one day, later times first, and an entry without a time after those with one. */
export const newestFirst = (a: { date: string; startTime: string | null }, b: { date: string; startTime: string | null }): number =>
  b.date.localeCompare(a.date) || (b.startTime ?? '').localeCompare(a.startTime ?? '');
