import { sql, type Kysely } from 'kysely';

/**
 * A small JSON object beside each new activity entry: the SHA-256 a signature or addendum recorded
 * (so replacing a signed note together with its stored hash no longer goes unnoticed), and the measure
 * name or session date an entry concerns, never a value or any note text. Null for every entry written
 * before, whose hash (which covers the detail only when there is one) is therefore unchanged.
 *
 * ADD COLUMN rewrites no row, so the append-only triggers are not involved.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE activity_log ADD COLUMN detail TEXT`.execute(db);
}
