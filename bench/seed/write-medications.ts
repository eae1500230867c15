import type { Kysely } from 'kysely';
import type { VaultSchema } from '../../electron/services/database/schema';
import { medicationEventRowOf, type MedicationEventRow } from '../../electron/services/medications/medication-events.repository';
import type { AllergyRow } from '../../electron/services/medications/allergies.repository';
import type { MedicationRow } from '../../electron/services/medications/medications.repository';
import { isoInstant } from './calendar';
import type { PracticePlan } from './plan-types';
import { chunks, ROWS_PER_STATEMENT } from './write-rows';

/**
 * The planned medications (each with its events, in order) and allergies, in one transaction after
 * the sessions and notes they refer to. Event rows are made with the repository's own mapping, so
 * they are what the service or a signed note's changes would have stored.
 */
export async function writeMedications(db: Kysely<VaultSchema>, plan: PracticePlan): Promise<{ medications: number; medicationEvents: number; allergies: number }> {
  const medications: MedicationRow[] = [];
  const events: MedicationEventRow[] = [];
  const allergies: AllergyRow[] = [];
  for (const client of plan.clients) {
    for (const medication of client.medications) {
      medications.push({ id: medication.id, client_id: client.id, name: medication.name, created_at: isoInstant(medication.events[0]!.at) });
      medication.events.forEach((event, i) => {
        const { at, ...rest } = event;
        events.push(medicationEventRowOf({ ...rest, medicationId: medication.id, recordedAt: isoInstant(at) }, client.id, i + 1));
      });
    }
    for (const allergy of client.allergies) {
      allergies.push({
        id: allergy.id,
        client_id: client.id,
        substance: allergy.substance,
        reaction: allergy.reaction,
        kind: allergy.kind,
        recorded_on: allergy.recordedOn,
        removed_on: allergy.removedOn,
        removed_reason: allergy.removedReason,
        created_at: isoInstant(allergy.createdAt),
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const part of chunks(medications, ROWS_PER_STATEMENT)) await trx.insertInto('medications').values(part).execute();
    for (const part of chunks(events, ROWS_PER_STATEMENT / 4)) await trx.insertInto('medication_events').values(part).execute();
    for (const part of chunks(allergies, ROWS_PER_STATEMENT)) await trx.insertInto('allergies').values(part).execute();
  });
  return { medications: medications.length, medicationEvents: events.length, allergies: allergies.length };
}
