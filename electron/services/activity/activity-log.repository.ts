import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { ActivityAction, ActivityEntry } from '../../../shared/clients';
import type { ExportedActivity } from '../../../shared/data-export';
import { activityDetailSchema, type ActivityDetail, type ChainAnchor } from '../../../shared/record-verification';
import type { Sqlite } from '../database/open-database';
import type { ActivityLogTable, VaultSchema } from '../database/schema';
import { GENESIS_HASH, type ChainedContent } from './activity-chain';

/**
 * The activity_log table: entries are appended and read, never changed (a trigger refuses updates and
 * deletes). Field names are stored as a JSON array, a detail as canonical JSON (activity-chain.ts).
 */

export type StoredActivity = Selectable<ActivityLogTable>;

/** The newest entry's number and hash, which the next entry links to; undefined for an empty log. */
export async function lastLink(db: Kysely<VaultSchema>): Promise<{ seq: number; hash: string } | undefined> {
  return db.selectFrom('activity_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertActivity(db: Kysely<VaultSchema>, content: ChainedContent, hash: string): Promise<void> {
  await db.insertInto('activity_log').values(activityRowOf(content, hash)).execute();
}

/** The stored row of a chained entry with its hash (the seeded practice writes its log with this too). */
export const activityRowOf = (content: ChainedContent, hash: string): Insertable<ActivityLogTable> => ({
  seq: content.seq,
  at: content.at,
  action: content.action,
  record_type: content.recordType,
  record_id: content.recordId,
  client_id: content.clientId,
  fields: JSON.stringify(content.fields),
  prev_hash: content.prevHash,
  hash,
  detail: content.detail ?? null,
});

/** Newest first, one client's or the whole practice's, `limit` at a time before `beforeSeq`. */
export async function listActivity(
  db: Kysely<VaultSchema>,
  options: { clientId?: string | undefined; beforeSeq?: number | undefined; limit: number },
): Promise<{ entries: ActivityEntry[]; hasMore: boolean }> {
  let query = db
    .selectFrom('activity_log as a')
    .leftJoin('clients as c', 'c.id', 'a.client_id')
    .select(['a.seq', 'a.at', 'a.action', 'a.record_type', 'a.record_id', 'a.client_id', 'a.fields', 'a.detail', 'c.code'])
    .orderBy('a.seq', 'desc')
    .limit(options.limit + 1);
  if (options.clientId !== undefined) query = query.where('a.client_id', '=', options.clientId);
  if (options.beforeSeq !== undefined) query = query.where('a.seq', '<', options.beforeSeq);
  const rows = await query.execute();
  const entries = rows.slice(0, options.limit).map(
    (row): ActivityEntry => ({
      seq: row.seq,
      at: row.at,
      action: row.action as ActivityAction,
      recordType: row.record_type,
      recordId: row.record_id,
      clientId: row.client_id,
      clientCode: row.code ?? null,
      fields: parseFields(row.fields),
      detail: parseDetail(row.detail),
    }),
  );
  return { entries, hasMore: rows.length > options.limit };
}

/** Oldest first, one client's or the whole practice's, without hashes or details: what an export holds. */
export async function activityInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<ExportedActivity[]> {
  const rows = await db
    .selectFrom('activity_log')
    .select(['seq', 'at', 'action', 'record_type', 'record_id', 'client_id', 'fields'])
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    clientId: row.client_id,
    fields: parseFields(row.fields),
  }));
}

/** Every entry as stored, oldest first: the chain check recomputes hashes over the stored text itself. */
export async function storedActivity(db: Kysely<VaultSchema>): Promise<StoredActivity[]> {
  return db.selectFrom('activity_log').selectAll().orderBy('seq', 'asc').execute();
}

/** The highest entry number SQLite has ever issued (AUTOINCREMENT's counter), 0 when none. */
export async function highestIssuedSeq(db: Kysely<VaultSchema>): Promise<number> {
  const issued = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'activity_log'`.execute(db);
  return Number(issued.rows[0]?.seq ?? 0);
}

/** When the newest entry was written, or null for an empty log. */
export async function lastActivityAt(db: Kysely<VaultSchema>): Promise<string | null> {
  const last = await db.selectFrom('activity_log').select('at').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last?.at ?? null;
}

/*
 * The log's anchor read straight from a connection, synchronously: a lock reads it just before the
 * connection closes, and a backup inside the read transaction its snapshot is taken in.
 */

/** The newest entry's number and hash; length 0 with the genesis hash for an empty log. */
export function readChainAnchor(sqlite: Sqlite): ChainAnchor {
  const row = sqlite.prepare('SELECT seq, hash FROM activity_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return row ? { length: Number(row.seq), latestHash: row.hash } : { length: 0, latestHash: GENESIS_HASH };
}

/** True when the log still holds the anchored entry unchanged (always, for an empty anchor). */
export function logHoldsAnchor(sqlite: Sqlite, anchor: ChainAnchor): boolean {
  if (anchor.length === 0) return true;
  const row = sqlite.prepare('SELECT hash FROM activity_log WHERE seq = ?').get(anchor.length) as { hash: string } | undefined;
  return row?.hash === anchor.latestHash;
}

/** The field names of a stored entry; anything that is not a string is left out. */
function parseFields(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** The field names of a stored entry, or null when the column is not a JSON array of strings. */
export function parseFieldsStrict(text: string): string[] | null {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : null;
  } catch {
    return null;
  }
}

/** The stored detail, or null when there is none or it is not one (the chain check reports that). */
export function parseDetail(text: string | null): ActivityDetail | null {
  if (text === null) return null;
  try {
    const parsed = activityDetailSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
