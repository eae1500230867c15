import type { Kysely } from 'kysely';

/**
 * Every backup the app wrote, so the Backups page and the Dashboard can say when the last one
 * succeeded, and rotation knows which files were read back and verified. Only file names, sizes,
 * times and record counts: nothing a backup contains.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('backup_history')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('folder', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_bytes', 'integer', (col) => col.notNull())
    .addColumn('database_bytes', 'integer', (col) => col.notNull())
    .addColumn('file_sha256', 'text', (col) => col.notNull())
    .addColumn('counts', 'text', (col) => col.notNull())
    .addColumn('verified_at', 'text')
    .execute();
  await db.schema.createIndex('backup_history_by_time').on('backup_history').column('created_at').execute();
}
