import { sql, type Kysely } from 'kysely';

/**
 * Each note's rupture flag, kept in an index beside its session: the Measures tab marks ruptures on a
 * client's charts, and reading the flag out of every note's JSON content (about 3 KB each) was half the
 * time of loading a long-running client's results. With the flag and the note's id in the index, that
 * read never touches the notes themselves (measure-results.repository.ts names this index).
 *
 * An index rather than a column: SQLite keeps it in step with every write of `content`, so no service
 * has to remember to, and signed notes (which no UPDATE may touch) are covered without lifting their guard.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX notes_rupture_by_session ON notes (session_id, json_extract(content, '$.rupture.noted'), id)`.execute(db);
}
