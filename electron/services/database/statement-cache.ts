import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { Sqlite } from './open-database';

/**
 * Kysely's SQLite driver prepares every query it runs, and better-sqlite3 keeps no statements of its
 * own: each autosave compiled its fifteen statements anew (about a quarter of a millisecond, a tenth of
 * the save). This hands Kysely the connection with its statements kept, by SQL text, so a query the
 * app runs again is only bound and stepped.
 *
 * Safe to share because the driver runs one query at a time on its only connection: a statement is
 * never asked for again while it is still being stepped. The connection finalizes every statement when
 * it closes (a lock), so nothing here outlives the session. The oldest-used statements are let go past
 * `limit`, as queries with lists inline (IN (?, ?, …)) make a new text per list length.
 */
export function withStatementCache(connection: Sqlite, limit = 256): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close() {
      statements.clear();
      connection.close();
    },
    prepare(sql: string): SqliteStatement {
      const kept = statements.get(sql);
      if (kept) {
        // Most recently used last, so the first key is always the one to let go.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = connection.prepare(sql) as unknown as SqliteStatement;
      statements.set(sql, statement);
      if (statements.size > limit) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
