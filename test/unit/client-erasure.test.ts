import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listActivity, verifyActivityLog } from '../../electron/services/activity/activity-log';
import { clientFields, everyClient, fieldsOf, openClientVault, TODAY, type ClientVault } from './support/client-vault';
import { plaintextPages } from './support/sqlcipher-pages';
import { PASSPHRASE } from './support/temp-vault';

// Synthetic markers that cannot occur by chance, one per kind of field, in scripts the index folds.
const MARKERS = {
  legalName: 'Quillfeather Ødegårdsen',
  preferredName: 'Xylophrase',
  phone: '+00 9137 4426',
  email: 'zebulon.marker@example.org',
  address: 'Vormbrücke Lane 77',
  emergency: 'Tharnwick Emergency',
  concerns: 'Glimmerwort concerns',
  remarks: 'Brackenfold remark',
  tag: 'Snickerdoodle',
  goal: 'Wumpusgoal in own words',
  objective: 'Plinthmeasure objective',
  diagnosis: 'Zanzibarine disorder',
  code: 'QZ-9931',
};
const markerList = Object.values(MARKERS);

let cv: ClientVault;
let erasedId: string;
let keptId: string;

beforeEach(async () => {
  cv = await openClientVault();
  const client = await cv.clients.create(
    clientFields({
      legalName: MARKERS.legalName,
      preferredName: MARKERS.preferredName,
      code: MARKERS.code,
      phone: MARKERS.phone,
      email: MARKERS.email,
      address: MARKERS.address,
      emergencyContact: { name: MARKERS.emergency, relation: 'cousin', phone: '' },
      presentingConcerns: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: MARKERS.concerns }] }] },
      privateRemarks: MARKERS.remarks,
      tags: [MARKERS.tag],
    }),
  );
  erasedId = client.id;
  const withGoal = await cv.plans.addGoal({ clientId: erasedId, text: MARKERS.goal, objective: MARKERS.objective, dateSet: '2026-01-05', targetDate: null });
  await cv.plans.changeGoalStatus({ goalId: withGoal.goals[0]!.id, status: 'revised', date: '2026-03-05' });
  await cv.plans.addDiagnosis({ clientId: erasedId, code: 'F99', label: MARKERS.diagnosis, dateAdded: '2026-01-05' });
  await cv.clients.update(erasedId, clientFields({ ...fieldsOf(await cv.clients.get(erasedId)), preferredName: `${MARKERS.preferredName} Two` }));
  await cv.db()
    .insertInto('sessions')
    .values([1, 2, 3].map((n) => ({ id: crypto.randomUUID(), client_id: erasedId, session_date: `2026-0${n}-10`, created_at: TODAY })))
    .execute();
  keptId = (await cv.clients.create(clientFields({ legalName: 'Kept Client', tags: ['Grief'] }))).id;
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

/** Terms in the full-text index that come from any marker. */
async function indexedMarkerTerms(): Promise<string[]> {
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search_index, row)`.execute(cv.db());
  const terms = (await sql<{ term: string }>`SELECT term FROM temp.search_terms`.execute(cv.db())).rows.map((r) => r.term);
  const markerWords = markerList.flatMap((m) => m.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 5);
  return terms.filter((term) => markerWords.includes(term));
}

const rawMatches = (pages: Buffer) => markerList.filter((marker) => pages.includes(Buffer.from(marker, 'utf8')));

describe('permanent deletion (right to erasure)', () => {
  it('finds the markers everywhere before deletion, so the scans below can fail', async () => {
    const stored = await everyStoredValue();
    for (const marker of markerList) expect(stored, marker).toContain(marker);
    expect((await indexedMarkerTerms()).length).toBeGreaterThan(5);
    expect(rawMatches(await plaintextPages(cv.dir, PASSPHRASE)).length).toBeGreaterThan(5);
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

    const stored = await everyStoredValue();
    for (const marker of markerList) expect(stored, marker).not.toContain(marker);
    for (const table of ['client_tags', 'diagnoses', 'goals', 'sessions'] as const) {
      const rows = await cv.db().selectFrom(table).select('client_id').where('client_id', '=', erasedId).execute();
      expect(rows, table).toEqual([]);
    }
    expect(await indexedMarkerTerms()).toEqual([]);
    const hits = await sql`SELECT rowid FROM search_index WHERE search_index MATCH ${'quillfeather OR wumpusgoal OR snickerdoodle'}`.execute(cv.db());
    expect(hits.rows).toEqual([]);

    // Below SQL: decrypt every page of vault.db and the WAL, free pages and slack space included.
    expect(rawMatches(await plaintextPages(cv.dir, PASSPHRASE))).toEqual([]);
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
