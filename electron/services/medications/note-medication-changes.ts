import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { medicationNameSchema, regimenSchema, type MedicationEvent } from '../../../shared/medications';
import { medicationEventProblems } from '../../../shared/medication-rules';
import { missedDosesProblem, type MedicationReview } from '../../../shared/medication-review';
import { appendActivity } from '../activity/activity-log';
import type { VaultSchema } from '../database/schema';
import { insertMedicationEvent, medicationEventsInScope } from './medication-events.repository';
import { insertMedication } from './medications.repository';

/**
 * The medication review of a note at signing: its answers are checked against the client's list, and
 * the changes decided in the visit are applied to the list, dated the session's date, in the signing's
 * transaction. Before signing nothing reaches the list; after it the note is fixed, so they never
 * apply twice.
 */
export interface SigningReview {
  clientId: string;
  noteId: string;
  sessionId: string;
  sessionDate: string;
  review: MedicationReview;
  today: string;
}

const field = (path: string) => `medicationReview.${path}`;

/** Field problems of a review as it would be signed; empty when it can be. */
export async function reviewSigningProblems(db: Kysely<VaultSchema>, input: SigningReview): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  const events = await medicationEventsInScope(db, input.clientId);
  const historyOf = (medicationId: string) => events.filter((event) => event.medicationId === medicationId);
  const reviewed = new Set<string>();
  input.review.items.forEach((item, index) => {
    const history = historyOf(item.medicationId);
    if (history.length === 0) {
      problems[field(`items.${index}.medicationId`)] = 'This medication is not on the client’s list.';
      return;
    }
    if (reviewed.has(item.medicationId)) problems[field(`items.${index}.medicationId`)] = 'This medication is reviewed twice; keep one review of it.';
    reviewed.add(item.medicationId);
    const missed = missedDosesProblem(item.missedDoses, history.at(-1)!.regimen.dosesPerDay);
    if (missed) problems[field(`items.${index}.missedDoses`)] = missed;
  });
  // Changes to the same listed medication apply one after another, so each is checked after the ones
  // before it. A start always makes a new medication: it is checked on its own and never becomes the
  // history a later change is checked against, so no change can reach a medication it did not name.
  const pending = new Map<string, Pick<MedicationEvent, 'kind' | 'date' | 'regimen'>[]>();
  input.review.changes.forEach((change, index) => {
    const at = (name: string) => field(`changes.${index}.${name}`);
    const regimen = regimenSchema.safeParse(change.regimen);
    if (!regimen.success) for (const issue of regimen.error.issues) problems[at(['regimen', ...issue.path].join('.'))] ??= issue.message;
    let history: Pick<MedicationEvent, 'kind' | 'date' | 'regimen'>[] = [];
    if (change.kind === 'start') {
      const name = medicationNameSchema.safeParse(change.name);
      if (!name.success) problems[at('name')] = name.error.issues[0]!.message;
      if (change.medicationId !== null) problems[at('medicationId')] = 'A new medication is not on the list yet; start it without choosing a listed one.';
    } else if (change.medicationId === null) {
      problems[at('medicationId')] = 'Choose the medication this change is for.';
      return;
    } else {
      history = pending.get(change.medicationId) ?? historyOf(change.medicationId);
      if (history.length === 0) {
        problems[at('medicationId')] = 'This medication is not on the client’s list.';
        return;
      }
    }
    if (!regimen.success) return;
    const event = { kind: change.kind, date: input.sessionDate, reason: change.reason, regimen: regimen.data };
    for (const [name, message] of Object.entries(medicationEventProblems(history, event, input.today))) problems[at(name)] ??= message;
    if (change.medicationId !== null && change.kind !== 'start') pending.set(change.medicationId, [...history, event]);
  });
  return problems;
}

/** Applies the review's changes to the list; call after reviewSigningProblems found none, in the same transaction. */
export async function applyReviewChanges(trx: Kysely<VaultSchema>, input: SigningReview, at: Date): Promise<void> {
  for (const change of input.review.changes) {
    const regimen = regimenSchema.parse(change.regimen);
    // reviewSigningProblems refused a start naming a listed medication and any other change naming none.
    let medicationId = change.medicationId;
    if (change.kind === 'start' || medicationId === null) {
      medicationId = randomUUID();
      await insertMedication(trx, { id: medicationId, client_id: input.clientId, name: medicationNameSchema.parse(change.name), created_at: at.toISOString() });
    }
    await insertMedicationEvent(
      trx,
      { id: randomUUID(), medicationId, kind: change.kind, date: input.sessionDate, reason: change.reason.normalize('NFC').trim(), regimen, sessionId: input.sessionId, noteId: input.noteId, recordedAt: at.toISOString() },
      input.clientId,
    );
    await appendActivity(
      trx,
      { action: change.kind === 'start' ? 'create' : 'update', recordType: 'medication', recordId: medicationId, clientId: input.clientId, fields: [], detail: { change: change.kind, date: input.sessionDate } },
      at,
    );
  }
}
