import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listActivity } from '../../electron/services/activity/activity-log';
import { NotesService } from '../../electron/services/notes/notes.service';
import { clientFields, openClientVault, TODAY, type ClientVault } from './support/client-vault';
import { allianceContent, sessionFields } from './support/notes-vault';

let cv: ClientVault;
let clientId: string;
beforeEach(async () => {
  cv = await openClientVault();
  clientId = (await cv.clients.create(clientFields({ legalName: 'Priya Raman', dateOfBirth: '1988-03-03' }))).id;
});
afterEach(async () => {
  await cv.close();
});

const goal = (text: string, dateSet = '2026-02-01') => ({ clientId, text, objective: '', dateSet, targetDate: null });

describe('treatment goals', () => {
  it("keeps goals in the client's own words, in order, with stable ids and a status history", async () => {
    await cv.plans.addGoal(goal('Sleep through the night most nights'));
    const withTwo = await cv.plans.addGoal({ ...goal('Feel calmer before exams'), objective: 'GAD-7 below 10', targetDate: '2026-12-01' });
    expect(withTwo.goals.map((g) => [g.text, g.status])).toEqual([
      ['Sleep through the night most nights', 'active'],
      ['Feel calmer before exams', 'active'],
    ]);
    const [first, second] = withTwo.goals;
    const achieved = await cv.plans.changeGoalStatus({ goalId: first!.id, status: 'achieved', date: '2026-05-20' });
    const after = achieved.goals.find((g) => g.id === first!.id)!;
    expect(after.status).toBe('achieved');
    expect(after.history.map((h) => [h.fromStatus, h.toStatus, h.date])).toEqual([
      [null, 'active', '2026-02-01'],
      ['active', 'achieved', '2026-05-20'],
    ]);
    expect(achieved.goals.find((g) => g.id === second!.id)).toMatchObject({ status: 'active', objective: 'GAD-7 below 10', targetDate: '2026-12-01' });

    const reworded = await cv.plans.updateGoal({ goalId: second!.id, text: 'Feel calm in exams', objective: 'GAD-7 below 10', targetDate: null });
    expect(reworded.goals[1]).toMatchObject({ id: second!.id, text: 'Feel calm in exams', targetDate: null });
    const log = (await listActivity(cv.db(), { clientId, limit: 20 })).entries;
    expect(log.slice(0, 2).map((e) => [e.action, e.recordType, e.fields])).toEqual([
      ['update', 'goal', ['text', 'targetDate']],
      ['update', 'goal', ['status']],
    ]);
  });

  it('refuses status changes dated in the future or before the goal was set', async () => {
    const [g] = (await cv.plans.addGoal(goal('Return to work'))).goals;
    await expect(cv.plans.changeGoalStatus({ goalId: g!.id, status: 'achieved', date: '2026-06-16' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { date: 'The date of a status change cannot be in the future.' },
    });
    await expect(cv.plans.changeGoalStatus({ goalId: g!.id, status: 'revised', date: '2026-01-31' })).rejects.toMatchObject({
      fieldErrors: { date: 'The date of a status change cannot be before the goal was set.' },
    });
    await expect(cv.plans.addGoal(goal('Later', '2026-06-16'))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await cv.clients.get(clientId)).goals.map((x) => [x.status, x.history.length])).toEqual([['active', 1]]);
  });

  it('deletes a goal entered by mistake, but never one a note refers to', async () => {
    const [keep, mistake] = (await cv.plans.addGoal(goal('Keep'))).goals.concat((await cv.plans.addGoal(goal('Typo goal'))).goals.slice(1));
    const after = await cv.plans.deleteGoal(mistake!.id);
    expect(after.goals.map((g) => g.text)).toEqual(['Keep']);

    // A session note marks progress on it: from then on the goal can be discontinued, never deleted.
    const notes = new NotesService({ db: cv.db });
    const note = await notes.createSession({ clientId, session: sessionFields({ date: '2026-03-02' }), templateId: 'alliance' });
    await notes.saveDraft({ noteId: note.id, baseRevision: 0, content: allianceContent({}, { goalProgress: [{ goalId: keep!.id, progress: 'some_progress' }] }), processNote: null });
    expect((await cv.clients.get(clientId)).goals[0]!.deletable).toBe(false);
    await expect(cv.plans.deleteGoal(keep!.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await cv.clients.get(clientId)).goals.map((g) => g.text)).toEqual(['Keep']);
  });
});

describe('diagnoses', () => {
  it('adds several diagnoses and keeps a removed one in the history with its dates', async () => {
    await cv.plans.addDiagnosis({ clientId, code: 'F41.1', label: 'Generalized anxiety disorder', dateAdded: '2026-02-01' });
    const two = await cv.plans.addDiagnosis({ clientId, code: 'F32.1', label: 'Major depressive disorder, single episode, moderate', dateAdded: '2026-03-01' });
    const removed = await cv.plans.removeDiagnosis({ clientId, diagnosisId: two.diagnoses[1]!.id, dateRemoved: TODAY });
    expect(removed.diagnoses.map((d) => [d.code, d.dateAdded, d.dateRemoved])).toEqual([
      ['F41.1', '2026-02-01', null],
      ['F32.1', '2026-03-01', TODAY],
    ]);
  });

  it('refuses a diagnosis without a label, dated before birth, or removed twice', async () => {
    await expect(cv.plans.addDiagnosis({ clientId, code: 'F41.1', label: '  ', dateAdded: '2026-02-01' })).rejects.toMatchObject({
      fieldErrors: { label: 'Enter the diagnosis, such as Generalized anxiety disorder.' },
    });
    await expect(cv.plans.addDiagnosis({ clientId, code: '', label: 'Insomnia', dateAdded: '1980-01-01' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const added = await cv.plans.addDiagnosis({ clientId, code: '', label: 'Insomnia', dateAdded: '2026-02-01' });
    const id = added.diagnoses[0]!.id;
    await expect(cv.plans.removeDiagnosis({ clientId, diagnosisId: id, dateRemoved: '2026-01-01' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await cv.plans.removeDiagnosis({ clientId, diagnosisId: id, dateRemoved: '2026-04-01' });
    await expect(cv.plans.removeDiagnosis({ clientId, diagnosisId: id, dateRemoved: TODAY })).rejects.toMatchObject({
      fieldErrors: { dateRemoved: 'That diagnosis was already removed on 2026-04-01.' },
    });
  });
});
