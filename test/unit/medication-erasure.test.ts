import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyActivityLog } from '../../electron/services/activity/activity-log';
import { MED, seedMedicatedClient, type MedicatedClient } from './support/medication-client';
import { openNotesVault, type NotesVault } from './support/notes-vault';

/**
 * Erasure takes a client's medications, their events and allergies with it (and their index rows),
 * leaving every other client's; and the activity log of medication and allergy writes holds kinds
 * and dates only, never a medication's name, dose or reason, nor a substance.
 */
let nv: NotesVault;
let erased: MedicatedClient;
let kept: MedicatedClient;

const ERASED_NAME = 'Quorvinda Medexample';

const rowsOf = (table: 'medications' | 'medication_events' | 'allergies', clientId: string): number =>
  nv.vault.connection().prepare(`SELECT count(*) FROM ${table} WHERE client_id = ?`).pluck().get(clientId) as number;

beforeEach(async () => {
  nv = await openNotesVault();
  erased = await seedMedicatedClient(nv, { legalName: ERASED_NAME, code: 'QM-0001' });
  kept = await seedMedicatedClient(nv, { legalName: 'Kept Otherexample', code: 'KO-0002' });
});

afterEach(async () => {
  await nv.close();
});

describe('erasing a client on medication', () => {
  it('removes their medications, events, allergies and index rows, and leaves the other client\'s', async () => {
    const sqlite = nv.vault.connection();
    expect([rowsOf('medications', erased.clientId), rowsOf('medication_events', erased.clientId), rowsOf('allergies', erased.clientId)]).toEqual([2, 5, 2]);
    expect(sqlite.prepare('SELECT count(*) FROM search_content WHERE client_id = ?').pluck().get(erased.clientId)).toBeGreaterThan(0);

    await nv.clients.erase(erased.clientId, ERASED_NAME);

    expect([rowsOf('medications', erased.clientId), rowsOf('medication_events', erased.clientId), rowsOf('allergies', erased.clientId)]).toEqual([0, 0, 0]);
    // Events reach their medication too, whichever client column a stray row might carry.
    expect(sqlite.prepare('SELECT count(*) FROM medication_events WHERE medication_id IN (?, ?)').pluck().get(erased.examplazineId, erased.fictorexId)).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM search_content WHERE client_id = ?').pluck().get(erased.clientId)).toBe(0);
    expect([rowsOf('medications', kept.clientId), rowsOf('medication_events', kept.clientId), rowsOf('allergies', kept.clientId)]).toEqual([2, 5, 2]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect((await verifyActivityLog(nv.db())).intact).toBe(true);
  });
});

describe('the activity log of medication writes', () => {
  it('records each start, change, stop and allergy with its kind and date, and no name, dose, reason or substance', async () => {
    const rows = nv.vault
      .connection()
      .prepare(`SELECT action, record_type, record_id, fields, detail FROM activity_log WHERE client_id = ? AND record_type IN ('medication', 'allergy') ORDER BY seq`)
      .all(kept.clientId) as { action: string; record_type: string; record_id: string; fields: string; detail: string | null }[];
    const entries = rows.map((row) => ({ action: row.action, recordType: row.record_type, detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, string>) }));
    expect(entries).toEqual([
      { action: 'create', recordType: 'medication', detail: { change: 'start', date: '2026-01-10' } },
      { action: 'update', recordType: 'medication', detail: { change: 'dose_change', date: '2026-03-01' } },
      { action: 'create', recordType: 'medication', detail: { change: 'start', date: '2026-02-01' } },
      { action: 'update', recordType: 'medication', detail: { change: 'stop', date: '2026-04-01' } },
      { action: 'create', recordType: 'allergy', detail: { date: '2026-01-10' } },
      { action: 'create', recordType: 'allergy', detail: { date: '2026-01-12' } },
      { action: 'update', recordType: 'allergy', detail: null },
      // The dose change decided in the 20 May visit, applied when its note was signed.
      { action: 'update', recordType: 'medication', detail: { change: 'dose_change', date: '2026-05-20' } },
    ]);
    const everything = JSON.stringify(rows);
    const confidential = [MED.examplazine, MED.fictorex, MED.allergy, MED.removedAllergy, MED.reaction, MED.raiseReason, MED.stopReason, MED.lowerReason, MED.decision, '50 mg', '100 mg', '75 mg', '5 mg', 'Entered in error', 'Low mood'];
    for (const text of confidential) expect(everything).not.toContain(text);
    expect(rows.filter((row) => row.record_type === 'medication').map((row) => row.record_id)).toEqual([
      kept.examplazineId,
      kept.examplazineId,
      kept.fictorexId,
      kept.fictorexId,
      kept.examplazineId,
    ]);
  });
});
