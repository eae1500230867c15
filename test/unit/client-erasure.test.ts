import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listActivity, verifyActivityLog } from '../../electron/services/activity/activity-log';
import { clientFields, everyClient, fieldsOf, openClientVault, testNow, TODAY, type ClientVault } from './support/client-vault';
import { allianceContent, doc, sessionFields, withTasks } from './support/notes-vault';
import { NotesService } from '../../electron/services/notes/notes.service';
import { writeSettings } from '../../electron/services/database/settings.repository';
import { plaintextPages } from './support/sqlcipher-pages';
import { PASSPHRASE } from './support/temp-vault';
import { foldForSearch } from '../../shared/search-fold';
import { searchInputSchema } from '../../shared/notes';

// Synthetic markers that cannot occur by chance, one per text field, made of invented words only, so
// none of them can also be found in the schema or in the other client's record.
const MARKERS = {
  legalName: 'Quillfeather Ødegårdsen',
  preferredName: 'Xylophrase',
  pronouns: 'vexlorian/vexlorians',
  phone: '+00 9137 4426',
  email: 'zebulonquaff@dravenport.example',
  address: 'Vormbrücke Lane 77',
  emergencyName: 'Tharnwick Oppenvale',
  emergencyRelation: 'Grandcousin Morvathine',
  emergencyPhone: '+00 7719 5503',
  referralSource: 'Frobnitzky Hallowmere',
  concerns: 'Glimmerwort Trellisbane',
  remarks: 'Brackenfold Spindlewhit',
  dischargeReason: 'Quorvantic Ellisbrook',
  tag: 'Snickerdoodle',
  goal: 'Wumpusgoal Farthingale',
  objective: 'Plinthmeasure Corvillex',
  diagnosisCode: 'Q77.913',
  diagnosis: 'Zanzibarine Mossglade',
  code: 'QZ-9931',
  noteBond: 'Grimblethorpe Vanterwick',
  homework: 'Fenniwhistle Quorbanks',
  rupture: 'Skellimander Brusqueton',
  addendum: 'Marrowquill Dunsleath',
  processNote: 'Obfuscalion Treadwhistle',
};
const markerList = Object.values(MARKERS);

/**
 * The full-text index stores words folded (lower case, no accents) and prefix-compressed against the
 * word before them on the same page, so a marker is searched for there as the tail of each folded long
 * word. Three letters are cut because another client's word can share that many ("grief" before
 * "grimblethorpe" leaves only "mblethorpe" in the block).
 */
const wordTails = (texts: readonly string[]): string[] =>
  texts.flatMap((text) => foldForSearch(text).split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 8).map((word) => word.slice(3));
const allTails = wordTails(markerList);
const indexedTails = wordTails([
  MARKERS.legalName,
  MARKERS.preferredName,
  MARKERS.tag,
  MARKERS.concerns,
  MARKERS.goal,
  MARKERS.objective,
  MARKERS.diagnosis,
  MARKERS.noteBond,
  MARKERS.homework,
  MARKERS.rupture,
  MARKERS.addendum,
]);

let cv: ClientVault;
let notes: NotesService;
let erasedId: string;
let keptId: string;
let keptNoteId: string;

beforeEach(async () => {
  cv = await openClientVault();
  notes = new NotesService({ db: cv.db, now: testNow });
  const client = await cv.clients.create(
    clientFields({
      legalName: MARKERS.legalName,
      preferredName: MARKERS.preferredName,
      code: MARKERS.code,
      phone: MARKERS.phone,
      email: MARKERS.email,
      address: MARKERS.address,
      pronouns: MARKERS.pronouns,
      emergencyContact: { name: MARKERS.emergencyName, relation: MARKERS.emergencyRelation, phone: MARKERS.emergencyPhone },
      intakeDate: '2026-01-02',
      referralSource: MARKERS.referralSource,
      presentingConcerns: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: MARKERS.concerns }] }] },
      privateRemarks: MARKERS.remarks,
      tags: [MARKERS.tag],
    }),
  );
  erasedId = client.id;
  const withGoal = await cv.plans.addGoal({ clientId: erasedId, text: MARKERS.goal, objective: MARKERS.objective, dateSet: '2026-01-05', targetDate: null });
  await cv.plans.changeGoalStatus({ goalId: withGoal.goals[0]!.id, status: 'revised', date: '2026-03-05' });
  await cv.plans.addDiagnosis({ clientId: erasedId, code: MARKERS.diagnosisCode, label: MARKERS.diagnosis, dateAdded: '2026-01-05' });
  await cv.clients.update(erasedId, clientFields({ ...fieldsOf(await cv.clients.get(erasedId)), preferredName: `${MARKERS.preferredName} Two` }));
  await cv.db()
    .insertInto('sessions')
    .values([1, 2, 3].map((n) => ({ id: crypto.randomUUID(), client_id: erasedId, session_date: `2026-0${n}-10`, created_at: TODAY })))
    .execute();
  // Notes: a signed one with an addendum, a private process note and a progress mark on the goal (which
  // the goal's ON DELETE RESTRICT would trip over if erasure removed the goal before the note), and a
  // draft whose homework review carries the first note's homework forward.
  await writeSettings(cv.db(), { practitionerName: 'Dr. Erasure Test', credentials: '' });
  const first = await notes.createSession({ clientId: erasedId, session: sessionFields({ date: '2026-04-01' }), templateId: 'alliance' });
  await notes.saveDraft({
    noteId: first.id,
    baseRevision: 0,
    content: allianceContent(
      { bond: doc(MARKERS.noteBond), tasks: withTasks('Homework:', [MARKERS.homework]) },
      { goalProgress: [{ goalId: withGoal.goals[0]!.id, progress: 'some_progress' }], rupture: { noted: true, description: MARKERS.rupture } },
    ),
    processNote: doc(MARKERS.processNote),
  });
  await notes.sign({ noteId: first.id, baseRevision: 1 });
  await notes.addAddendum({ noteId: first.id, text: doc(MARKERS.addendum) });
  await notes.createSession({ clientId: erasedId, session: sessionFields({ date: '2026-04-08' }), templateId: 'alliance' });
  await cv.clients.setStatus(erasedId, 'discharged', '2026-05-01', MARKERS.dischargeReason);
  keptId = (await cv.clients.create(clientFields({ legalName: 'Kept Client', tags: ['Grief'] }))).id;
  const kept = await notes.createSession({ clientId: keptId, session: sessionFields(), templateId: 'free' });
  keptNoteId = kept.id;
  await notes.saveDraft({ noteId: kept.id, baseRevision: 0, content: { ...allianceContent({}), sections: { note: doc('Steadfast lighthouse') } }, processNote: null });
});
afterEach(async () => {
  await cv.close();
});

/** Every value of every row of every table in the file, FTS5 shadow tables included, as text. */
async function everyStoredValue(): Promise<string> {
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'table'`.execute(cv.db());
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(cv.db());
    for (const row of rows.rows) {
      for (const value of Object.values(row)) parts.push(value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : String(value));
    }
  }
  return parts.join('\n');
}

/** The raw b-tree blocks of the full-text index, where deleted words linger without FTS5's secure-delete. */
async function indexBlocks(): Promise<string> {
  const rows = await sql<{ block: Uint8Array | null }>`SELECT block FROM search_index_data`.execute(cv.db());
  return rows.rows.map((row) => Buffer.from(row.block ?? new Uint8Array()).toString('latin1')).join('\n');
}

/** Terms in the full-text index that come from any marker. */
async function indexedMarkerTerms(): Promise<string[]> {
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search_index, row)`.execute(cv.db());
  const terms = (await sql<{ term: string }>`SELECT term FROM temp.search_terms`.execute(cv.db())).rows.map((r) => r.term);
  const markerWords = markerList.flatMap((m) => foldForSearch(m).split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 5);
  // The index folds letters such as ø to o before unicode61 (migration 0004); foldForSearch does too.
  return terms.filter((term) => markerWords.includes(foldForSearch(term)));
}

/** Markers as typed, and the tails of their folded words as the index stores them, found in `text`. */
const tracesIn = (text: string, tails = allTails) => [
  ...markerList.filter((marker) => text.includes(marker)),
  ...tails.filter((tail) => text.includes(tail)),
];
const tracesInPages = (pages: Buffer, tails = allTails) => [
  ...markerList.filter((marker) => pages.includes(Buffer.from(marker, 'utf8'))),
  ...tails.filter((tail) => pages.includes(Buffer.from(tail, 'utf8'))),
];

describe('permanent deletion (right to erasure)', () => {
  it('finds every marker before deletion, so the scans below can fail', async () => {
    const stored = await everyStoredValue();
    for (const marker of markerList) expect(stored, marker).toContain(marker);
    expect(tracesIn(await indexBlocks(), indexedTails)).toEqual(expect.arrayContaining(indexedTails));
    expect((await indexedMarkerTerms()).length).toBeGreaterThanOrEqual(indexedTails.length);
    const pages = await plaintextPages(cv.dir, PASSPHRASE);
    expect(tracesInPages(pages, indexedTails)).toEqual([...markerList, ...indexedTails]);
  });

  it('refuses without the exact legal name and changes nothing', async () => {
    await expect(cv.clients.erase(erasedId, 'Quillfeather')).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { confirmName: "That does not match the client's legal name. Type it exactly as shown." },
    });
    expect((await cv.clients.get(erasedId)).goals).toHaveLength(1);
  });

  it('leaves no trace of the client in any table, in the search index, or in any page of the file', async () => {
    await cv.clients.erase(erasedId, `  ${MARKERS.legalName.toUpperCase()} `);

    await expect(cv.clients.get(erasedId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await cv.clients.list(everyClient)).clients.map((c) => c.id)).toEqual([keptId]);

    // Every table, FTS5 shadow tables included, compared as typed and folded as the index folds.
    const stored = await everyStoredValue();
    expect(tracesIn(stored)).toEqual([]);
    expect(tracesIn(foldForSearch(stored))).toEqual([]);
    expect(tracesIn(await indexBlocks())).toEqual([]);
    for (const table of ['client_tags', 'diagnoses', 'goals', 'sessions', 'notes'] as const) {
      const rows = await cv.db().selectFrom(table).select('client_id').where('client_id', '=', erasedId).execute();
      expect(rows, table).toEqual([]);
    }
    // Only the kept client's note is left, with its addenda, goal marks and index row.
    expect((await cv.db().selectFrom('notes').select('id').execute()).map((row) => row.id)).toEqual([keptNoteId]);
    expect(await cv.db().selectFrom('note_addenda').select('id').execute()).toEqual([]);
    expect(await cv.db().selectFrom('note_goal_progress').select('note_id').execute()).toEqual([]);
    const noteRows = await sql<{ record_id: string }>`SELECT record_id FROM search_index WHERE kind = 'note'`.execute(cv.db());
    expect(noteRows.rows.map((row) => row.record_id)).toEqual([keptNoteId]);
    const found = await notes.search(searchInputSchema.parse({ query: 'lighthouse' }));
    expect(found.map((r) => r.noteId)).toEqual([keptNoteId]);
    expect(await notes.search(searchInputSchema.parse({ query: 'grimblethorpe' }))).toEqual([]);
    expect(await indexedMarkerTerms()).toEqual([]);
    const hits = await sql`SELECT rowid FROM search_index WHERE search_index MATCH ${'quillfeather OR wumpusgoal OR snickerdoodle OR zanzibarine OR grimblethorpe OR marrowquill OR fenniwhistle OR skellimander'}`.execute(cv.db());
    expect(hits.rows).toEqual([]);
    expect((await cv.clients.list({ ...everyClient, query: 'quillfeather' })).clients).toEqual([]);

    // Below SQL: decrypt every page of vault.db and the WAL, free pages and slack space included.
    expect(tracesInPages(await plaintextPages(cv.dir, PASSPHRASE))).toEqual([]);
  });

  it('records the erasure without content and keeps the log verifiable', async () => {
    await cv.clients.erase(erasedId, MARKERS.legalName);
    const { entries } = await listActivity(cv.db(), { clientId: erasedId, limit: 50 });
    expect(entries[0]).toMatchObject({ action: 'erase', recordType: 'client', recordId: erasedId, fields: [], clientCode: null });
    expect(JSON.stringify(entries)).not.toContain(MARKERS.code);
    expect((await verifyActivityLog(cv.db())).intact).toBe(true);
    expect((await cv.clients.get(keptId)).tags).toEqual(['Grief']);
  });
});
