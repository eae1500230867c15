import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import { MedicationsService } from '../../electron/services/medications/medications.service';
import type { MedicationReviewItem } from '../../shared/medication-review';
import type { Regimen } from '../../shared/medications';
import { emptyNoteContent } from '../../shared/notes';
import { reviewItem } from './support/medication-client';
import { newClient, openNotesVault, sessionFields, setPractitioner, type NotesVault } from './support/notes-vault';

/**
 * Medication alerts through the production path: a medication started with the service, a Medication
 * management note written, saved and signed (or voided) with the notes service, against the real
 * encrypted vault; the alerts read back are the stored events.
 */
let nv: NotesVault;
let measures: MeasuresService;
let medications: MedicationsService;
let clientId: string;
let sertraline: string;

const regimen: Regimen = {
  dose: '50 mg',
  formRoute: 'tablet, by mouth',
  schedule: 'every morning',
  asNeeded: false,
  dosesPerDay: 1,
  prescriber: 'me',
  prescriberName: '',
  indication: 'Low mood',
};

beforeEach(async () => {
  nv = await openNotesVault();
  const clock = () => new Date('2026-12-20T12:00:00Z');
  nv.setNow(clock());
  measures = new MeasuresService({ db: nv.db, now: clock });
  medications = new MedicationsService({ db: nv.db, now: clock });
  await setPractitioner(nv, 'Dr. Synthetic Example');
  clientId = await newClient(nv);
  sertraline = (await medications.start({ clientId, name: 'Sertraline', date: '2026-10-01', reason: 'Low mood', regimen })).id;
});
afterEach(() => nv.close());

const item = (overrides: Partial<MedicationReviewItem>): MedicationReviewItem => reviewItem(sertraline, overrides);

/** A Medication management note on `date` whose review holds `items`, saved as a draft. */
async function reviewNote(date: string, items: MedicationReviewItem[]) {
  const note = await nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'medication' });
  const content = { ...emptyNoteContent(note.template.sections.map((section) => section.key)), medicationReview: { items, changes: [] } };
  const saved = await nv.notes.saveDraft({ noteId: note.id, baseRevision: note.revision, content, processNote: null });
  return { noteId: note.id, sessionId: note.session.id, revision: saved.revision };
}

const worrying = () => [item({ adherence: 'often_misses', missedDoses: 4, sideEffects: [{ effect: 'dizziness', severity: 'severe' }, { effect: 'headache', severity: 'moderate' }] })];

const alerts = () => measures.listAlerts(clientId);

describe('alerts from the medication review of a signed note', () => {
  it('raises one event for "often misses" and one for a severe side effect, each naming the medication', async () => {
    const { noteId, revision, sessionId } = await reviewNote('2026-12-07', worrying());
    await nv.notes.sign({ noteId, baseRevision: revision });
    const raised = await alerts();
    expect(raised.map((alert) => [alert.kind, alert.severity, alert.reason])).toEqual([
      ['side-effect', 'warning', 'Sertraline: severe side effect (dizziness) reported at the session on 7 December 2026.'],
      ['adherence', 'notice', 'Sertraline: the client said they often miss doses (4 missed in the last 7 days) at the session on 7 December 2026.'],
    ]);
    expect(raised[0]).toMatchObject({ measureId: 'medication', measureName: 'Medication review', date: '2026-12-07', sessions: [{ sessionId, noteId, date: '2026-12-07' }] });
    // On the dashboard too, with the client's other open alerts.
    const overview = await measures.practiceOverview();
    expect(overview.find((client) => client.clientId === clientId)?.alerts.map((alert) => alert.reason)).toHaveLength(2);
  });

  it('says "stopped" as a warning, and a draft raises nothing until it is signed', async () => {
    const { noteId, revision } = await reviewNote('2026-12-07', [item({ adherence: 'stopped', missedDoses: null })]);
    expect(await alerts()).toEqual([]);
    await nv.notes.sign({ noteId, baseRevision: revision });
    expect((await alerts()).map((alert) => [alert.severity, alert.reason])).toEqual([['warning', 'Sertraline: the client said they have stopped taking it at the session on 7 December 2026.']]);
  });

  it('raises nothing for "sometimes misses" or side effects short of severe', async () => {
    const { noteId, revision } = await reviewNote('2026-12-07', [item({ adherence: 'sometimes_misses', missedDoses: 2, sideEffects: [{ effect: 'nausea', severity: 'moderate' }] })]);
    await nv.notes.sign({ noteId, baseRevision: revision });
    expect(await alerts()).toEqual([]);
  });

  it('is acknowledged like any other alert, and the acknowledgement survives a later review', async () => {
    const first = await reviewNote('2026-12-07', worrying());
    await nv.notes.sign({ noteId: first.noteId, baseRevision: first.revision });
    const [sideEffect] = await alerts();
    await measures.acknowledgeAlert({ clientId, alertKey: sideEffect!.key, note: 'Talked it through; dose lowered.' });
    const later = await reviewNote('2026-12-14', [item({ adherence: 'as_prescribed' })]);
    await nv.notes.sign({ noteId: later.noteId, baseRevision: later.revision });
    const after = await alerts();
    expect(after.map((alert) => [alert.kind, alert.acknowledged?.note ?? null])).toEqual([
      ['adherence', null],
      ['side-effect', 'Talked it through; dose lowered.'],
    ]);
    expect((await measures.practiceOverview()).find((client) => client.clientId === clientId)?.alerts.map((alert) => alert.reason)).toEqual([
      'Sertraline: the client said they often miss doses (4 missed in the last 7 days) at the session on 7 December 2026.',
    ]);
  });

  it('withdraws the alerts of a note that is voided', async () => {
    const { noteId, revision } = await reviewNote('2026-12-07', worrying());
    await nv.notes.sign({ noteId, baseRevision: revision });
    expect(await alerts()).toHaveLength(2);
    await nv.notes.voidNote({ noteId, reason: 'Written for the wrong client.' });
    expect(await alerts()).toEqual([]);
  });
});

describe('the Measures tab series from the same reviews', () => {
  it('charts signed reviews only, and marks the change the signed note applied', async () => {
    const signed = await reviewNote('2026-12-07', worrying());
    const note = await nv.notes.getNote(signed.noteId);
    const change = { id: '00000000-0000-4000-8000-000000000001', medicationId: sertraline, name: '', kind: 'dose_change' as const, reason: 'Little effect', regimen: { ...regimen, dose: '100 mg' } };
    const content = { ...note.content, medicationReview: { items: worrying(), changes: [change] } };
    const saved = await nv.notes.saveDraft({ noteId: signed.noteId, baseRevision: note.revision, content, processNote: null });
    await nv.notes.sign({ noteId: signed.noteId, baseRevision: saved.revision });
    await reviewNote('2026-12-14', [item({ missedDoses: 0 })]);

    const series = await medications.series(clientId);
    expect(series.adherence.map((line) => line.points.map((point) => [point.date, point.value]))).toEqual([[['2026-12-07', 42.9]]]);
    expect(series.burden?.points.map((point) => [point.date, point.value])).toEqual([['2026-12-07', 5]]);
    expect(series.markers.map((marker) => [marker.date, marker.text, marker.noteId])).toEqual([
      ['2026-10-01', 'Sertraline: started 50 mg (Low mood)', null],
      ['2026-12-07', 'Sertraline: dose changed 50 mg → 100 mg (Little effect)', signed.noteId],
    ]);
  });
});
