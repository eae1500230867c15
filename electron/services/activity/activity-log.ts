import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ActivityAction, ActivityEntry, ActivityLogVerdict } from '../../../shared/clients';
import type { VaultSchema } from '../database/schema';

/**
 * The append-only activity log. Each entry stores the SHA-256 of its own content and of the entry
 * before it, so changing or removing an entry in the middle breaks the chain that `verifyActivityLog`
 * walks. Only names of changed fields are recorded, never their values.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface NewActivityEntry {
  action: ActivityAction;
  recordType: 'client' | 'goal' | 'diagnosis' | 'session' | 'note' | 'addendum' | 'measure' | 'alert' | 'summary' | 'data' | 'vault';
  recordId: string;
  clientId: string | null;
  fields: readonly string[];
}

interface ChainedContent {
  seq: number;
  at: string;
  action: string;
  recordType: string;
  recordId: string;
  clientId: string | null;
  fields: readonly string[];
  prevHash: string;
}

/** The hash of an entry: a fixed-order JSON array, so the same content always gives the same text. */
export function entryHash(entry: ChainedContent): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    entry.action,
    entry.recordType,
    entry.recordId,
    entry.clientId,
    [...entry.fields],
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Appends one entry; call inside the transaction that makes the change, so neither exists alone. */
export async function appendActivity(trx: Kysely<VaultSchema>, entry: NewActivityEntry, at: Date): Promise<void> {
  const last = await trx.selectFrom('activity_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const content: ChainedContent = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    clientId: entry.clientId,
    fields: entry.fields,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await trx
    .insertInto('activity_log')
    .values({
      seq: content.seq,
      at: content.at,
      action: content.action,
      record_type: content.recordType,
      record_id: content.recordId,
      client_id: content.clientId,
      fields: JSON.stringify(content.fields),
      prev_hash: content.prevHash,
      hash: entryHash(content),
    })
    .execute();
}

/** Newest first, one client's or the whole practice's, `limit` at a time before `beforeSeq`. */
export async function listActivity(
  db: Kysely<VaultSchema>,
  options: { clientId?: string | undefined; beforeSeq?: number | undefined; limit: number },
): Promise<{ entries: ActivityEntry[]; hasMore: boolean }> {
  let query = db
    .selectFrom('activity_log as a')
    .leftJoin('clients as c', 'c.id', 'a.client_id')
    .select(['a.seq', 'a.at', 'a.action', 'a.record_type', 'a.record_id', 'a.client_id', 'a.fields', 'c.code'])
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
    }),
  );
  return { entries, hasMore: rows.length > options.limit };
}

function parseFields(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Walks the whole chain in order and names the first entry that does not match: a changed entry, a
 * gap in the numbering (an entry removed from the middle), a broken link, or entries missing at the end.
 */
export async function verifyActivityLog(db: Kysely<VaultSchema>): Promise<ActivityLogVerdict> {
  const rows = await db.selectFrom('activity_log').selectAll().orderBy('seq', 'asc').execute();
  const broken = (seq: number, what: string): ActivityLogVerdict => ({
    intact: false,
    entriesChecked: rows.length,
    firstBrokenSeq: seq,
    message: `${what}: the log was changed outside Alliance Notes.`,
  });
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      const gap = expectedSeq === 1 ? 'is the first entry left, so entries before it' : `follows entry ${expectedSeq - 1}, so entries in between`;
      return broken(row.seq, `Entry ${row.seq} ${gap} are missing`);
    }
    const fields = parseFieldsStrict(row.fields);
    if (fields === null) return broken(row.seq, `Entry ${row.seq} cannot be read`);
    if (row.prev_hash !== prevHash) return broken(row.seq, `Entry ${row.seq} does not link to the entry before it`);
    const recomputed = entryHash({
      seq: row.seq,
      at: row.at,
      action: row.action,
      recordType: row.record_type,
      recordId: row.record_id,
      clientId: row.client_id,
      fields,
      prevHash: row.prev_hash,
    });
    if (recomputed !== row.hash) return broken(row.seq, `Entry ${row.seq} does not match its recorded fingerprint`);
    prevHash = row.hash;
    expectedSeq += 1;
  }
  // AUTOINCREMENT keeps the highest seq ever issued in sqlite_sequence, so entries cut off the end of
  // the log (which leaves the rest of the chain intact) still show as missing.
  const issued = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'activity_log'`.execute(db);
  const highestIssued = Number(issued.rows[0]?.seq ?? 0);
  if (highestIssued >= expectedSeq) {
    const missing = highestIssued === expectedSeq ? `Entry ${expectedSeq} is` : `Entries ${expectedSeq} to ${highestIssued} are`;
    return broken(expectedSeq, `${missing} missing from the end of the log`);
  }
  const count = rows.length;
  return {
    intact: true,
    entriesChecked: count,
    firstBrokenSeq: null,
    message:
      count === 0
        ? 'The log is empty; there is nothing to verify yet.'
        : count === 1
          ? 'The 1 entry matches its chain.'
          : `All ${count.toLocaleString('en')} entries match their chain.`,
  };
}

/** The field names of a stored entry, or null when the column is not a JSON array of strings. */
function parseFieldsStrict(text: string): string[] | null {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : null;
  } catch {
    return null;
  }
}
