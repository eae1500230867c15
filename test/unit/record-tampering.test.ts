import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { entryHash, GENESIS_HASH, listActivity, verifyActivityLog } from '../../electron/services/activity/activity-log';
import { verifyRecords } from '../../electron/services/activity/record-verification';
import { ClientsService } from '../../electron/services/clients/clients.service';
import { writeSettings } from '../../electron/services/database/settings.repository';
import { noteHash } from '../../electron/services/notes/note-hash';
import { NotesService } from '../../electron/services/notes/notes.service';
import { signedNoteInput, type SessionColumns, type SignedNoteColumns } from '../../electron/services/notes/signed-records.repository';
import { deriveKeyFromRecoveryKey, unwrapKey } from '../../electron/services/vault/key-wrap';
import { DATABASE_FILE, HEADER_FILE, readHeader, recoveryAad } from '../../electron/services/vault/vault-header';
import type { VaultService } from '../../electron/services/vault/vault.service';
import { decodeRecoveryKey } from '../../shared/recovery-key';
import { clientFields, testNow } from './support/client-vault';
import { allianceContent, doc, sessionFields } from './support/notes-vault';
import { newVaultService, PASSPHRASE, removeDir, tempDir } from './support/temp-vault';
import { openFilesUnder } from './support/open-files';

/*
 * Proof: a signed record changed outside the app is found and named. The attacker here holds the
 * recovery key, so the data key: they open vault.db with SQLCipher directly, drop the guard triggers
 * and edit. "Verify records" must name exactly the record they changed (client code and session
 * date), find a note replaced together with its stored hash through the hash the activity log
 * recorded at signing, and find entries cut off the end of the log, counter lowered too, through the
 * anchor the vault header keeps outside the database.
 */

const TARGET = { code: 'AB-0042', date: '2026-05-29' };

interface Practice {
  dir: string;
  vault: VaultService;
  recoveryKey: string;
}

let practice: Practice;

/** Two clients, four signed notes (two on the target's date), one addendum; the vault left locked. */
async function signedPractice(): Promise<Practice> {
  const dir = tempDir('alliance-tamper-');
  const vault = newVaultService(dir);
  const { recoveryKey } = await vault.create(PASSPHRASE);
  const db = () => vault.database();
  await writeSettings(db(), { practitionerName: 'Dr Synthetic Tester', credentials: 'PsyD' });
  const clients = new ClientsService({ db, now: testNow });
  const notes = new NotesService({ db, now: testNow });
  const sign = async (clientId: string, date: string, plan: string) => {
    const note = await notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'alliance' });
    const saved = await notes.saveDraft({ noteId: note.id, baseRevision: 0, content: allianceContent({ plan: doc(plan) }), processNote: null });
    return notes.sign({ noteId: note.id, baseRevision: saved.revision });
  };
  const ab = await clients.create(clientFields({ legalName: 'Synthetic Alpha', code: 'AB-0042' }));
  const cd = await clients.create(clientFields({ legalName: 'Synthetic Delta', code: 'CD-0007' }));
  await sign(ab.id, '2026-05-22', 'Keep the sleep diary.');
  await sign(ab.id, TARGET.date, 'Practise the breathing exercise daily.');
  await sign(cd.id, TARGET.date, 'Review the exposure ladder.');
  const corrected = await sign(cd.id, '2026-06-05', 'Call the GP about medication.');
  await notes.addAddendum({ noteId: corrected.id, text: doc('The GP call was moved to next week.') });
  vault.lock('user');
  return { dir, vault, recoveryKey };
}

/** The data key, as someone holding the paper recovery key gets it (docs/vault.md: "Opening the vault without the app"). */
async function dataKeyFromRecoveryKey(p: Practice): Promise<Buffer> {
  const read = await readHeader(p.dir);
  if (read.kind !== 'ok') throw new Error(`header: ${read.kind}`);
  const kek = deriveKeyFromRecoveryKey(decodeRecoveryKey(p.recoveryKey)!, read.header.recoverySlot.salt);
  const key = unwrapKey(kek, read.header.recoverySlot.wrapped, recoveryAad(read.header.vaultId));
  if (!key) throw new Error('the recovery key did not unwrap the data key');
  return key;
}

/** vault.db opened as SQLCipher 4 with the raw key, outside the app, for the attacker's edits. */
async function asAttacker(p: Practice, edit: (db: Database.Database) => void): Promise<void> {
  const key = await dataKeyFromRecoveryKey(p);
  const db = new Database(path.join(p.dir, DATABASE_FILE), { fileMustExist: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    edit(db);
  } finally {
    db.close();
    key.fill(0);
  }
}

type NoteRow = SignedNoteColumns & SessionColumns & { content_hash: string };

function targetNote(db: Database.Database): NoteRow {
  return db
    .prepare(
      `SELECT n.*, s.session_date, s.start_time, s.duration_minutes, s.modality, s.type, s.attendance, s.service_code
       FROM notes n JOIN sessions s ON s.id = n.session_id JOIN clients c ON c.id = n.client_id
       WHERE c.code = ? AND s.session_date = ?`,
    )
    .get(TARGET.code, TARGET.date) as NoteRow;
}

/** The target note's plan rewritten, the rest of its content as stored. */
function rewrittenContent(row: NoteRow): string {
  const content = JSON.parse(row.content) as { sections: Record<string, unknown> };
  content.sections.plan = doc('No exercises were agreed.');
  return JSON.stringify(content);
}

beforeEach(async () => {
  practice = await signedPractice();
});
afterEach(async () => {
  practice.vault.lock('user');
  await removeDir(practice.dir);
});

describe('the activity log records each signature', () => {
  it("with the signed hash and the session's date, and keeps the hash of entries written without a detail", async () => {
    await practice.vault.unlock(PASSPHRASE);
    const db = practice.vault.database();
    const { entries } = await listActivity(db, { limit: 100 });
    const signed = await db.selectFrom('notes').innerJoin('sessions', 'sessions.id', 'notes.session_id').select(['notes.id', 'notes.content_hash', 'sessions.session_date']).execute();
    const signEntries = entries.filter((entry) => entry.action === 'sign');
    expect(signEntries).toHaveLength(4);
    for (const entry of signEntries) {
      const note = signed.find((row) => row.id === entry.recordId)!;
      expect(entry.detail).toEqual({ hash: note.content_hash, sessionDate: note.session_date });
    }
    expect(entries.find((entry) => entry.recordType === 'addendum')?.detail).toMatchObject({ sessionDate: '2026-06-05', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entries.find((entry) => entry.recordType === 'client')?.detail).toBeNull();
    // An entry without a detail hashes exactly as entries did before the column existed.
    const content = { seq: 7, at: '2026-06-15T10:00:00.000Z', action: 'create', recordType: 'client', recordId: 'r', clientId: null, fields: ['phone'], prevHash: GENESIS_HASH };
    const before = createHash('sha256').update(JSON.stringify([7, content.at, 'create', 'client', 'r', null, ['phone'], GENESIS_HASH])).digest('hex');
    expect(entryHash({ ...content, detail: null })).toBe(before);
    expect(entryHash({ ...content, detail: '{"sessionDate":"2026-06-15"}' })).not.toBe(before);
  });
});

describe('Verify records finds signed records changed outside the app', () => {
  it('finds nothing wrong in records nobody touched', async () => {
    await practice.vault.unlock(PASSPHRASE);
    const verdict = await verifyRecords(practice.vault);
    expect(verdict).toMatchObject({ intact: true, notesChecked: 4, addendaChecked: 1, mismatches: [], mismatchCount: 0, logProblem: null });
    expect(verdict.message).toContain('All 4 signed notes and 1 addendum match their signatures.');
  });

  it("names exactly the note whose text was rewritten with the read-only trigger dropped, on the worker thread too", async () => {
    await asAttacker(practice, (db) => {
      db.exec('DROP TRIGGER notes_signed_read_only');
      const row = targetNote(db);
      db.prepare('UPDATE notes SET content = ? WHERE id = ?').run(rewrittenContent(row), row.id);
    });
    await practice.vault.unlock(PASSPHRASE);
    const expected = { clientCode: TARGET.code, sessionDate: TARGET.date, kind: 'note', reason: 'changed' };
    const here = await verifyRecords(practice.vault);
    expect(here).toMatchObject({ intact: false, logProblem: null, notesChecked: 4, addendaChecked: 1, mismatchCount: 1, mismatches: [expected] });
    expect(here.message).toContain('The signed note of AB-0042 from 29 May 2026 does not match its signature.');
    // What the Settings button runs in the app: the same answer from the worker thread's own connection.
    expect(await verifyRecords(practice.vault, { onWorker: true })).toEqual(here);
  });

  it('accepts a note stored as versions before 0009 stored it (the same content, keys in another order)', async () => {
    await asAttacker(practice, (db) => {
      db.exec('DROP TRIGGER notes_signed_read_only');
      const row = targetNote(db);
      const { sections, goalProgress, homeworkReview, rupture, risk } = JSON.parse(row.content) as Record<string, unknown>;
      db.prepare('UPDATE notes SET content = ? WHERE id = ?').run(JSON.stringify({ sections, risk, rupture, homeworkReview, goalProgress }), row.id);
    });
    await practice.vault.unlock(PASSPHRASE);
    expect(await verifyRecords(practice.vault)).toMatchObject({ intact: true, notesChecked: 4, mismatchCount: 0 });
  });

  it('finds a note replaced together with its stored hash, through the hash its signing entry recorded', async () => {
    await asAttacker(practice, (db) => {
      db.exec('DROP TRIGGER notes_signed_read_only');
      const row = targetNote(db);
      const content = rewrittenContent(row);
      // The attacker recomputes the hash with the app's own, public, algorithm.
      const forged = noteHash(signedNoteInput({ ...row, content }, row));
      db.prepare('UPDATE notes SET content = ?, content_hash = ? WHERE id = ?').run(content, forged, row.id);
    });
    await practice.vault.unlock(PASSPHRASE);
    const verdict = await verifyRecords(practice.vault);
    expect(verdict).toMatchObject({
      intact: false,
      mismatchCount: 1,
      mismatches: [{ clientCode: TARGET.code, sessionDate: TARGET.date, kind: 'note', reason: 'log-differs' }],
    });
    expect(verdict.message).toContain('The signed note of AB-0042 from 29 May 2026 does not match the signature the activity log recorded.');
  });

  it('finds a signed note deleted while its client is still there', async () => {
    await asAttacker(practice, (db) => {
      db.exec('DROP TRIGGER notes_signed_no_delete');
      db.prepare('DELETE FROM notes WHERE id = ?').run(targetNote(db).id);
    });
    await practice.vault.unlock(PASSPHRASE);
    const verdict = await verifyRecords(practice.vault);
    expect(verdict).toMatchObject({ intact: false, notesChecked: 3, mismatches: [{ clientCode: TARGET.code, sessionDate: TARGET.date, kind: 'note', reason: 'missing' }] });
    expect(verdict.message).toContain('The signed note of AB-0042 from 29 May 2026 is missing, although its client is not.');
  });

  it('finds an addendum rewritten, and names the note it belongs to', async () => {
    await asAttacker(practice, (db) => {
      db.exec('DROP TRIGGER note_addenda_no_update');
      db.prepare('UPDATE note_addenda SET text = ?').run(JSON.stringify(doc('The GP was never called.')));
    });
    await practice.vault.unlock(PASSPHRASE);
    expect(await verifyRecords(practice.vault)).toMatchObject({
      intact: false,
      mismatches: [{ clientCode: 'CD-0007', sessionDate: '2026-06-05', kind: 'addendum', reason: 'changed' }],
    });
  });

  it('finds the newest entries deleted and the counter lowered, through the anchor the header keeps since the lock', async () => {
    const header = await readHeader(practice.dir);
    if (header.kind !== 'ok') throw new Error('no header');
    const anchor = header.header.activityLog!;
    expect(header.header.formatVersion).toBe(2);
    expect(anchor.length).toBeGreaterThan(5);
    const kept = anchor.length - 3;
    await asAttacker(practice, (db) => {
      expect((db.prepare('SELECT hash FROM activity_log ORDER BY seq DESC LIMIT 1').get() as { hash: string }).hash).toBe(anchor.latestHash);
      db.exec('DROP TRIGGER activity_log_no_delete');
      db.prepare('DELETE FROM activity_log WHERE seq > ?').run(kept);
      db.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'activity_log'`).run(kept);
    });
    await practice.vault.unlock(PASSPHRASE);
    // Inside the database alone the shortened log is a whole chain: this is the gap the anchor closes.
    expect((await verifyActivityLog(practice.vault.database())).logProblem).toBeNull();
    const missing = `Entries ${kept + 1} to ${anchor.length} are missing from the end of the log`;
    expect((await verifyRecords(practice.vault)).logProblem).toContain(missing);
    // A lock does not lower the anchor to the shortened log: the evidence survives.
    practice.vault.lock('user');
    await practice.vault.unlock(PASSPHRASE);
    expect(await verifyRecords(practice.vault)).toMatchObject({ intact: false, firstBrokenSeq: kept + 1 });
    expect((await verifyRecords(practice.vault)).logProblem).toContain(missing);
  });

  it('each lock writes the log length it closed with; a header from before (format 1, no anchor) still unlocks', async () => {
    const file = path.join(practice.dir, HEADER_FILE);
    const { activityLog, ...older } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(activityLog).toMatchObject({ length: expect.any(Number) });
    writeFileSync(file, JSON.stringify({ ...older, formatVersion: 1 }));
    await practice.vault.unlock(PASSPHRASE);
    expect(practice.vault.chainAnchor()).toBeNull();
    expect((await verifyRecords(practice.vault)).intact).toBe(true);
    await new ClientsService({ db: () => practice.vault.database(), now: testNow }).create(clientFields({ legalName: 'Synthetic Later' }));
    const last = practice.vault.connection().prepare('SELECT seq, hash FROM activity_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    practice.vault.lock('user');
    const read = await readHeader(practice.dir);
    expect(read).toMatchObject({ kind: 'ok', header: { formatVersion: 2, activityLog: { length: last.seq, latestHash: last.hash } } });
  });
});

describe('Verify records on its worker thread', () => {
  it('is stopped by a lock, which returns only once the worker\'s connection is closed', async () => {
    // Thousands of (copied, so mismatching) signed notes keep the worker busy long enough to lock mid-check.
    await asAttacker(practice, (db) => {
      const many = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)';
      db.exec(`${many} INSERT INTO sessions (id, client_id, session_date, created_at, start_time, duration_minutes, modality, type, attendance, service_code)
        SELECT 'bulk-' || i, client_id, session_date, created_at, start_time, duration_minutes, modality, type, attendance, service_code FROM n, (SELECT * FROM sessions LIMIT 1)`);
      db.exec(`${many} INSERT INTO notes (id, session_id, client_id, template_id, template_version, template_json, status, content, process_note, revision, saved_at, signed_at, signer_name, signer_credentials, content_hash, search_rowid, created_at)
        SELECT 'bulk-' || i, 'bulk-' || i, client_id, template_id, template_version, template_json, status, content, process_note, revision, saved_at, signed_at, signer_name, signer_credentials, content_hash, 1000000 + i, created_at
        FROM n, (SELECT * FROM notes WHERE status = 'signed' LIMIT 1)`);
    });
    await practice.vault.unlock(PASSPHRASE);
    await practice.vault.integrityCheckSettled();
    const database = path.join(practice.dir, DATABASE_FILE);
    const pending = verifyRecords(practice.vault, { onWorker: true }).then(
      () => 'finished',
      (error: { code?: string }) => error.code,
    );
    // The worker has opened its own connection once the database is held open twice.
    const deadline = Date.now() + 30_000;
    while (openFilesUnder(practice.dir).filter((file) => file === database).length < 2) {
      if (Date.now() > deadline) throw new Error('the verification worker never opened the vault');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    practice.vault.lock('user');
    expect(openFilesUnder(practice.dir)).toEqual([]);
    expect(await pending).toBe('VAULT_LOCKED');
  });
});
