import type { Kysely } from 'kysely';
import type { VaultSchema } from '../database/schema';
import { refreshAllClientAlerts } from '../measures/client-alerts';

/**
 * Data a migration cannot make itself, because a released migration imports only kysely and the rules
 * that derive the data live in the services: run once, right after the step that needs it, in the
 * session that ran that step.
 */
const AFTER: Record<string, (db: Kysely<VaultSchema>) => Promise<void>> = {
  // Alerts became stored events: a vault written before gets its events from its history.
  '0010_create_alert_events': (db) => db.transaction().execute((trx) => refreshAllClientAlerts(trx, new Date())),
};

/** Runs what the migrations that just ran (by name, in order) need done after them. */
export async function afterMigrations(db: Kysely<VaultSchema>, ran: readonly string[]): Promise<void> {
  for (const name of ran) await AFTER[name]?.(db);
}
