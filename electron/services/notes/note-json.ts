import { sql, type RawBuilder } from 'kysely';

/**
 * Where SQL reads a note's rupture flag inside its stored JSON content. The expression is indexed
 * (notes_rupture_by_session, migration 0007), and SQLite uses an expression index only for the same
 * expression with the path written into the SQL text, so the path is a literal here, never a bound
 * parameter. Migration 0007 keeps its own copy: released migrations do not change.
 */
const RUPTURE_NOTED_PATH = sql.lit('$.rupture.noted');

/** The rupture flag (1 when noted) of the note the query calls `alias`. */
export const ruptureNotedOf = (alias: string): RawBuilder<number> => sql<number>`json_extract(${sql.ref(`${alias}.content`)}, ${RUPTURE_NOTED_PATH})`;
