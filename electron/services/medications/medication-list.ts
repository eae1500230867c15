import type { Kysely } from 'kysely';
import type { Medication, MedicationEvent } from '../../../shared/medications';
import { medicationState } from '../../../shared/medication-rules';
import type { VaultSchema } from '../database/schema';
import { medicationEventsInScope } from './medication-events.repository';
import { medicationRowsInScope } from './medications.repository';

/**
 * Medications with their histories, for the tab, the note's review, the export, the summary and the
 * charts: two queries for one client or the whole vault.
 */
export async function medicationsInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<Medication[]> {
  const [rows, events] = await Promise.all([medicationRowsInScope(db, clientId), medicationEventsInScope(db, clientId)]);
  const historyOf = new Map<string, MedicationEvent[]>();
  for (const { clientId: _client, ...event } of events) {
    const list = historyOf.get(event.medicationId);
    if (list) list.push(event);
    else historyOf.set(event.medicationId, [event]);
  }
  return rows.map((row) => {
    const history = historyOf.get(row.id) ?? [];
    return { id: row.id, clientId: row.client_id, name: row.name, history, current: medicationState(history) === 'current' };
  });
}
