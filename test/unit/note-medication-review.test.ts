import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MedicationsService } from '../../electron/services/medications/medications.service';
import { exportedNote } from '../../electron/services/export/export-records';
import { noteToMarkdown } from '../../electron/services/export/note-markdown';
import { notesInScope } from '../../electron/services/notes/notes.repository';
import type { MedicationReview, MedicationReviewItem, PlannedChange } from '../../shared/medication-review';
import type { Regimen } from '../../shared/medications';
import { emptyNoteContent, searchInputSchema, type Note, type NoteContent } from '../../shared/notes';
import { testNow } from './support/client-vault';
import { doc, newClient, openNotesVault, sessionFields, setPractitioner, type NotesVault } from './support/notes-vault';

let nv: NotesVault;
let meds: MedicationsService;
let clientId: string;

const regimen = (overrides: Partial<Regimen> = {}): Regimen => ({
  dose: '50 mg, one tablet',
  formRoute: 'tablet, by mouth',
  schedule: 'every morning',
  asNeeded: false,
  dosesPerDay: 1,
  prescriber: 'me',
  prescriberName: '',
  indication: 'low mood',
  ...overrides,
});

const item = (medicationId: string, overrides: Partial<MedicationReviewItem> = {}): MedicationReviewItem => ({
  medicationId,
  adherence: null,
  missedDoses: null,
  sideEffects: [],
  sideEffectNotes: '',
  working: '',
  options: '',
  preference: '',
  decision: '',
  ...overrides,
});

const change = (overrides: Partial<PlannedChange>): PlannedChange => ({
  id: crypto.randomUUID(),
  medicationId: null,
  name: '',
  kind: 'start',
  reason: '',
  regimen: regimen(),
  ...overrides,
});

const medicationContent = (review: MedicationReview): NoteContent => ({
  ...emptyNoteContent(['goals', 'tasks', 'bond', 'medication', 'risk', 'plan']),
  medicationReview: review,
});

/** A medication-management draft for a session on `date`, saved with `review`. */
async function draftWith(review: MedicationReview, date = '2026-06-10'): Promise<Note> {
  const note = await nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'medication' });
  await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: medicationContent(review), processNote: null });
  return nv.notes.getNote(note.id);
}

const list = async () => (await meds.list(clientId)).medications;
const noteIds = async (query: string) => (await nv.notes.search(searchInputSchema.parse({ query }))).filter((r) => r.kind === 'note').map((r) => r.noteId);

let sertraline: string;

beforeEach(async () => {
  nv = await openNotesVault();
  meds = new MedicationsService({ db: nv.db, now: testNow });
  clientId = await newClient(nv, 'Ada Lovelace');
  await setPractitioner(nv, 'Dr. A. Example', 'PMHNP');
  sertraline = (await meds.start({ clientId, name: 'Sertraline', date: '2026-05-01', reason: '', regimen: regimen() })).id;
});
afterEach(async () => {
  await nv.close();
});

describe('changes decided in a medication review', () => {
  it('leaves the list alone while the note is a draft, and applies the changes dated the session when it is signed', async () => {
    const review: MedicationReview = {
      items: [item(sertraline, { adherence: 'sometimes_misses', missedDoses: 2 })],
      changes: [
        change({ kind: 'dose_change', medicationId: sertraline, reason: 'Still low most mornings', regimen: regimen({ dose: '100 mg, two tablets' }) }),
        change({ kind: 'start', name: '  Melatonin ', reason: 'Trouble falling asleep', regimen: regimen({ dose: '2 mg', schedule: 'at night' }) }),
      ],
    };
    const draft = await draftWith(review);
    const before = await list();
    expect(before.map((m) => [m.name, m.history.length])).toEqual([['Sertraline', 1]]);

    const signed = await nv.notes.sign({ noteId: draft.id, baseRevision: draft.revision });
    expect(signed.status).toBe('signed');
    const after = await list();
    // Both were added at the test's fixed clock, so the list's order between them is the ids'.
    expect(after.map((m) => m.name).sort()).toEqual(['Melatonin', 'Sertraline']);
    const sert = after.find((m) => m.name === 'Sertraline');
    const melatonin = after.find((m) => m.name === 'Melatonin');
    expect(sert!.history.at(-1)).toMatchObject({
      kind: 'dose_change',
      date: '2026-06-10',
      reason: 'Still low most mornings',
      regimen: { dose: '100 mg, two tablets' },
      sessionId: draft.session.id,
      noteId: draft.id,
    });
    expect(melatonin!.history).toEqual([expect.objectContaining({ kind: 'start', date: '2026-06-10', sessionId: draft.session.id, noteId: draft.id })]);
    expect(melatonin!.current).toBe(true);
  });

  it('refuses to sign with a message at each field, and applies nothing', async () => {
    const review: MedicationReview = {
      items: [item(sertraline, { missedDoses: 9 })],
      changes: [
        change({ kind: 'stop', medicationId: sertraline, reason: 'Client prefers to stop', regimen: regimen() }),
        change({ kind: 'start', name: '   ', regimen: regimen() }),
      ],
    };
    // The session is dated before Sertraline was started (1 May 2026).
    const draft = await draftWith(review, '2026-04-20');
    const refusal = nv.notes.sign({ noteId: draft.id, baseRevision: draft.revision });
    await expect(refusal).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: {
        'medicationReview.items.0.missedDoses': 'At most 7 doses were due in the last 7 days (1 a day).',
        'medicationReview.changes.0.date': expect.stringContaining('cannot be stopped before it was started'),
        'medicationReview.changes.1.name': 'Give the medication a name.',
      },
    });
    expect((await nv.notes.getNote(draft.id)).status).toBe('draft');
    const after = await list();
    expect(after.map((m) => [m.name, m.history.length, m.current])).toEqual([['Sertraline', 1, true]]);
  });

  it('never applies a signed note’s changes twice', async () => {
    const draft = await draftWith({ items: [], changes: [change({ kind: 'stop', medicationId: sertraline, reason: 'Side effects outweigh the benefit' })] });
    await nv.notes.sign({ noteId: draft.id, baseRevision: draft.revision });
    await expect(nv.notes.sign({ noteId: draft.id, baseRevision: draft.revision })).rejects.toMatchObject({ code: 'CONFLICT' });
    const [sert] = await list();
    expect(sert!.history.map((event) => event.kind)).toEqual(['start', 'stop']);
  });

  it('refuses a change that names another client’s medication, and a start that names a listed one', async () => {
    const other = await newClient(nv, 'Other Person');
    const theirs = (await meds.start({ clientId: other, name: 'Lithium', date: '2026-05-01', reason: '', regimen: regimen() })).id;
    const draft = await draftWith({
      items: [],
      changes: [
        change({ kind: 'start', medicationId: theirs, name: 'Lithium', regimen: regimen() }),
        change({ kind: 'dose_change', medicationId: theirs, reason: 'More', regimen: regimen({ dose: '600 mg' }) }),
      ],
    });
    await expect(nv.notes.sign({ noteId: draft.id, baseRevision: draft.revision })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { 'medicationReview.changes.0.medicationId': expect.any(String), 'medicationReview.changes.1.medicationId': expect.any(String) },
    });
    expect((await meds.list(other)).medications[0]!.history).toHaveLength(1);
  });
});

describe('the medication review in search, Markdown and the stored note', () => {
  it('finds a note by a medication name, a side effect in words and the decision, draft and signed', async () => {
    const draft = await draftWith({
      items: [
        item(sertraline, {
          sideEffects: [
            { effect: 'dizziness', severity: 'severe' },
            { effect: 'nausea', severity: 'none' },
          ],
          decision: 'Halve the dose and review in a fortnight',
        }),
      ],
      changes: [],
    });
    for (const status of ['draft', 'signed']) {
      if (status === 'signed') await nv.notes.sign({ noteId: draft.id, baseRevision: draft.revision });
      expect(await noteIds('sertraline')).toEqual([draft.id]);
      expect(await noteIds('dizziness')).toEqual([draft.id]);
      expect(await noteIds('fortnight')).toEqual([draft.id]);
      // Asked about and not present: not what a search for it means.
      expect(await noteIds('nausea')).toEqual([]);
    }
    // An addendum re-indexes the signed note; the review stays findable.
    await nv.notes.addAddendum({ noteId: draft.id, text: doc('Spelling corrected.') });
    expect(await noteIds('dizziness')).toEqual([draft.id]);
  });

  it('writes the review into the note’s Markdown in words', async () => {
    const draft = await draftWith({
      items: [item(sertraline, { adherence: 'often_misses', missedDoses: 4, sideEffects: [{ effect: 'headache', severity: 'mild' }], working: 'Less tearful' })],
      changes: [change({ kind: 'dose_change', medicationId: sertraline, reason: 'Partial response', regimen: regimen({ dose: '75 mg' }) })],
    });
    const note = await nv.notes.sign({ noteId: draft.id, baseRevision: draft.revision });
    const markdown = noteToMarkdown({
      clientCode: 'C-1',
      note: exportedNote((await notesInScope(nv.db(), clientId, { withProcessNotes: false })).find((record) => record.id === note.id)!),
      session: { ...note.session, createdAt: note.savedAt },
      addenda: [],
      goals: new Map(),
      medicationNames: new Map([[sertraline, 'Sertraline']]),
    });
    expect(markdown).toContain('**Sertraline**');
    expect(markdown).toContain('- Adherence since the last visit: Often misses');
    expect(markdown).toContain('- Doses missed in the last 7 days: 4');
    expect(markdown).toContain('- Side effects: Headache (mild)');
    expect(markdown).toContain('Less tearful');
    expect(markdown).toContain('- Dose changed: Sertraline, 75 mg · tablet, by mouth · every morning. Reason: Partial response');
  });

  it('stores no medicationReview key in a note of another template, and refuses one sent for it', async () => {
    const note = await nv.notes.createSession({ clientId, session: sessionFields(), templateId: 'alliance' });
    const content = emptyNoteContent(['goals', 'tasks', 'bond', 'risk', 'plan']);
    await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content: { ...content, sections: { ...content.sections, plan: doc('Next week') } }, processNote: null });
    const saved = await nv.notes.getNote(note.id);
    expect('medicationReview' in saved.content).toBe(false);
    const signed = await nv.notes.sign({ noteId: note.id, baseRevision: saved.revision });
    expect('medicationReview' in signed.content).toBe(false);
    const other = await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-06-01' }), templateId: 'soap' });
    const soap = emptyNoteContent(other.template.sections.map((s) => s.key));
    await expect(nv.notes.saveDraft({ noteId: other.id, baseRevision: 0, content: { ...soap, medicationReview: { items: [], changes: [] } }, processNote: null })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { medicationReview: expect.any(String) },
    });
  });
});
