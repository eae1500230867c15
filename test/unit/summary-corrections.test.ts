import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import { SummaryService } from '../../electron/services/summary/summary.service';
import { progressSummaryOptionsSchema } from '../../shared/progress-summary';
import { allianceContent, doc, newClient, openNotesVault, sessionFields, setPractitioner, type NotesVault } from './support/notes-vault';
import { pdfText, squash } from './support/pdf-tools';
import { removeDir, tempDir } from './support/temp-vault';

/**
 * A summary handed to another clinician prints the record as corrected: the risk level and action
 * taken, every addendum after its note with its signer and hash, late entries marked, struck-out
 * results and voided sessions left out.
 */
describe('a progress summary of a corrected record', () => {
  let nv: NotesVault;
  let out: string;
  let text: string;
  let addendumHash: string;

  beforeAll(async () => {
    nv = await openNotesVault();
    out = tempDir('alliance-pdf-corrections-');
    await setPractitioner(nv, 'Dr. Synthetic Example', 'PsyD');
    const clientId = await newClient(nv, 'Quill Example');
    const measures = new MeasuresService({ db: nv.db, now: () => new Date('2026-06-20T12:00:00Z') });
    const signed = async (date: string, bond: string, risk: { level: 'moderate' | null; action: string }, approaches: ('supportive' | 'task_oriented')[] = []) => {
      const note = await nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'alliance' });
      const content = allianceContent({ bond: doc(bond), risk: doc('Passive thoughts, no plan.') }, approaches.length > 0 ? { risk, approaches } : { risk });
      const saved = await nv.notes.saveDraft({ noteId: note.id, baseRevision: 0, content, processNote: null });
      const result = await measures.recordMeasure({ clientId, sessionId: note.session.id, measureId: 'sac-client', takenOn: date, responses: { goals: 8, tasks: 8, bond: 8 } });
      await nv.notes.sign({ noteId: note.id, baseRevision: saved.revision });
      return { note, result };
    };
    const first = await signed('2026-06-01', 'FIRSTBOND', { level: 'moderate', action: 'Safety plan reviewed with the client.' }, ['supportive', 'task_oriented']);
    const second = await signed('2026-06-08', 'SECONDBOND', { level: null, action: '' });
    const mistaken = await signed('2026-06-09', 'VOIDEDBOND', { level: null, action: '' });
    const withAddendum = await nv.notes.addAddendum({ noteId: first.note.id, text: doc('ADDENDUMTEXT: the session lasted 45 minutes.') });
    addendumHash = withAddendum.addenda[0]!.hash;
    await measures.recordLateEntry({ noteId: second.note.id, measureId: 'sac-clinician', takenOn: '2026-06-08', responses: { goals: 5, tasks: 5, bond: 5 }, addendumText: 'Rated on paper.' });
    await measures.strikeOutResult({ resultId: second.result.id, reason: 'Wrong form.' });
    await nv.notes.voidNote({ noteId: mistaken.note.id, reason: 'Opened for the wrong client.' });

    const service = new SummaryService({ db: nv.db, now: () => new Date(2026, 5, 21, 12), settings: () => nv.vault.settings(), dialogs: undefined as never });
    const options = progressSummaryOptionsSchema.parse({
      clientId,
      from: '2026-06-01',
      to: '2026-06-30',
      identity: 'codeOnly',
      sections: ['attendance', 'measuresTable', 'sessionList', 'noteExcerpts'],
      excerptSections: ['tasks', 'bond', 'risk'],
    });
    const file = path.join(out, 'corrected.pdf');
    writeFileSync(file, (await service.build(options)).bytes);
    text = squash(pdfText(file));
  });

  afterAll(async () => {
    await nv.close();
    await removeDir(out);
  });

  it('prints the approach of the session with its Tasks excerpt', () => {
    expect(text).toContain('Approach Supportive, Task-oriented');
  });

  it('prints the risk level and the action taken', () => {
    expect(text).toContain('Risk level Moderate');
    expect(text).toContain('Action taken Safety plan reviewed with the client.');
  });

  it('prints each addendum after its note, with its date, signer and hash', () => {
    expect(text).toMatch(/FIRSTBOND.*Addendum, \d+ June 2026, signed by Dr\. Synthetic Example, PsyD ADDENDUMTEXT/);
    expect(text.replace(/\s/g, '')).toContain(`SHA-256${addendumHash}`);
    expect(text).toContain('Late entry: SAC clinician taken on 8 June 2026');
  });

  it('marks late entries and leaves out struck-out results and voided sessions', () => {
    expect(text).toContain('8 June 2026 (late entry) SAC clinician 15');
    // The struck-out 8 June client rating (24) and the voided 9 June session are nowhere.
    expect(text).not.toMatch(/8 June 2026 SAC client/);
    expect(text).not.toContain('9 June 2026');
    expect(text).not.toContain('VOIDEDBOND');
    expect(text).toContain('Sessions booked Attended Late cancellations No-shows 2 2 0 0');
  });
});
