import { createHash } from 'node:crypto';
import type { Sqlite } from '../../electron/services/database/open-database';

/**
 * A SHA-256 of every row of every table (FTS5 shadow tables included), to show that two vaults seeded
 * alike hold the same data even though their files differ (each vault has its own key). Skipped:
 * `schema_migrations`, which records when each migration ran, and the FTS5 virtual table itself,
 * whose rows are those of `search_content`.
 */
export function tableDigests(sqlite: Sqlite): Record<string, { rows: number; sha256: string }> {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'schema_migrations' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const table of tables) {
    const columns = (sqlite.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(table) as number) || 1;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw(true).iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row.map((value) => (Buffer.isBuffer(value) ? value.toString('hex') : typeof value === 'bigint' ? value.toString() : value))));
      hash.update('\n');
      rows += 1;
    }
    out[table] = { rows, sha256: hash.digest('hex') };
  }
  return out;
}
