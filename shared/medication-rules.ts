import { EARLIEST_PLAUSIBLE_DATE } from './date-rules';
import { dayInWords } from './dates';
import type { MedicationEvent, MedicationEventKind, Regimen } from './medications';

/**
 * The rules a medication's history keeps, shared by the Medications tab, the note's medication review
 * and the services (which check again before writing). Events are appended in date order: a change is
 * never dated before the change it follows, so the history reads top to bottom and nothing earlier is
 * rewritten.
 */

/** The state of a medication after its history: taken, stopped, or not yet on the list. */
export type MedicationState = 'none' | 'current' | 'stopped';

export function medicationState(history: readonly Pick<MedicationEvent, 'kind'>[]): MedicationState {
  const last = history.at(-1);
  if (!last) return 'none';
  return last.kind === 'stop' ? 'stopped' : 'current';
}

/** Which kinds of event may follow a history. */
export function allowedKinds(history: readonly Pick<MedicationEvent, 'kind'>[]): MedicationEventKind[] {
  switch (medicationState(history)) {
    case 'none':
      return ['start'];
    case 'current':
      return ['dose_change', 'schedule_change', 'stop'];
    case 'stopped':
      return ['restart'];
  }
}

const kindProblem: Record<MedicationState, string> = {
  none: 'A medication is started before anything else is recorded for it.',
  current: 'This medication is being taken: change its dose or schedule, or stop it.',
  stopped: 'This medication was stopped: restart it before changing it.',
};

/**
 * Field problems of a new event after `history` (oldest first), keyed as the forms name their fields:
 * `kind`, `date`, `reason`, `regimen`. Empty when the event may be recorded.
 */
export function medicationEventProblems(
  history: readonly Pick<MedicationEvent, 'kind' | 'date' | 'regimen'>[],
  event: { kind: MedicationEventKind; date: string; reason: string; regimen: Regimen },
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!allowedKinds(history).includes(event.kind)) problems.kind = kindProblem[medicationState(history)];
  const start = history[0];
  const last = history.at(-1);
  if (event.date > today) problems.date = 'A medication change cannot be dated after today.';
  else if (event.date < EARLIEST_PLAUSIBLE_DATE) problems.date = `Enter a date after ${dayInWords(EARLIEST_PLAUSIBLE_DATE)}.`;
  else if (start && event.date < start.date) {
    problems.date = event.kind === 'stop'
      ? `A medication cannot be stopped before it was started (${dayInWords(start.date)}).`
      : `A change cannot be dated before the medication was started (${dayInWords(start.date)}).`;
  } else if (last && event.date < last.date) problems.date = `A change cannot be dated before the last change (${dayInWords(last.date)}).`;
  if (event.kind !== 'start' && event.kind !== 'restart' && event.reason.trim() === '') problems.reason = 'Give the reason for the change.';
  if (event.kind === 'stop' && last && JSON.stringify(event.regimen) !== JSON.stringify(last.regimen)) {
    problems.regimen = 'A stop keeps the regimen that was stopped.';
  }
  if (event.kind === 'dose_change' && last && event.regimen.dose === last.regimen.dose) problems['regimen.dose'] = 'Enter the new dose.';
  if (event.kind === 'schedule_change' && last && sameSchedule(event.regimen, last.regimen)) problems['regimen.schedule'] = 'Enter the new schedule.';
  if (event.regimen.prescriber === 'other' && event.regimen.prescriberName.trim() === '') problems['regimen.prescriberName'] = 'Name the other prescriber.';
  return problems;
}

function sameSchedule(a: Regimen, b: Regimen): boolean {
  return a.schedule === b.schedule && a.asNeeded === b.asNeeded && a.dosesPerDay === b.dosesPerDay;
}
