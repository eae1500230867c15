import type { Kysely } from 'kysely';
import type { VaultSchema } from '../database/schema';

/** The practitioner's acknowledgements of alerts, keyed by alert key (migration 0005). */

export type Acknowledgement = { note: string; at: string };

export async function acknowledgementsOfClient(db: Kysely<VaultSchema>, clientId: string): Promise<Map<string, Acknowledgement>> {
  const rows = await db.selectFrom('alert_acknowledgements').select(['alert_key', 'note', 'acknowledged_at']).where('client_id', '=', clientId).execute();
  return new Map(rows.map((row) => [row.alert_key, { note: row.note, at: row.acknowledged_at }]));
}

export async function insertAcknowledgement(db: Kysely<VaultSchema>, row: { id: string; clientId: string; alertKey: string; note: string; at: string }): Promise<void> {
  await db.insertInto('alert_acknowledgements').values({ id: row.id, client_id: row.clientId, alert_key: row.alertKey, note: row.note, acknowledged_at: row.at }).execute();
}

/** One client's acknowledgements, or every client's when `clientId` is null, oldest first. */
export async function acknowledgementsInScope(
  db: Kysely<VaultSchema>,
  clientId: string | null,
): Promise<{ id: string; clientId: string; alertKey: string; note: string; acknowledgedAt: string }[]> {
  const rows = await db
    .selectFrom('alert_acknowledgements')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('acknowledged_at')
    .execute();
  return rows.map((row) => ({ id: row.id, clientId: row.client_id, alertKey: row.alert_key, note: row.note, acknowledgedAt: row.acknowledged_at }));
}
