import type { MeasureDefinition } from './definition';
import { alertKey, byUrgency, formatDay, ratedName, SUBSCALE_DROP, worseDirection, worsening, type AlertEvent, type AlertKind, type AlertSession, type AlertSeverity } from './alerts';
import { divergenceEvents } from './alert-divergence';
import { medicationAlertEvents, type ReviewedSession } from './medication-alerts';
import { isConcern } from './scoring';

/**
 * Alerts are events: every result of a client's history is judged, when it is recorded, against the
 * previous scored result of the same measure (so the same rater), and what it raised stays raised while
 * the result counts, however later results turn out. This is the one implementation of the rules; the
 * services store its output and every screen reads that.
 */

/** A counted result (not struck out, session not voided), as the rules see it. */
export interface AlertResult {
  id: string;
  sessionId: string | null;
  noteId: string | null;
  measureId: string;
  takenOn: string;
  total: number | null;
  subscales: Record<string, number | null>;
  flags: readonly string[];
}

/** A session whose note flags a rupture (a voided one is left out by the caller). */
export type RuptureSession = AlertSession;

export interface ClientAlertInputs {
  /** The client's counted results, oldest first (same-day results in the order they were entered). */
  results: readonly AlertResult[];
  /** The definition each measure is judged by (its latest version in use), or undefined if unknown. */
  definitionOf: (measureId: string) => MeasureDefinition | undefined;
  ruptures: readonly RuptureSession[];
  /** The medication reviews of signed, not voided notes, oldest first; none when left out. */
  medicationReviews?: readonly ReviewedSession[];
  /** A reviewed medication's name; needed only with medicationReviews. */
  medicationName?: (medicationId: string) => string;
}

/** A result's place on a timeline; a result without a session stands for itself. */
export const sessionOfResult = (result: AlertResult): AlertSession => ({ sessionId: result.sessionId ?? result.id, noteId: result.noteId, date: result.takenOn });

/** Every alert event of one client, most urgent first. Pure: the same history gives the same events. */
export function clientAlertEvents({ results, definitionOf, ruptures, medicationReviews = [], medicationName = () => 'A medication' }: ClientAlertInputs): AlertEvent[] {
  const byMeasure = new Map<string, AlertResult[]>();
  for (const result of results) {
    const list = byMeasure.get(result.measureId);
    if (list) list.push(result);
    else byMeasure.set(result.measureId, [result]);
  }
  const events = new Map<string, AlertEvent>();
  const add = (event: AlertEvent) => events.set(event.key, event);
  for (const [measureId, list] of byMeasure) {
    const definition = definitionOf(measureId);
    if (definition) measureAlertEvents(definition, list).forEach(add);
  }
  divergenceEvents(byMeasure, definitionOf).forEach(add);
  ruptures.forEach((session) => add(ruptureEvent(session)));
  medicationAlertEvents(medicationReviews, medicationName).forEach(add);
  return [...events.values()].sort(byUrgency);
}

/** A rupture the practitioner flagged in a session's note: one event per such session. */
export function ruptureEvent(session: RuptureSession): AlertEvent {
  return {
    key: alertKey('note', 'rupture', session.sessionId, null),
    kind: 'rupture',
    measureId: 'note',
    measureName: 'Session note',
    rater: 'clinician',
    severity: 'notice',
    reason: `You noted a rupture in the session on ${formatDay(session.date)}.`,
    date: session.date,
    sessions: [session],
    subject: null,
  };
}

type Value = (result: AlertResult) => number | null;
const totalOf: Value = (result) => result.total;

/** The latest scored value of a series after `index`, for "…; 19 on 7 December 2026". */
function laterValue(results: readonly AlertResult[], index: number, value: Value): string {
  for (let i = results.length - 1; i > index; i--) {
    const v = value(results[i]!);
    if (v !== null) return `; ${v} on ${formatDay(results[i]!.takenOn)}`;
  }
  return '';
}

/**
 * Every event one measure's results raised, oldest first, each judged against the previous result
 * where the same value was scored (a blank subscale is skipped, not read as 0). Alliance: total on the
 * concerning side of the cutoff, a total drop of at least the reliable change, a subscale drop of at
 * least SUBSCALE_DROP. Outcome: a worsening of at least the reliable change. Both: flag items.
 */
export function measureAlertEvents(definition: MeasureDefinition, results: readonly AlertResult[]): AlertEvent[] {
  const events: AlertEvent[] = [];
  const direction = worseDirection(definition);
  const verb = direction === 'down' ? 'fell' : 'rose';
  const measure = ratedName(definition);
  const previousScored = (index: number, value: Value): number | null => {
    for (let i = index - 1; i >= 0; i--) if (value(results[i]!) !== null) return i;
    return null;
  };

  results.forEach((result, index) => {
    const when = formatDay(result.takenOn);
    const event = (kind: AlertKind, severity: AlertSeverity, reason: string, previous: number | null, subject: string | null = null) => {
      const about = sessionOfResult(result);
      events.push({
        key: alertKey(definition.id, kind, about.sessionId, subject),
        kind,
        measureId: definition.id,
        measureName: definition.shortName,
        rater: definition.rater,
        severity,
        reason,
        date: result.takenOn,
        sessions: previous === null ? [about] : [sessionOfResult(results[previous]!), about],
        subject,
      });
    };
    const total = result.total;
    const previous = total === null ? null : previousScored(index, totalOf);
    const previousTotal = previous === null ? null : results[previous]!.total!;
    const reliablyWorse = total !== null && previousTotal !== null && definition.reliableChange !== null && worsening(direction, previousTotal, total) >= definition.reliableChange;
    const since = laterValue(results, index, totalOf);

    if (definition.kind === 'alliance') {
      const { cutoff } = definition;
      if (cutoff && total !== null && isConcern(cutoff, total)) {
        const side = cutoff.concernWhen === 'below' ? 'below' : 'at or above';
        event('cutoff', 'warning', `Total, ${measure}, was ${total} on ${when}, ${side} the cutoff of ${cutoff.value}${since}.`, null);
      }
      if (reliablyWorse) event('total-drop', 'warning', `Total, ${measure}, ${verb} from ${previousTotal} to ${total} on ${when}${since}.`, previous);
      for (const subscale of definition.subscales) {
        const valueOf: Value = (candidate) => candidate.subscales[subscale.key] ?? null;
        const value = valueOf(result);
        if (value === null) continue;
        const before = previousScored(index, valueOf);
        const beforeValue = before === null ? null : valueOf(results[before]!)!;
        if (beforeValue !== null && worsening(direction, beforeValue, value) >= SUBSCALE_DROP) {
          const later = laterValue(results, index, valueOf);
          event('subscale-drop', 'notice', `${subscale.label}, ${measure}, ${verb} from ${beforeValue} to ${value} on ${when}${later}.`, before, subscale.key);
        }
      }
    } else if (reliablyWorse) {
      event('worsened', 'warning', `Total, ${measure}, ${verb} from ${previousTotal} to ${total} on ${when}, a reliable worsening${since}.`, previous);
    }

    for (const message of result.flags) {
      const later = index < results.length - 1 ? results[results.length - 1] : undefined;
      const now = later ? `; ${later.flags.includes(message) ? 'raised again' : 'not raised'} on ${formatDay(later.takenOn)}` : '';
      event('flag', 'urgent', `${message} (${measure}, ${when}${now})`, null, message);
    }
  });
  return events;
}
