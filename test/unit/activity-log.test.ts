import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listActivity, verifyActivityLog } from '../../electron/services/activity/activity-log';
import { clientFields, openClientVault, type ClientVault } from './support/client-vault';

let cv: ClientVault;
beforeEach(async () => {
  cv = await openClientVault();
  const client = await cv.clients.create(clientFields({ legalName: 'Hana Kobayashi', phone: '+81 555 0199' }));
  await cv.clients.update(client.id, clientFields({ legalName: 'Hana Kobayashi', phone: '+81 555 0100', code: client.code }));
  await cv.plans.addGoal({ clientId: client.id, text: 'Speak up in meetings', objective: '', dateSet: '2026-03-01', targetDate: null });
  await cv.clients.setStatus(client.id, 'paused', null, '');
});
afterEach(async () => {
  await cv.close();
});

/** This vault has clients and goals but no signed note yet. */
const noSignedRecords = { notesChecked: 0, addendaChecked: 0, mismatches: [], mismatchCount: 0 };

/** What someone holding the vault key could do with sqlite3: remove the guard, then edit. */
async function asAttacker(statement: ReturnType<typeof sql>): Promise<void> {
  await sql`DROP TRIGGER activity_log_no_update`.execute(cv.db());
  await sql`DROP TRIGGER activity_log_no_delete`.execute(cv.db());
  await statement.execute(cv.db());
}

describe('the activity log', () => {
  it('records every change with the names of the changed fields and none of their contents', async () => {
    const { entries } = await listActivity(cv.db(), { limit: 100 });
    expect(entries.map((e) => [e.seq, e.action, e.recordType, e.fields])).toEqual([
      [4, 'update', 'client', ['status']],
      [3, 'create', 'goal', []],
      [2, 'update', 'client', ['phone']],
      [1, 'create', 'client', []],
    ]);
    // Random ids and hashes are blanked first: a UUID or hash can hold '0100' by chance (one CI run's did).
    const raw = JSON.stringify(await cv.db().selectFrom('activity_log').selectAll().execute()).replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|[0-9a-f]{64}/g, '<id>');
    expect(raw).toContain('<id>');
    for (const secret of ['Hana', 'Kobayashi', '0199', '0100', 'Speak up']) expect(raw).not.toContain(secret);
  });

  it('pages newest first', async () => {
    const first = await listActivity(cv.db(), { limit: 3 });
    expect(first.entries.map((e) => e.seq)).toEqual([4, 3, 2]);
    expect(first.hasMore).toBe(true);
    const rest = await listActivity(cv.db(), { limit: 3, beforeSeq: 2 });
    expect(rest).toMatchObject({ hasMore: false, entries: [{ seq: 1 }] });
  });

  it('refuses updates and deletions through SQL', async () => {
    await expect(sql`UPDATE activity_log SET fields = '[]' WHERE seq = 2`.execute(cv.db())).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM activity_log WHERE seq = 2`.execute(cv.db())).rejects.toThrow(/append-only/);
    expect((await verifyActivityLog(cv.db())).intact).toBe(true);
  });

  it('verifies an untouched chain, and keeps verifying as entries are added', async () => {
    expect(await verifyActivityLog(cv.db())).toEqual({
      intact: true,
      entriesChecked: 4,
      firstBrokenSeq: null,
      message: 'All 4 entries match their chain.',
      logProblem: null,
      ...noSignedRecords,
    });
    await cv.clients.create(clientFields({ legalName: 'Second Client' }));
    expect(await verifyActivityLog(cv.db())).toMatchObject({ intact: true, entriesChecked: 5, message: 'All 5 entries match their chain.' });
  });

  it('names the first entry that was altered', async () => {
    await asAttacker(sql`UPDATE activity_log SET fields = '["address"]' WHERE seq = 2`);
    expect(await verifyActivityLog(cv.db())).toEqual({
      intact: false,
      entriesChecked: 4,
      firstBrokenSeq: 2,
      message: 'Entry 2 does not match its recorded fingerprint: the log was changed outside Alliance Notes.',
      logProblem: 'Entry 2 does not match its recorded fingerprint: the log was changed outside Alliance Notes.',
      ...noSignedRecords,
    });
  });

  it('detects an entry removed from the middle', async () => {
    await asAttacker(sql`DELETE FROM activity_log WHERE seq = 3`);
    expect(await verifyActivityLog(cv.db())).toMatchObject({
      intact: false,
      firstBrokenSeq: 4,
      message: 'Entry 4 follows entry 2, so entries in between are missing: the log was changed outside Alliance Notes.',
    });
  });

  it('detects the first entry removed', async () => {
    await asAttacker(sql`DELETE FROM activity_log WHERE seq = 1`);
    expect(await verifyActivityLog(cv.db())).toMatchObject({ intact: false, firstBrokenSeq: 2 });
  });

  it('detects entries cut off the end, although what remains is a valid chain', async () => {
    await asAttacker(sql`DELETE FROM activity_log WHERE seq >= 3`);
    expect(await verifyActivityLog(cv.db())).toEqual({
      intact: false,
      entriesChecked: 2,
      firstBrokenSeq: 3,
      message: 'Entries 3 to 4 are missing from the end of the log: the log was changed outside Alliance Notes.',
      logProblem: 'Entries 3 to 4 are missing from the end of the log: the log was changed outside Alliance Notes.',
      ...noSignedRecords,
    });
  });

  it('detects an entry whose link to the entry before it was changed', async () => {
    await asAttacker(sql`UPDATE activity_log SET prev_hash = hash WHERE seq = 3`);
    const verdict = await verifyActivityLog(cv.db());
    expect(verdict).toMatchObject({ intact: false, firstBrokenSeq: 3 });
    expect(verdict.message).toContain('Entry 3');
  });
});
