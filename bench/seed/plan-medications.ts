import type { MedicationReviewItem, SideEffect, SideEffectSeverity } from '../../shared/medication-review';
import { sideEffects as SIDE_EFFECTS } from '../../shared/medication-review';
import type { MedicationEventKind, Regimen } from '../../shared/medications';
import { BUILT_IN_TEMPLATES } from '../../shared/note-templates';
import { HISTORY_END, instant, MINUTE, timeOfDay } from './calendar';
import { seededUuid } from './ids';
import {
  ADHERENCE_TENDENCY,
  ALLERGIES,
  DECISIONS,
  MEDICATION_KINDS,
  OPTIONS,
  OTHER_PRESCRIBERS,
  PREFERENCES,
  REASONS,
  SIDE_EFFECT_NOTES,
  WORKING,
  type MedicationKind,
} from './medication-vocabulary';
import type { PlannedClient, PlannedMedication, PlannedMedicationEvent, PlannedSession } from './plan-types';
import type { Rng } from './prng';

/*
 * Medications for some of the practice's clients, planned after their sessions: a third of ordinary
 * clients are on one or two medications that are started, raised or lowered, rescheduled, stopped and
 * restarted over time. Where the practitioner prescribes, those clients' visits become Medication
 * management notes whose review records adherence (steady, mixed or struggling clients), doses missed,
 * side effects (now and then a severe one) and the shared decision, and whose decided changes are the
 * list's events (applied when the note was signed). Elsewhere another prescriber is named and changes
 * are entered on the list. Some clients have allergies. The busy client is always on medication
 * prescribed here, so the chart benchmark draws medication lines and marks; the PDF client has none, so
 * the PDF benchmarks read the records they always did. Every draw comes from the client's own
 * 'medication' stream, so the rest of the practice is the same as without medications.
 */
const MEDICATION_TEMPLATE = BUILT_IN_TEMPLATES.find((template) => template.id === 'medication')!;

const regimenOf = (kind: MedicationKind, doseStep: number, prescriber: string | null, schedule = kind.schedule): Regimen => ({
  dose: kind.doses[doseStep]!,
  formRoute: kind.formRoute,
  schedule,
  asNeeded: kind.asNeeded,
  dosesPerDay: kind.dosesPerDay,
  prescriber: prescriber === null ? 'me' : 'other',
  prescriberName: prescriber ?? '',
  indication: kind.indication,
});

/** The changes one medication goes through over the client's attended sessions (indexes into `visits`). */
type CourseEvent = Omit<PlannedMedicationEvent, 'id' | 'sessionId' | 'noteId' | 'at'> & { visit: number };

function planCourse(rng: Rng, kind: MedicationKind, visits: readonly PlannedSession[], first: number, prescriber: string | null): CourseEvent[] {
  const events: CourseEvent[] = [];
  let step = Math.min(1, kind.doses.length - 1);
  let regimen = regimenOf(kind, step, prescriber);
  let taking = true;
  let since = first;
  events.push({ kind: 'start', date: visits[first]!.fields.date, reason: rng.pick(REASONS.start), regimen, visit: first });
  for (let v = first + 1; v < visits.length; v++) {
    const add = (kindOf: MedicationEventKind, reason: string, next: Regimen) => {
      regimen = next;
      since = v;
      events.push({ kind: kindOf, date: visits[v]!.fields.date, reason, regimen, visit: v });
    };
    if (v - since < 3) continue;
    if (!taking) {
      if (rng.chance(0.12)) {
        taking = true;
        add('restart', rng.pick(REASONS.restart), regimenOf(kind, Math.max(0, step - 1), prescriber));
        step = Math.max(0, step - 1);
      }
      continue;
    }
    const roll = rng.next();
    if (roll < 0.06 && step < kind.doses.length - 1) add('dose_change', rng.pick(REASONS.raise), regimenOf(kind, ++step, prescriber, regimen.schedule));
    else if (roll < 0.09 && step > 0) add('dose_change', rng.pick(REASONS.lower), regimenOf(kind, --step, prescriber, regimen.schedule));
    else if (roll < 0.1 && !kind.asNeeded) add('schedule_change', rng.pick(REASONS.schedule), { ...regimen, schedule: regimen.schedule === kind.schedule ? 'every evening' : kind.schedule });
    else if (roll < 0.125) {
      taking = false;
      add('stop', rng.pick(REASONS.stop), regimen);
    }
  }
  return events;
}

const severityOf = (rng: Rng): SideEffectSeverity => rng.weighted([['mild', 60], ['moderate', 34], ['severe', 6]] as const);

function reviewItem(rng: Rng, medicationId: string, regimen: Regimen, tendency: keyof typeof ADHERENCE_TENDENCY): MedicationReviewItem {
  const adherence = rng.weighted(ADHERENCE_TENDENCY[tendency]);
  const due = regimen.dosesPerDay === null ? null : 7 * regimen.dosesPerDay;
  const missed =
    due === null || adherence === 'stopped'
      ? null
      : adherence === 'as_prescribed'
        ? rng.weighted([[0, 8], [1, 2]] as const)
        : adherence === 'sometimes_misses'
          ? rng.int(1, Math.max(1, Math.round(due / 4)))
          : rng.int(Math.max(2, Math.round(due / 3)), Math.round((due * 2) / 3));
  const effects: SideEffect[] = rng.chance(0.55) ? rng.sample(SIDE_EFFECTS, rng.int(1, 2)) : [];
  return {
    medicationId,
    adherence,
    missedDoses: missed,
    sideEffects: effects.map((effect) => ({ effect, severity: severityOf(rng) })),
    sideEffectNotes: effects.length > 0 ? rng.pick(SIDE_EFFECT_NOTES) : '',
    working: rng.pick(WORKING),
    options: rng.chance(0.5) ? rng.pick(OPTIONS) : '',
    preference: rng.chance(0.5) ? rng.pick(PREFERENCES) : '',
    decision: rng.chance(0.6) ? rng.pick(DECISIONS) : '',
  };
}

export function planMedications(client: PlannedClient): void {
  const rng = client.sessions[0]!.rng.fork('medication');
  if (client.role === 'ordinary' && rng.chance(0.15)) {
    const picked = rng.sample(ALLERGIES, rng.chance(0.8) ? 1 : 2);
    const recordedOn = client.sessions[0]!.fields.date;
    client.allergies = picked.map((allergy) => {
      const removed = rng.chance(0.1);
      return {
        id: seededUuid(rng),
        substance: allergy.substance,
        reaction: allergy.reaction,
        kind: allergy.kind,
        recordedOn,
        removedOn: removed ? recordedOn : null,
        removedReason: removed ? 'Entered in error' : null,
        createdAt: instant(recordedOn, timeOfDay(18, rng.int(0, 59))),
        removedAt: removed ? instant(recordedOn, timeOfDay(19, rng.int(0, 59))) : null,
      };
    });
  }
  // The busy client is on medication prescribed here, so the chart bench row draws the medication
  // series and change marks for the client with the most sessions; the PDF client stays without.
  const busy = client.role === 'busy';
  if (!busy && (client.role !== 'ordinary' || !rng.chance(0.33))) return;
  const visits = client.sessions.filter((session) => session.fields.attendance === 'attended' && session.fields.date <= HISTORY_END);
  if (visits.length < 2) return;
  const prescribedHere = busy || rng.chance(0.65);
  const prescriber = prescribedHere ? null : rng.pick(OTHER_PRESCRIBERS);
  const tendency = rng.weighted([['steady', 45], ['mixed', 35], ['struggling', 20]] as const);
  const kinds = rng.sample(MEDICATION_KINDS, rng.chance(0.7) ? 1 : 2);
  const starts = kinds.map((_, i) => Math.min(visits.length - 1, i === 0 ? rng.int(0, Math.min(3, visits.length - 1)) : rng.int(2, Math.max(2, Math.floor(visits.length / 2)))));

  // A change is decided in a visit only when the practitioner prescribes and that visit's note is signed.
  const decidedIn = (session: PlannedSession) => prescribedHere && session.status === 'signed';
  client.medications = kinds.map((kind, i): PlannedMedication => {
    const id = seededUuid(rng);
    const events = planCourse(rng, kind, visits, starts[i]!, prescriber).map(({ visit, ...rest }): PlannedMedicationEvent => {
      const session = visits[visit]!;
      const decided = decidedIn(session);
      return {
        ...rest,
        id: seededUuid(rng),
        sessionId: decided ? session.id : null,
        noteId: decided ? session.noteId : null,
        // Applied when the note was signed; entered on the list after the visit otherwise.
        at: decided ? session.signedAt! : instant(session.fields.date, timeOfDay(19, rng.int(0, 59))) + i * MINUTE,
      };
    });
    return { id, name: kind.name, events };
  });
  if (!prescribedHere) return;

  const firstStart = Math.min(...starts);
  for (const session of visits.slice(firstStart)) {
    if (session.template.id !== client.template.id) continue;
    // The busy client's drafts stay alliance notes: the autosave benchmarks type into them.
    if (busy && session.status !== 'signed') continue;
    session.template = MEDICATION_TEMPLATE;
    const date = session.fields.date;
    // Reviewed: what was being taken before this visit; changed: what this visit decided.
    const items = client.medications.flatMap((medication) => {
      const before = medication.events.filter((event) => event.date < date).at(-1);
      return before && before.kind !== 'stop' ? [reviewItem(rng, medication.id, before.regimen, tendency)] : [];
    });
    const changes = decidedIn(session)
      ? client.medications.flatMap((medication) =>
          medication.events
            .filter((event) => event.sessionId === session.id)
            .map((event) => ({ id: seededUuid(rng), medicationId: event.kind === 'start' ? null : medication.id, name: event.kind === 'start' ? medication.name : '', kind: event.kind, reason: event.reason, regimen: event.regimen })),
        )
      : [];
    session.medicationReview = { items, changes };
  }
}
