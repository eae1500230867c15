import { sideEffectWords, type MedicationReviewItem } from '../medication-review';
import { alertKey, formatDay, type AlertEvent, type AlertSession } from './alerts';

/**
 * Alerts from the medication reviews of signed notes, in the same event model as the alliance alerts:
 * adherence reported as "often misses" or "stopped", and a side effect rated severe. Adherence is what
 * the client reports, so the wording says what was said, without blame (CLINICAL.md).
 */

/** A signed, not voided note's review, as the rules see it. */
export interface ReviewedSession {
  session: AlertSession;
  items: readonly Pick<MedicationReviewItem, 'medicationId' | 'adherence' | 'missedDoses' | 'sideEffects'>[];
}

export const MEDICATION_ALERT_SOURCE = { measureId: 'medication', measureName: 'Medication review' } as const;

/** "4 missed in the last 7 days"; "1 missed …". */
const missedWords = (missed: number | null): string => (missed === null ? '' : ` (${missed} missed in the last 7 days)`);

/**
 * Every event the reviews raised: one per medication per session for adherence, one per medication
 * and side effect per session for a severe rating. `nameOf` gives a medication's name from its id.
 */
export function medicationAlertEvents(reviews: readonly ReviewedSession[], nameOf: (medicationId: string) => string): AlertEvent[] {
  const events: AlertEvent[] = [];
  for (const { session, items } of reviews) {
    const when = `at the session on ${formatDay(session.date)}`;
    const event = (kind: AlertEvent['kind'], severity: AlertEvent['severity'], subject: string, reason: string): AlertEvent => ({
      key: alertKey(MEDICATION_ALERT_SOURCE.measureId, kind, session.sessionId, subject),
      kind,
      ...MEDICATION_ALERT_SOURCE,
      // What the client reported, as they reported it.
      rater: 'client',
      severity,
      reason,
      date: session.date,
      sessions: [session],
      subject,
    });
    for (const item of items) {
      const name = nameOf(item.medicationId);
      // Stopping a medication is as weighty as a reliable worsening; often missing is worth a look.
      if (item.adherence === 'stopped') {
        events.push(event('adherence', 'warning', item.medicationId, `${name}: the client said they have stopped taking it ${when}.`));
      } else if (item.adherence === 'often_misses') {
        events.push(event('adherence', 'notice', item.medicationId, `${name}: the client said they often miss doses${missedWords(item.missedDoses)} ${when}.`));
      }
      for (const { effect, severity } of item.sideEffects) {
        if (severity !== 'severe') continue;
        // In brackets: some checklist wordings have a comma of their own ("Restless, cannot sit still").
        const words = sideEffectWords[effect].toLowerCase();
        events.push(event('side-effect', 'warning', `${item.medicationId}:${effect}`, `${name}: severe side effect (${words}) reported ${when}.`));
      }
    }
  }
  return events;
}
