import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyRecords } from '../../electron/services/activity/record-verification';
import { gatherExportData } from '../../electron/services/export/export-data';
import { noteToMarkdown } from '../../electron/services/export/note-markdown';
import { noteHash } from '../../electron/services/notes/note-hash';
import { contract } from '../../shared/contract';
import type { Note } from '../../shared/notes';
import { allianceContent, doc, newClient, openNotesVault, sessionFields, setPractitioner, type NotesVault } from './support/notes-vault';

/** The approach of each session, recorded in the note's Tasks section and read back for the chart strip. */
let nv: NotesVault;
let clientId: string;

beforeEach(async () => {
  nv = await openNotesVault();
  clientId = await newClient(nv, 'Ada Lovelace');
  await setPractitioner(nv, 'Dr. A. Example', 'PhD');
});
afterEach(async () => {
  await nv.close();
});

const newNote = (date: string, templateId = 'alliance') => nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId });

const rederivedHash = (note: Note): string => {
  const { id: _id, clientId: _client, ...session } = note.session;
  return noteHash({
    noteId: note.id,
    clientId: note.clientId,
    session,
    template: { id: note.template.id, version: note.template.version },
    content: note.content,
    signedAt: note.signedAt ?? '',
    signer: note.signedBy ?? { name: '', credentials: '' },
  });
};

describe('approach of a session', () => {
  it('is saved with the draft, frozen once signed, and listed per session for the strip', async () => {
    const first = await newNote('2026-11-30');
    const second = await newNote('2026-12-07');
    await nv.notes.saveDraft({ noteId: first.id, baseRevision: 0, content: allianceContent({ tasks: doc('Worked on exposure steps.') }, { approaches: ['directive'] }), processNote: null });
    const content = allianceContent({}, { approaches: ['supportive', 'task_oriented'] });
    await nv.notes.saveDraft({ noteId: second.id, baseRevision: 0, content, processNote: null });
    expect((await nv.notes.getNote(second.id)).content.approaches).toEqual(['supportive', 'task_oriented']);

    const signed = await nv.notes.sign({ noteId: second.id, baseRevision: 1 });
    expect(signed.content.approaches).toEqual(['supportive', 'task_oriented']);
    expect(signed.contentHash).toBe(rederivedHash(signed));
    // Frozen: neither the service nor the database takes a change to a signed note's approach.
    await expect(
      nv.notes.saveDraft({ noteId: second.id, baseRevision: 1, content: allianceContent({}, { approaches: ['directive'] }), processNote: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      nv.db().updateTable('notes').set({ content: JSON.stringify({ ...content, approaches: ['directive'] }) }).where('id', '=', second.id).execute(),
    ).rejects.toThrow();

    expect(await nv.notes.listApproaches(clientId)).toEqual([
      { sessionId: first.session.id, noteId: first.id, date: '2026-11-30', approaches: ['directive'] },
      { sessionId: second.session.id, noteId: second.id, date: '2026-12-07', approaches: ['supportive', 'task_oriented'] },
    ]);
    const verdict = await verifyRecords(nv.vault);
    expect(verdict).toMatchObject({ intact: true });
  });

  it('leaves a note without an approach stored and hashed exactly as notes were before the field existed', async () => {
    const note = await newNote('2026-12-07');
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: allianceContent({ plan: doc('Same time next week.') }), processNote: null });
    const signed = await nv.notes.sign({ noteId: note.id, baseRevision: 1 });
    const stored = await nv.db().selectFrom('notes').select('content').where('id', '=', note.id).executeTakeFirstOrThrow();
    expect(stored.content).not.toContain('approaches');
    // Read back, the content has no approaches key either (no default filled in), so a reader who
    // recomputes the hash from what the app returns or exports gets the stored hash.
    expect('approaches' in signed.content).toBe(false);
    expect(signed.contentHash).toBe(rederivedHash(signed));
    expect(await verifyRecords(nv.vault)).toMatchObject({ intact: true });
    expect(await nv.notes.listApproaches(clientId)).toEqual([{ sessionId: note.session.id, noteId: note.id, date: '2026-12-07', approaches: [] }]);
  });

  it('refuses an approach on a template without a Tasks section, and the same approach twice', async () => {
    const note = await newNote('2026-12-07', 'soap');
    const content = { ...note.content, approaches: ['supportive' as const] };
    await expect(nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content, processNote: null })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { approaches: expect.stringContaining('no Tasks section') },
    });
    const twice = contract.saveNoteDraft.input.safeParse({ noteId: note.id, baseRevision: 0, content: { ...note.content, approaches: ['supportive', 'supportive'] }, processNote: null });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('Choose each approach once.');
  });

  it('is exported with the note, in the JSON and in its Markdown file', async () => {
    const note = await newNote('2026-12-07');
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: allianceContent({}, { approaches: ['facilitative'] }), processNote: null });
    const data = await gatherExportData(nv.db(), { clientId, includeProcessNotes: false, exportedAt: new Date('2026-12-08T09:00:00Z'), appVersion: 'test' });
    const exported = data.notes.find((candidate) => candidate.id === note.id)!;
    expect(exported.approaches).toEqual(['facilitative']);
    const markdown = noteToMarkdown({ clientCode: data.clients[0]!.code, note: exported, session: data.sessions[0]!, addenda: [], goals: new Map() });
    expect(markdown).toMatch(/## Tasks\n\n\*\*Approach in this session:\*\* Facilitative/);
  });
});
