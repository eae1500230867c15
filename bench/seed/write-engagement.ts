import type { Kysely } from 'kysely';
import type { VaultSchema } from '../../electron/services/database/schema';
import { insertAppointments } from '../../electron/services/engagement/appointments.repository';
import { insertAttendanceRecord } from '../../electron/services/engagement/attendance-records.repository';
import { insertContact } from '../../electron/services/engagement/contacts.repository';
import { savePlan } from '../../electron/services/engagement/follow-up-plans.repository';
import type { PlannedClient } from './plan-types';

/**
 * One client's follow-up plan, appointments, missed sessions and contacts, with the engagement service's
 * own repository writers, inside the transaction that writes the client and before its search rows are
 * made, so contact notes and missed-session remarks are indexed as the service indexes them.
 */
export async function writeClientEngagement(trx: Kysely<VaultSchema>, client: PlannedClient): Promise<void> {
  const { plan, appointments, missed, contacts } = client.engagement;
  if (plan) await savePlan(trx, plan);
  if (appointments.length > 0) await insertAppointments(trx, appointments);
  for (const record of missed) await insertAttendanceRecord(trx, record);
  for (const contact of contacts) await insertContact(trx, contact);
}
