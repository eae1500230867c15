import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { AddAllergyInput, Allergy, ChangeMedicationInput, Medication, MedicationEvent, StartMedicationInput } from '../../../shared/medications';
import { medicationEventProblems } from '../../../shared/medication-rules';
import { medicationChart, type MedicationChart } from '../../../shared/medication-series';
import { appendActivity } from '../activity/activity-log';
import { clientRowOrThrow } from '../clients/client-store';
import { invalid, ServiceContext, type ServiceClock } from '../clients/service-context';
import { allergiesInScope, allergyRow, insertAllergy, markAllergyRemoved } from './allergies.repository';
import { eventsOfMedication, insertMedicationEvent } from './medication-events.repository';
import { medicationsInScope } from './medication-list';
import { signedReviewsOfClient } from './medication-reviews.repository';
import { insertMedication, medicationNamesInUse, medicationRow } from './medications.repository';

/** A client's medication list (started, changed, stopped, restarted, never overwritten) and allergies. */
export class MedicationsService {
  private readonly ctx: ServiceContext;

  constructor(clock: ServiceClock) {
    this.ctx = new ServiceContext(clock);
  }

  async list(clientId: string): Promise<{ medications: Medication[]; allergies: Allergy[] }> {
    const db = this.ctx.db();
    await clientRowOrThrow(db, clientId);
    const [medications, allergies] = await Promise.all([medicationsInScope(db, clientId), allergiesInScope(db, clientId)]);
    return { medications, allergies };
  }

  /** Adherence and side-effect lines and the change markers of the client's Measures tab. */
  async series(clientId: string): Promise<MedicationChart> {
    const db = this.ctx.db();
    await clientRowOrThrow(db, clientId);
    const medications = await medicationsInScope(db, clientId);
    // Without medications there is nothing to draw: the notes are not read.
    return medicationChart(medications, medications.length === 0 ? [] : await signedReviewsOfClient(db, clientId));
  }

  /** Names entered before, most used first: the name field's suggestions. */
  names(): Promise<string[]> {
    return medicationNamesInUse(this.ctx.db());
  }

  async start(input: StartMedicationInput): Promise<Medication> {
    const client = await clientRowOrThrow(this.ctx.db(), input.clientId);
    const problems = medicationEventProblems([], { kind: 'start', date: input.date, reason: input.reason, regimen: input.regimen }, this.ctx.today());
    if (client.date_of_birth && input.date < client.date_of_birth && !problems.date) problems.date = 'A medication cannot be started before the date of birth.';
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const at = this.ctx.now();
    const id = randomUUID();
    await this.ctx.transaction(async (trx) => {
      await insertMedication(trx, { id, client_id: input.clientId, name: input.name, created_at: at.toISOString() });
      await this.appendEvent(trx, input.clientId, { medicationId: id, kind: 'start', date: input.date, reason: input.reason, regimen: input.regimen }, at);
    });
    return this.medication(input.clientId, id);
  }

  async change(input: ChangeMedicationInput): Promise<Medication> {
    const row = await medicationRow(this.ctx.db(), input.medicationId);
    if (!row) throw new AppError('NOT_FOUND', 'That medication is no longer on this client’s list.');
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      const history = await eventsOfMedication(trx, input.medicationId);
      const problems = medicationEventProblems(history, input, this.ctx.today());
      if (Object.keys(problems).length > 0) throw invalid(problems);
      await this.appendEvent(trx, row.client_id, { medicationId: input.medicationId, kind: input.kind, date: input.date, reason: input.reason, regimen: input.regimen }, at);
    });
    return this.medication(row.client_id, input.medicationId);
  }

  async addAllergy(input: AddAllergyInput): Promise<Allergy> {
    await clientRowOrThrow(this.ctx.db(), input.clientId);
    if (input.recordedOn > this.ctx.today()) throw invalid({ recordedOn: 'The date recorded cannot be in the future.' });
    const at = this.ctx.now();
    const id = randomUUID();
    await this.ctx.transaction(async (trx) => {
      await insertAllergy(trx, {
        id,
        client_id: input.clientId,
        substance: input.substance,
        reaction: input.reaction,
        kind: input.kind,
        recorded_on: input.recordedOn,
        removed_on: null,
        removed_reason: null,
        created_at: at.toISOString(),
      });
      await appendActivity(trx, { action: 'create', recordType: 'allergy', recordId: id, clientId: input.clientId, fields: [], detail: { date: input.recordedOn } }, at);
    });
    return this.allergy(id);
  }

  /** Marks an allergy as removed (entered in error, no longer relevant); it stays, struck through. */
  async removeAllergy(input: { id: string; reason: string }): Promise<Allergy> {
    const row = await allergyRow(this.ctx.db(), input.id);
    if (!row) throw new AppError('NOT_FOUND', 'That allergy is no longer in this client’s record.');
    if (row.removed_on !== null) throw new AppError('CONFLICT', `That entry was already removed on ${row.removed_on}.`);
    const at = this.ctx.now();
    const today = this.ctx.today();
    await this.ctx.transaction(async (trx) => {
      await markAllergyRemoved(trx, input.id, today, input.reason);
      await appendActivity(trx, { action: 'update', recordType: 'allergy', recordId: input.id, clientId: row.client_id, fields: ['removedOn', 'removedReason'] }, at);
    });
    return this.allergy(input.id);
  }

  private async appendEvent(trx: Parameters<typeof insertMedicationEvent>[0], clientId: string, event: Omit<MedicationEvent, 'id' | 'sessionId' | 'noteId' | 'recordedAt'>, at: Date): Promise<void> {
    const id = randomUUID();
    await insertMedicationEvent(trx, { ...event, id, sessionId: null, noteId: null, recordedAt: at.toISOString() }, clientId);
    await appendActivity(
      trx,
      { action: event.kind === 'start' ? 'create' : 'update', recordType: 'medication', recordId: event.medicationId, clientId, fields: [], detail: { change: event.kind, date: event.date } },
      at,
    );
  }

  private async medication(clientId: string, id: string): Promise<Medication> {
    const found = (await medicationsInScope(this.ctx.db(), clientId)).find((medication) => medication.id === id);
    if (!found) throw new AppError('NOT_FOUND', 'That medication is no longer on this client’s list.');
    return found;
  }

  private async allergy(id: string): Promise<Allergy> {
    const row = await allergyRow(this.ctx.db(), id);
    if (!row) throw new AppError('NOT_FOUND', 'That allergy is no longer in this client’s record.');
    return (await allergiesInScope(this.ctx.db(), row.client_id)).find((allergy) => allergy.id === id)!;
  }
}
