import type { Kysely, Selectable } from 'kysely';
import type { AttendanceRecord } from '../../../shared/engagement';
import type { AttendanceRecordsTable, VaultSchema } from '../database/schema';

/** No-shows and late cancellations (migration 0012): attendance records, never notes. */

const toRecord = (row: Selectable<AttendanceRecordsTable>): AttendanceRecord => ({
  id: row.id,
  clientId: row.client_id,
  date: row.record_date,
  startTime: row.start_time,
  kind: row.kind,
  remark: row.remark,
  createdAt: row.created_at,
});

export async function insertAttendanceRecord(db: Kysely<VaultSchema>, record: AttendanceRecord): Promise<void> {
  await db
    .insertInto('attendance_records')
    .values({ id: record.id, client_id: record.clientId, record_date: record.date, start_time: record.startTime, kind: record.kind, remark: record.remark, created_at: record.createdAt })
    .execute();
}

export async function attendanceRecordRow(db: Kysely<VaultSchema>, id: string): Promise<AttendanceRecord | null> {
  const row = await db.selectFrom('attendance_records').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function deleteAttendanceRecord(db: Kysely<VaultSchema>, id: string): Promise<void> {
  await db.deleteFrom('attendance_records').where('id', '=', id).execute();
}

/** One client's records, or every client's when `clientId` is null, oldest first. */
export async function attendanceRecordsInScope(db: Kysely<VaultSchema>, clientId: string | null): Promise<AttendanceRecord[]> {
  const rows = await db
    .selectFrom('attendance_records')
    .selectAll()
    .$if(clientId !== null, (qb) => qb.where('client_id', '=', clientId as string))
    .orderBy('client_id')
    .orderBy('record_date')
    .orderBy('start_time')
    .orderBy('created_at')
    .execute();
  return rows.map(toRecord);
}
