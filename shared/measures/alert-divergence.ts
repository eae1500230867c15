import type { MeasureDefinition } from './definition';
import { alertKey, formatDay, type AlertEvent } from './alerts';
import type { AlertResult } from './alert-events';

/**
 * Rater divergence. Practitioners tend to rate the alliance higher than their clients do, and a gap
 * between the two is an early sign of a rupture that a single rater's scores cannot show. Only
 * measures paired here are compared: the same questions, one form for each rater. Custom measures have
 * no pair.
 */
export const RATER_PAIRS: readonly { clinician: string; client: string }[] = [{ clinician: 'sac-clinician', client: 'sac-client' }];

/** The measure rated by the other rater on the same questions, if any. */
export function pairedMeasure(measureId: string): string | null {
  for (const pair of RATER_PAIRS) {
    if (pair.clinician === measureId) return pair.client;
    if (pair.client === measureId) return pair.clinician;
  }
  return null;
}

/** How many paired sessions in a row the gap must widen over to count as the trends moving apart. */
export const WIDENING_SESSIONS = 3;

const WHY = 'practitioners often rate it higher than clients do, and';

interface PairedSession {
  sessionId: string;
  noteId: string | null;
  date: string;
  clinician: number;
  client: number;
}

/** The sessions where both forms were scored, oldest first (the later result of a session counts). */
function pairedSessions(clinician: readonly AlertResult[], client: readonly AlertResult[]): PairedSession[] {
  const clientBySession = new Map<string, AlertResult>();
  for (const result of client) if (result.sessionId !== null && result.total !== null) clientBySession.set(result.sessionId, result);
  const paired = new Map<string, PairedSession>();
  for (const result of clinician) {
    const other = result.sessionId === null || result.total === null ? undefined : clientBySession.get(result.sessionId);
    if (other && result.sessionId !== null && result.total !== null && other.total !== null) {
      paired.set(result.sessionId, { sessionId: result.sessionId, noteId: result.noteId, date: result.takenOn, clinician: result.total, client: other.total });
    }
  }
  return [...paired.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Divergence notices for every paired session: the clinician's total above the client's by at least
 * the measure's reliable change, and the gap (clinician − client) widening at each of the last
 * WIDENING_SESSIONS paired sessions, ending further apart than it started.
 */
export function divergenceEvents(byMeasure: ReadonlyMap<string, readonly AlertResult[]>, definitionOf: (measureId: string) => MeasureDefinition | undefined): AlertEvent[] {
  const events: AlertEvent[] = [];
  for (const pair of RATER_PAIRS) {
    const definition = definitionOf(pair.clinician);
    const clientDefinition = definitionOf(pair.client);
    if (!definition || !clientDefinition) continue;
    const sessions = pairedSessions(byMeasure.get(pair.clinician) ?? [], byMeasure.get(pair.client) ?? []);
    const max = definition.range.max;
    const notice = (session: PairedSession, subject: 'gap' | 'widening', reason: string, involved: PairedSession[]): AlertEvent => ({
      key: alertKey(definition.id, 'divergence', session.sessionId, subject),
      kind: 'divergence',
      measureId: definition.id,
      measureName: definition.shortName,
      rater: 'clinician',
      severity: 'notice',
      reason,
      date: session.date,
      sessions: involved.map(({ sessionId, noteId, date }) => ({ sessionId, noteId, date })),
      subject,
    });

    sessions.forEach((session, index) => {
      const gap = session.clinician - session.client;
      if (definition.reliableChange !== null && gap >= definition.reliableChange) {
        const reason =
          `You rated the alliance ${session.clinician}/${max} and the client ${session.client}/${max} on ${formatDay(session.date)} (${clientDefinition.name.replace(/\s*\(client\)$/, '')}); ` +
          `${WHY} a gap this size can be an early sign of a rupture.`;
        events.push(notice(session, 'gap', reason, [session]));
      }
      const run = sessions.slice(index + 1 - WIDENING_SESSIONS, index + 1);
      if (index + 1 < WIDENING_SESSIONS || run.length < WIDENING_SESSIONS) return;
      const gaps = run.map((one) => one.clinician - one.client);
      const widening = gaps.every((value, i) => i === 0 || value > gaps[i - 1]!);
      const last = gaps[gaps.length - 1]!;
      if (widening && last > 0 && last > Math.abs(gaps[0]!)) {
        const reason =
          `Your and the client's ${clientDefinition.name.replace(/\s*\(client\)$/, '')} totals moved apart over ${WIDENING_SESSIONS} sessions: you rated it ` +
          `${run.map((one) => one.clinician).join(', ')} and the client ${run.map((one) => one.client).join(', ')} (${formatDay(run[0]!.date)} to ${formatDay(session.date)}); ` +
          `${WHY} a widening gap can be an early sign of a rupture.`;
        events.push(notice(session, 'widening', reason, run));
      }
    });
  }
  return events;
}
