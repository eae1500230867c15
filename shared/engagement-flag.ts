import type { EngagementSettings, Frequency, MissedKind } from './engagement';
import { frequencyInWords, overdueSince } from './engagement-rules';
import { formatDay, type AlertEvent, type AlertSession } from './measures/alerts';

/**
 * The engagement flag: one per client, raised while any reason holds, every reason in words. It is an
 * alert event like the alliance alerts (kind 'engagement'), so it is listed, acknowledged with a note
 * and exported the same way. Its key names the last attended session and the kinds of reason: a client
 * who attends again starts a new episode, and a new kind of reason raises it again after an
 * acknowledgement, while a longer run of the same reason does not.
 */

export const engagementReasonKinds = ['missed-run', 'overdue', 'homework', 'alliance-alert', 'rupture'] as const;
export type EngagementReasonKind = (typeof engagementReasonKinds)[number];

export interface EngagementReason {
  kind: EngagementReasonKind;
  /** One sentence, shown as written. */
  text: string;
  /** The newest day the reason rests on. */
  date: string;
}

/** One entry of the client's attendance, sessions (not voided) and missed-session records together. */
export interface AttendanceEntry {
  date: string;
  startTime: string | null;
  kind: 'attended' | MissedKind;
  /** The session, for an attended one. */
  sessionId: string | null;
  noteId: string | null;
}

/** A not-voided note of an attended session, as the flag reads it. */
export interface EngagementNote {
  sessionId: string;
  noteId: string;
  date: string;
  /** The homework reviewed (empty when none was set or reviewed). */
  homeworkDone: readonly boolean[];
  ruptureNoted: boolean;
  repaired: boolean;
}

export interface EngagementFacts {
  /** Oldest first; same-day entries in time order. */
  attendance: readonly AttendanceEntry[];
  plan: { frequency: Frequency; everyDays: number | null; agreedOn: string } | null;
  /** Oldest first. */
  notes: readonly EngagementNote[];
  /** Open (not acknowledged) alliance alerts: alliance measures' alerts, rupture and divergence alerts. */
  openAllianceAlerts: readonly { measureName: string; date: string }[];
}

const MISSED_WORDS: Record<MissedKind, string> = { no_show: 'no-show', late_cancellation: 'late cancellation' };

const listInWords = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** Every reason that holds today, in the order of engagementReasonKinds. */
export function engagementReasons(facts: EngagementFacts, settings: EngagementSettings, today: string): EngagementReason[] {
  const reasons: EngagementReason[] = [];

  const run: AttendanceEntry[] = [];
  for (let index = facts.attendance.length - 1; index >= 0; index--) {
    const entry = facts.attendance[index];
    if (!entry || entry.kind === 'attended') break;
    run.unshift(entry);
  }
  if (run.length >= settings.missedInARow) {
    const words = run.map((entry) => `a ${MISSED_WORDS[entry.kind as MissedKind]} on ${formatDay(entry.date)}`);
    reasons.push({ kind: 'missed-run', text: `${run.length} missed sessions in a row: ${listInWords(words)}.`, date: run[run.length - 1]?.date ?? today });
  }

  const lastSeen = [...facts.attendance].reverse().find((entry) => entry.kind === 'attended')?.date ?? null;
  if (facts.plan) {
    const since = overdueSince(facts.plan, lastSeen, settings.graceDays);
    if (since !== null && since <= today) {
      const agreed = `${frequencyInWords(facts.plan.frequency, facts.plan.everyDays)} sessions agreed`;
      const grace = `${settings.graceDays} ${settings.graceDays === 1 ? 'day' : 'days'}’ grace`;
      const seen = lastSeen && lastSeen >= facts.plan.agreedOn ? `last seen ${formatDay(lastSeen)}` : `no attended session since they were agreed on ${formatDay(facts.plan.agreedOn)}`;
      // Dated by the day it became overdue, not today, so the flag reads the same every day it holds
      // (the Dashboard's overdue list counts the days).
      reasons.push({ kind: 'overdue', text: `Overdue since ${formatDay(since)}: ${seen}, with ${agreed} and ${grace}.`, date: since });
    }
  }

  const latestNotes = facts.notes.slice(-settings.homeworkNotDoneRun);
  if (latestNotes.length === settings.homeworkNotDoneRun && latestNotes.every((note) => note.homeworkDone.length > 0 && note.homeworkDone.every((done) => !done))) {
    const days = latestNotes.map((note) => formatDay(note.date));
    const at = latestNotes.length === 1 ? `at the session on ${days[0]}` : `at the last ${latestNotes.length} sessions (${listInWords(days)})`;
    reasons.push({ kind: 'homework', text: `Homework reviewed as not done ${at}.`, date: latestNotes[latestNotes.length - 1]?.date ?? today });
  }

  if (facts.openAllianceAlerts.length > 0) {
    const latest = [...facts.openAllianceAlerts].sort((a, b) => a.date.localeCompare(b.date))[facts.openAllianceAlerts.length - 1];
    if (latest) {
      const count = facts.openAllianceAlerts.length;
      const head = count === 1 ? 'An alliance alert is still open' : `${count} alliance alerts are still open`;
      reasons.push({ kind: 'alliance-alert', text: `${head}: the latest, ${latest.measureName}, from ${formatDay(latest.date)}.`, date: latest.date });
    }
  }

  const window = facts.notes.slice(-settings.ruptureWithinNotes);
  const ruptureAt = window.map((note) => note.ruptureNoted).lastIndexOf(true);
  if (ruptureAt >= 0) {
    const rupture = window[ruptureAt];
    const repairedSince = window.slice(ruptureAt).some((note) => note.repaired);
    if (rupture && !repairedSince) {
      reasons.push({ kind: 'rupture', text: `A rupture was flagged on ${formatDay(rupture.date)} and no repair has been noted since.`, date: rupture.date });
    }
  }
  return reasons;
}

export const ENGAGEMENT_MEASURE_ID = 'engagement';

/** Whether a listed alert is the engagement flag (its key starts with the flag's measure id). */
export const isEngagementFlag = (alert: { key: string }): boolean => alert.key.startsWith(`${ENGAGEMENT_MEASURE_ID}|`);

/** The client's engagement flag, or null when no reason holds. */
export function engagementEvent(facts: EngagementFacts, settings: EngagementSettings, today: string): AlertEvent | null {
  const reasons = engagementReasons(facts, settings, today);
  if (reasons.length === 0) return null;
  const lastAttended = [...facts.attendance].reverse().find((entry) => entry.kind === 'attended');
  const kinds = reasons.map((reason) => reason.kind).join(',');
  const sessions: AlertSession[] = lastAttended?.sessionId ? [{ sessionId: lastAttended.sessionId, noteId: lastAttended.noteId, date: lastAttended.date }] : [];
  return {
    key: [ENGAGEMENT_MEASURE_ID, 'engagement', lastAttended?.sessionId ?? 'none', kinds].join('|'),
    kind: 'engagement',
    measureId: ENGAGEMENT_MEASURE_ID,
    measureName: 'Engagement',
    rater: 'clinician',
    severity: 'warning',
    // One reason a line; screens that join lines still read it as sentences.
    reason: reasons.map((reason) => reason.text).join('\n'),
    date: reasons.map((reason) => reason.date).sort()[reasons.length - 1] ?? today,
    sessions,
    subject: kinds,
  };
}
