import { dosesTakenShare, type MedicationReview } from './medication-review';
import type { Allergy, Medication, MedicationEvent, MedicationEventKind, Regimen } from './medications';
import type { ChartSeriesInput } from './measures/chart';

/**
 * A client's medications over a period, as the PDF summary's Medications part shows them: the list as
 * it stood at the period's end, the changes made in it, the allergies then on record, and per
 * medication the share of doses taken (in percent) as reported in each signed visit. Pure, so any
 * screen that draws the same picture reads the same numbers.
 */

export interface Period {
  from: string;
  to: string;
}

/** The event in force on `date` (the last one dated on or before it), or null before the start. */
export function eventInForce(history: readonly MedicationEvent[], date: string): MedicationEvent | null {
  let found: MedicationEvent | null = null;
  for (const event of history) if (event.date <= date) found = event;
  return found;
}

export interface ListedMedication {
  name: string;
  regimen: Regimen;
  /** When the course taken at the period's end began (its start or last restart). */
  since: string;
}

/** Medications being taken on `date`, in the order they were started. */
export function medicationsTakenOn(medications: readonly Medication[], date: string): ListedMedication[] {
  const listed: (ListedMedication & { started: string })[] = [];
  for (const medication of medications) {
    const event = eventInForce(medication.history, date);
    if (!event || event.kind === 'stop') continue;
    const upTo = medication.history.filter((candidate) => candidate.date <= date);
    const course = [...upTo].reverse().find((candidate) => candidate.kind === 'start' || candidate.kind === 'restart');
    listed.push({ name: medication.name, regimen: event.regimen, since: course?.date ?? event.date, started: medication.history[0]?.date ?? '' });
  }
  return listed.sort((a, b) => a.started.localeCompare(b.started) || a.name.localeCompare(b.name)).map(({ started: _started, ...rest }) => rest);
}

export interface MedicationChange {
  date: string;
  name: string;
  kind: MedicationEventKind;
  regimen: Regimen;
  reason: string;
  /** Decided in a session (and applied when its note was signed) rather than entered on the list. */
  decidedInSession: boolean;
}

/** Every start, change, stop and restart dated in the period, oldest first. */
export function medicationChangesIn(medications: readonly Medication[], period: Period): MedicationChange[] {
  const changes = medications.flatMap((medication) =>
    medication.history
      .filter((event) => event.date >= period.from && event.date <= period.to)
      .map((event) => ({ date: event.date, name: medication.name, kind: event.kind, regimen: event.regimen, reason: event.reason, decidedInSession: event.noteId !== null, at: event.recordedAt })),
  );
  return changes.sort((a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at)).map(({ at: _at, ...change }) => change);
}

/** Allergies on record at the period's end: recorded by then and not removed by then. */
export function allergiesOnRecord(allergies: readonly Allergy[], date: string): Allergy[] {
  return allergies.filter((allergy) => allergy.recordedOn <= date && (allergy.removedOn === null || allergy.removedOn > date));
}

/** A signed visit's medication review, with the session it was written for. */
export interface ReviewedVisit {
  date: string;
  sessionId: string;
  noteId: string;
  review: MedicationReview;
}

/**
 * Per medication reviewed in the period, the share of doses taken (0–100) at each visit, measured
 * against the doses a day of the regimen in force on the visit's date. A visit whose answer gives no
 * share (as needed, doses missed not given) is a gap in the line, not a zero.
 */
export function adherenceSeries(medications: readonly Medication[], visits: readonly ReviewedVisit[], period: Period): ChartSeriesInput[] {
  const series: ChartSeriesInput[] = [];
  for (const medication of medications) {
    const points = visits
      .filter((visit) => visit.date >= period.from && visit.date <= period.to)
      .flatMap((visit) => {
        const item = visit.review.items.find((candidate) => candidate.medicationId === medication.id);
        if (!item) return [];
        const perDay = eventInForce(medication.history, visit.date)?.regimen.dosesPerDay ?? null;
        const share = dosesTakenShare(item, perDay);
        return [{ date: visit.date, value: share === null ? null : Math.round(share * 1000) / 10, sessionId: visit.sessionId, noteId: visit.noteId, rupture: false }];
      })
      .sort((a, b) => a.date.localeCompare(b.date));
    if (points.some((point) => point.value !== null)) series.push({ key: medication.id, label: medication.name, points });
  }
  return series;
}
