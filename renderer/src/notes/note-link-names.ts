import type { SessionSummary } from '../../../shared/notes';
import { formatLocalDay } from '../lib/dates';

/**
 * The accessible name of each session's link in the timeline: "Note of 7 Dec 2026, 10:00". The link's
 * visible text is only the day, and a list of links read out of context ("7 Dec 2026", "7 Dec 2026")
 * must still say which is which; two sessions with neither a different day nor time get "(1 of 2)".
 */
export function noteLinkNames(sessions: readonly SessionSummary[]): Map<string, string> {
  const base = (summary: SessionSummary) => {
    const { date, startTime } = summary.session;
    return startTime ? `Note of ${formatLocalDay(date)}, ${startTime}` : `Note of ${formatLocalDay(date)}`;
  };
  const groups = new Map<string, SessionSummary[]>();
  for (const summary of sessions) {
    const name = base(summary);
    groups.set(name, [...(groups.get(name) ?? []), summary]);
  }
  const names = new Map<string, string>();
  for (const [name, group] of groups) {
    // The table lists newest first; count in time order, as the practitioner thinks of them.
    const inOrder = [...group].reverse();
    inOrder.forEach((summary, index) => names.set(summary.noteId, group.length === 1 ? name : `${name} (${index + 1} of ${group.length})`));
  }
  return names;
}
