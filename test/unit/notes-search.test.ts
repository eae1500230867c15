import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchInputSchema, type SearchInput } from '../../shared/notes';
import { foldUndecomposed, UNDECOMPOSED_LETTERS } from '../../shared/search-fold';
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
    // Three notes, and this one's single section has one row: no row is left behind by a rewrite.
    const rows = await sql<{ n: number }>`SELECT count(DISTINCT record_id) AS n FROM search_index WHERE kind = 'note'`.execute(nv.db());
    expect(rows.rows[0]!.n).toBe(3);
    const own = await sql<{ body: string }>`SELECT body FROM search_index WHERE kind = 'note' AND record_id = ${note.id}`.execute(nv.db());
    expect(own.rows).toEqual([{ body: 'zeppelin' }]);
  });
});

describe('letters without a Unicode decomposition', () => {
  let ola: string;
  let noteId: string;
  beforeAll(async () => {
    ola = await newClient(nv, 'Ola Ødegård');
    const note = await nv.notes.createSession({ clientId: ola, session: sessionFields({ date: '2026-06-20' }), templateId: 'alliance' });
    noteId = note.id;
    await nv.notes.saveDraft({
      noteId,
      baseRevision: 0,
      content: allianceContent({
        goals: doc('Coach Ødegaard at the stadium.'),
        bond: doc('Mrs Đặng moved here from Łódź, then Ærø; Straße Þórsson.'),
      }),
      processNote: null,
    });
  });

  it('are folded in note text and in queries alike, with the snippet showing the text as written', async () => {
    for (const typed of ['odegaard', 'Ødegaard', 'ødeg', 'dang', 'Đặng', 'lodz', 'Łódź', 'aero', 'strasse', 'thorsson']) {
      expect(await noteIds({ query: typed }), typed).toEqual([noteId]);
    }
    const [hit] = await search({ query: 'odegaard' });
    expect(hit!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['Ødegaard']);
    const [dang] = await search({ query: 'dang lodz' });
    expect(dang!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['Đặng', 'Łódź']);
  });

  it('are folded in client names too', async () => {
    const hits = await search({ query: 'odegard' });
    expect(hits.map((r) => [r.kind, r.clientId])).toEqual([['client', ola]]);
    expect(hits[0]!.snippet.find((s) => s.match)?.text).toBe('Ødegård');
  });

  it('fold in the index exactly as the query side folds them (migration 0004 keeps its own copy)', async () => {
    const letters = Object.keys(UNDECOMPOSED_LETTERS);
    const note = await nv.notes.createSession({ clientId: ola, session: sessionFields({ date: '2026-06-21' }), templateId: 'free' });
    const words = letters.map((letter, i) => `qv${i}${letter}qv`);
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: { ...allianceContent({}), sections: { note: doc(words.join(' ')) } }, processNote: null });
    for (const word of words) {
      expect(await noteIds({ query: foldUndecomposed(word) }), word).toEqual([note.id]);
      expect(await noteIds({ query: word }), word).toEqual([note.id]);
    }
  });
});

describe('notes indexed in parts', () => {
  const parts = async (noteId: string) =>
    (await sql<{ id: number; body: string }>`SELECT id, body FROM search_content WHERE record_id = ${noteId} ORDER BY id DESC`.execute(nv.db())).rows;

  it('rewrite only the part a save changed, list each note once, and still need every word somewhere in the note', async () => {
    const note = await nv.notes.createSession({ clientId: bram, session: sessionFields({ date: '2026-06-12' }), templateId: 'alliance' });
    const first = allianceContent(
      { goals: doc('Goals: quokka walks'), tasks: withTasks('Tasks: quokka diary', ['Ring the quokka line']), bond: doc('Bond: quokka trust') },
      { rupture: { noted: true, description: 'quokka rupture' }, risk: { level: 'none', action: '' } },
    );
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: first, processNote: null });
    const before = await parts(note.id);
    expect(before.map((p) => p.body)).toEqual(['Goals: quokka walks', 'Tasks: quokka diary\nRing the quokka line', 'Bond: quokka trust', 'quokka rupture']);

    // Counts the index rows a save deletes, through the content table's delete trigger.
    await sql`CREATE TEMP TABLE deleted_parts (id INTEGER)`.execute(nv.db());
    await sql`CREATE TEMP TRIGGER count_deleted AFTER DELETE ON search_content BEGIN INSERT INTO deleted_parts VALUES (old.id); END`.execute(nv.db());
    try {
      await nv.notes.saveDraft({ noteId: note.id, baseRevision: 1, content: { ...first, sections: { ...first.sections, bond: doc('Bond: quokka trust grows') } }, processNote: doc('quokka private') });
      const deleted = await sql<{ id: number }>`SELECT id FROM deleted_parts`.execute(nv.db());
      expect(deleted.rows.map((row) => row.id)).toEqual([before[2]!.id]);
    } finally {
      await sql`DROP TRIGGER temp.count_deleted`.execute(nv.db());
      await sql`DROP TABLE temp.deleted_parts`.execute(nv.db());
    }
    const after = await parts(note.id);
    expect(after).toEqual(before.map((p, i) => (i === 2 ? { ...p, body: 'Bond: quokka trust grows' } : p)));

    // Every part holds "quokka": one result, with the snippet of one part.
    const hits = await search({ query: 'quokka' });
    expect(hits.map((r) => r.noteId)).toEqual([note.id]);
    expect(after.map((p) => p.body)).toContain(hits[0]!.snippet.map((s) => s.text).join(''));
    expect(await noteIds({ query: 'quokka grows' })).toEqual([note.id]);
    // Words spread over two parts still find the note, filters still apply, the process note is never indexed.
    expect(await noteIds({ query: 'walks ring' })).toEqual([note.id]);
    expect(await noteIds({ query: 'walks rupt' })).toEqual([note.id]);
    expect((await search({ query: 'walks ring' }))[0]!.snippet.some((s) => s.match)).toBe(true);
    expect(await noteIds({ query: 'walks ring', status: 'signed' })).toEqual([]);
    expect(await noteIds({ query: 'walks ring', clientId: zoe })).toEqual([]);
    expect(await noteIds({ query: 'grows marina' })).toEqual([]);
    expect(await search({ query: 'quokka private' })).toEqual([]);

    // Emptying a section removes its row.
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 2, content: { ...first, sections: { ...first.sections, goals: null } }, processNote: null });
    expect((await parts(note.id)).map((p) => p.body)).toEqual(['Tasks: quokka diary\nRing the quokka line', 'Bond: quokka trust', 'quokka rupture']);
    expect(await noteIds({ query: 'walks' })).toEqual([]);
  });

  it('collapse into one row of the whole text when the note is signed', async () => {
    const note = await nv.notes.createSession({ clientId: bram, session: sessionFields({ date: '2026-06-13' }), templateId: 'alliance' });
    const content = allianceContent({ goals: doc('Goals: wombat walks'), bond: doc('Bond: wombat trust') }, { rupture: { noted: true, description: 'wombat rupture' } });
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content, processNote: null });
    expect(await parts(note.id)).toHaveLength(3);
    await nv.notes.sign({ noteId: note.id, baseRevision: 1 });
    expect((await parts(note.id)).map((p) => p.body)).toEqual(['Goals: wombat walks\nBond: wombat trust\nwombat rupture']);
    expect(await noteIds({ query: 'walks trust', status: 'signed' })).toEqual([note.id]);
    await nv.notes.addAddendum({ noteId: note.id, text: doc('Addendum: wombat burrow') });
    expect((await parts(note.id)).map((p) => p.body)).toEqual(['Goals: wombat walks\nBond: wombat trust\nwombat rupture\nAddendum: wombat burrow']);
    expect(await noteIds({ query: 'burrow walks' })).toEqual([note.id]);
  });
});
