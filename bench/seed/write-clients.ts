import type { Kysely } from 'kysely';
import { settingsSchema } from '../../shared/contract';
import { fieldsToColumns } from '../../electron/services/clients/client-row';
import { replaceTags } from '../../electron/services/clients/client-tags.repository';
import { reindexClient } from '../../electron/services/clients/search-index';
import type { VaultSchema } from '../../electron/services/database/schema';
import { isoInstant } from './calendar';
import type { PracticePlan } from './plan-types';
import { writeClientEngagement } from './write-engagement';
import { chunks, measureRow, ROWS_PER_STATEMENT } from './write-rows';
import type { WriteProgress } from './write-vault';

/**
 * Settings as Settings → Practice would hold them, so notes can be signed and summaries printed; the
 * practitioner prescribes, so the Medications tab, template and PDF part are on.
 */
async function writeSettings(trx: Kysely<VaultSchema>, plan: PracticePlan, at: string): Promise<void> {
  const values = settingsSchema.partial().parse({ practitionerName: plan.signer.name, credentials: plan.signer.credentials, prescriber: true, ...plan.practice });
  for (const [key, value] of Object.entries(values)) {
    await trx.insertInto('settings').values({ key, value: JSON.stringify(value), updated_at: at }).execute();
  }
}

export async function writeClients(db: Kysely<VaultSchema>, plan: PracticePlan, progress: (p: WriteProgress) => void): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await writeSettings(trx, plan, isoInstant(plan.clients[0]!.createdAt - 86_400_000));
    let done = 0;
    for (const client of plan.clients) {
      await trx
        .insertInto('clients')
        .values({ ...fieldsToColumns(client.fields), id: client.id, code: client.code, created_at: isoInstant(client.createdAt), updated_at: isoInstant(client.updatedAt) })
        .execute();
      await replaceTags(trx, client.id, client.fields.tags);
      for (const d of client.diagnoses) {
        await trx
          .insertInto('diagnoses')
          .values({ id: d.id, client_id: client.id, code: d.code, label: d.label, date_added: d.dateAdded, date_removed: d.dateRemoved, created_at: isoInstant(d.createdAt) })
          .execute();
      }
      if (client.goals.length > 0) {
        await trx
          .insertInto('goals')
          .values(
            client.goals.map((g) => ({
              id: g.id,
              client_id: client.id,
              text: g.text,
              objective: g.objective,
              status: g.status,
              date_set: g.dateSet,
              target_date: g.targetDate,
              position: g.position,
              created_at: isoInstant(g.createdAt),
              updated_at: isoInstant(g.updatedAt),
            })),
          )
          .execute();
      }
      await writeClientEngagement(trx, client);
      await reindexClient(trx, client.id);
      if (client.intakeMeasures.length > 0) await trx.insertInto('measure_results').values(client.intakeMeasures.map((m) => measureRow(m, client.id))).execute();
      progress({ phase: 'clients', done: ++done, total: plan.clients.length });
    }
    // Status histories in the order they were recorded, as the service would have numbered them.
    const changes = plan.clients
      .flatMap((client) => client.goals.flatMap((goal) => goal.history.map((change) => ({ goal, change }))))
      .sort((a, b) => a.change.at - b.change.at);
    for (const part of chunks(changes, ROWS_PER_STATEMENT)) {
      await trx
        .insertInto('goal_status_changes')
        .values(part.map(({ goal, change }) => ({ goal_id: goal.id, from_status: change.from, to_status: change.to, effective_date: change.date, recorded_at: isoInstant(change.at) })))
        .execute();
    }
  });
}
