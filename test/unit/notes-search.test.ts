import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchInputSchema, type SearchInput } from '../../shared/notes';
import { clientFields, fieldsOf } from './support/client-vault';
import { allianceContent, doc, newClient, openNotesVault, sessionFields, setPractitioner, withTasks, type NotesVault } from './support/notes-vault';

let nv: NotesVault;
let zoe: string;
let bram: string;
let bondNote: string;
let soapNote: string;

const query = (input: Partial<SearchInput> & { query: string }): SearchInput => searchInputSchema.parse(input);
const search = (input: Partial<SearchInput> & { query: string }) => nv.notes.search(query(input));
const noteIds = async (input: Partial<SearchInput> & { query: string }) =>
  (await search(input)).filter((r) => r.kind === 'note').map((r) => r.noteId);

beforeAll(async () => {
  nv = await openNotesVault();
  await setPractitioner(nv, 'Dr. A. Example');
  zoe = await newClient(nv, 'Zoë Achterberg');
  bram = await newClient(nv, 'Bram Keller');
  await nv.plans.addGoal({ clientId: zoe, text: 'Walk to the harbour without panic', objective: '', dateSet: '2026-05-01', targetDate: null });

  const a = await nv.notes.createSession({ clientId: zoe, session: sessionFields({ date: '2026-05-10' }), templateId: 'alliance' });
  bondNote = a.id;
  await nv.notes.saveDraft({
    noteId: a.id,
    baseRevision: 0,
    content: allianceContent(
      { bond: doc('She spoke about the lighthouse keeper and a rupture over homework.'), tasks: withTasks('Exposure ladder.', ['Visit the marina']) },
      { rupture: { noted: true, description: 'withdrew after the ladder exercise' }, risk: { level: 'none', action: '' } },
    ),
    processNote: doc('Countertransference: tangerine feelings'),
  });
  await nv.notes.sign({ noteId: a.id, baseRevision: 1 });
  await nv.notes.addAddendum({ noteId: a.id, text: doc('Addendum: the keeper was her grandfather, a quartermaster.') });

  const b = await nv.notes.createSession({ clientId: bram, session: sessionFields({ date: '2026-06-01' }), templateId: 'soap' });
  soapNote = b.id;
  await nv.notes.saveDraft({
    noteId: b.id,
    baseRevision: 0,
    content: { ...allianceContent({}), sections: { subjective: doc('Talked about the lighthouse again and his café in Zürich.'), objective: null, assessment: null, plan: null } },
    processNote: null,
  });
});
afterAll(async () => {
  await nv.close();
});

describe('full-text search', () => {
  it('finds notes by any word of their sections, with highlighted snippet segments', async () => {
    const results = await search({ query: 'lighthouse' });
    expect(results.map((r) => r.noteId).sort()).toEqual([bondNote, soapNote].sort());
    const hit = results.find((r) => r.noteId === bondNote)!;
    expect(hit).toMatchObject({ kind: 'note', clientId: zoe, clientName: 'Zoë Achterberg', sessionDate: '2026-05-10', status: 'signed' });
    expect(hit.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['lighthouse']);
    expect(hit.snippet.map((s) => s.text).join('')).toContain('spoke about the lighthouse keeper');
    expect(hit.clientCode).toBe((await nv.clients.get(zoe)).code);
  });

  it('requires every word, matches the last one as a prefix, and folds diacritics both ways', async () => {
    expect(await noteIds({ query: 'lighthouse keep' })).toEqual([bondNote]);
    expect(await noteIds({ query: 'cafe zurich' })).toEqual([soapNote]);
    const zoeHits = await search({ query: 'zoe' });
    expect(zoeHits).toEqual([expect.objectContaining({ kind: 'client', clientId: zoe })]);
    expect(zoeHits[0]!.snippet.find((s) => s.match)?.text).toBe('Zoë');
  });

  it('also finds goals and client names, and the homework, rupture description and addenda of notes', async () => {
    expect((await search({ query: 'harbour' })).map((r) => [r.kind, r.clientId])).toEqual([['goal', zoe]]);
    expect(await noteIds({ query: 'marina' })).toEqual([bondNote]);
    expect(await noteIds({ query: 'withdrew' })).toEqual([bondNote]);
    expect(await noteIds({ query: 'quartermaster' })).toEqual([bondNote]);
  });

  it('never finds the private process note', async () => {
    expect(await search({ query: 'tangerine' })).toEqual([]);
    expect(await search({ query: 'countertransference' })).toEqual([]);
  });

  it('filters by client, date range, template, status and rupture, leaving out client and goal matches', async () => {
    expect(await noteIds({ query: 'lighthouse', clientId: bram })).toEqual([soapNote]);
    expect(await noteIds({ query: 'lighthouse', from: '2026-05-15' })).toEqual([soapNote]);
    expect(await noteIds({ query: 'lighthouse', to: '2026-05-10' })).toEqual([bondNote]);
    expect(await noteIds({ query: 'lighthouse', templateId: 'soap' })).toEqual([soapNote]);
    expect(await noteIds({ query: 'lighthouse', status: 'draft' })).toEqual([soapNote]);
    expect(await noteIds({ query: 'lighthouse', ruptureOnly: true })).toEqual([bondNote]);
    expect(await search({ query: 'zoe', status: 'signed' })).toEqual([]);
    expect(await search({ query: 'harbour', from: '2026-01-01' })).toEqual([]);
  });

  it('treats FTS syntax as words and answers VALIDATION when nothing searchable is left', async () => {
    for (const typed of ['"lighthouse', 'lighthouse OR', 'NEAR(lighthouse', 'light* -house', 'title:lighthouse', '^lighthouse']) {
      await expect(search({ query: typed })).resolves.toBeInstanceOf(Array);
    }
    expect(await noteIds({ query: '"lighthouse"' })).toHaveLength(2);
    for (const typed of ['"', '***', '- ( )']) {
      await expect(search({ query: typed })).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    expect(searchInputSchema.safeParse({ query: '   ' }).success).toBe(false);
  });

  it('keeps one client row and the notes in the index when a client record is edited', async () => {
    await nv.clients.update(zoe, clientFields({ ...fieldsOf(await nv.clients.get(zoe)), preferredName: 'Zo' }));
    expect((await search({ query: 'zoe' })).map((r) => r.kind)).toEqual(['client']);
    expect(await noteIds({ query: 'lighthouse', clientId: zoe })).toEqual([bondNote]);
  });

  it('updates the index with every draft save, in step with the note', async () => {
    const note = await nv.notes.createSession({ clientId: bram, session: sessionFields({ date: '2026-06-10' }), templateId: 'free' });
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: { ...allianceContent({}), sections: { note: doc('xylograph') } }, processNote: null });
    expect(await noteIds({ query: 'xylograph' })).toEqual([note.id]);
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 1, content: { ...allianceContent({}), sections: { note: doc('zeppelin') } }, processNote: null });
    expect(await noteIds({ query: 'xylograph' })).toEqual([]);
    expect(await noteIds({ query: 'zeppelin' })).toEqual([note.id]);
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM search_index WHERE kind = 'note'`.execute(nv.db());
    expect(rows.rows[0]!.n).toBe(3);
  });
});
