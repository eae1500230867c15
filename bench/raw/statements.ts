import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Sqlite } from '../../electron/services/database/open-database';

/** Prepares a statement on first use and hands back the same one after. */
export type Prepare = (source: string) => Statement;

/** A cache of prepared statements on one connection, keyed by their SQL. */
export function statementCache(db: Sqlite): Prepare {
  const statements = new Map<string, Statement>();
  return (source) => {
    let statement = statements.get(source);
    if (!statement) {
      statement = db.prepare(source);
      statements.set(source, statement);
    }
    return statement;
  };
}
