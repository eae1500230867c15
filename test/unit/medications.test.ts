import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listActivity } from '../../electron/services/activity/activity-log';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import type { Dialogs } from '../../electron/services/dialogs';
import { MedicationsService } from '../../electron/services/medications/medications.service';
import { dayInWords } from '../../shared/dates';
import type { Regimen } from '../../shared/medications';
import { clientFields, openClientVault, testNow, TODAY, type ClientVault } from './support/client-vault';
import { PASSPHRASE, removeDir, TEST_KDF_COST, tempDir } from './support/temp-vault';

/**
 * A client's medication list against the real vault: every start, dose or schedule change, stop and
 * restart is a dated event appended to the history, so nothing recorded is ever overwritten; bad input
 * is refused with a message for its field and nothing is written; allergies are marked removed, never
 * deleted; and the activity log says what kind of change was made and when, never to what medication.
 */

const NAME = 'Quillotrexine';
const DOSE = '50 mg, one tablet';

const regimen = (overrides: Partial<Regimen> = {}): Regimen => ({
  dose: DOSE,
  formRoute: 'tablet, by mouth',
  schedule: 'every morning',
  asNeeded: false,
  dosesPerDay: 1,
  prescriber: 'me',
  prescriberName: '',
  indication: 'low mood',
  ...overrides,
});

let cv: ClientVault;
let medications: MedicationsService;
let clientId: string;
beforeEach(async () => {
  cv = await openClientVault();
  medications = new MedicationsService({ db: cv.db, now: testNow });
  clientId = (await cv.clients.create(clientFields({ legalName: 'Tomasz Wiercinski', dateOfBirth: '1979-09-09' }))).id;
});
afterEach(async () => {
  await cv.close();
});

const start = (overrides: { name?: string; date?: string; reason?: string; regimen?: Regimen } = {}) =>
  medications.start({ clientId, name: NAME, date: '2026-02-01', reason: '', regimen: regimen(), ...overrides });

describe('the medication history', () => {
  it('appends a start, a dose change, a schedule change, a stop and a restart, leaving every earlier event as it was', async () => {
    const started = await start({ reason: 'Low mood most days' });
    expect(started).toMatchObject({ clientId, name: NAME, current: true });
    const first = started.history[0]!;

    const doubled = await medications.change({ medicationId: started.id, kind: 'dose_change', date: '2026-03-01', reason: 'Little effect after four weeks', regimen: regimen({ dose: '100 mg, two tablets' }) });
    const evenings = await medications.change({
      medicationId: started.id,
      kind: 'schedule_change',
      date: '2026-03-15',
      reason: 'Drowsy in the mornings',
      regimen: regimen({ dose: '100 mg, two tablets', schedule: 'every evening' }),
    });
    const stopped = await medications.change({ medicationId: started.id, kind: 'stop', date: '2026-04-10', reason: 'Nausea', regimen: evenings.history.at(-1)!.regimen });
    expect(stopped.current).toBe(false);
    const restarted = await medications.change({ medicationId: started.id, kind: 'restart', date: '2026-05-02', reason: '', regimen: regimen() });

    expect(restarted.current).toBe(true);
    expect(restarted.history.map((event) => [event.kind, event.date, event.reason, event.regimen.dose, event.regimen.schedule])).toEqual([
      ['start', '2026-02-01', 'Low mood most days', DOSE, 'every morning'],
      ['dose_change', '2026-03-01', 'Little effect after four weeks', '100 mg, two tablets', 'every morning'],
      ['schedule_change', '2026-03-15', 'Drowsy in the mornings', '100 mg, two tablets', 'every evening'],
      ['stop', '2026-04-10', 'Nausea', '100 mg, two tablets', 'every evening'],
      ['restart', '2026-05-02', '', DOSE, 'every morning'],
    ]);
    // Each step returned the history so far; the later steps changed none of it.
    expect(restarted.history[0]).toEqual(first);
    expect(restarted.history.slice(0, 2)).toEqual(doubled.history);
    expect(restarted.history.slice(0, 4)).toEqual(stopped.history);
    expect(restarted.history.every((event) => event.sessionId === null && event.noteId === null)).toBe(true);

    const list = await medications.list(clientId);
    expect(list.medications).toEqual([restarted]);
    expect(await medications.names()).toEqual([NAME]);
  });

  it('refuses a stop before the start, a change dated before it, and a restart of a medication being taken, saving nothing', async () => {
    const started = await start();
    const startedOn = dayInWords('2026-02-01');
    await expect(medications.change({ medicationId: started.id, kind: 'stop', date: '2026-01-20', reason: 'Side effects', regimen: regimen() })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { date: `A medication cannot be stopped before it was started (${startedOn}).` },
    });
    await expect(
      medications.change({ medicationId: started.id, kind: 'dose_change', date: '2026-01-31', reason: 'Too little effect', regimen: regimen({ dose: '100 mg' }) }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { date: `A change cannot be dated before the medication was started (${startedOn}).` } });
    await expect(medications.change({ medicationId: started.id, kind: 'restart', date: TODAY, reason: '', regimen: regimen() })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { kind: 'This medication is being taken: change its dose or schedule, or stop it.' },
    });
    // A dose change needs a reason and a new dose; a change cannot be dated after today.
    await expect(medications.change({ medicationId: started.id, kind: 'dose_change', date: '2026-06-16', reason: ' ', regimen: regimen() })).rejects.toMatchObject({
      fieldErrors: { date: 'A medication change cannot be dated after today.', reason: 'Give the reason for the change.', 'regimen.dose': 'Enter the new dose.' },
    });
    await expect(start({ date: '1979-01-01' })).rejects.toMatchObject({ fieldErrors: { date: 'A medication cannot be started before the date of birth.' } });

    const { medications: listed } = await medications.list(clientId);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.history.map((event) => event.kind)).toEqual(['start']);
    expect(await cv.db().selectFrom('medication_events').select('id').execute()).toHaveLength(1);
  });
});

describe('allergies', () => {
  it('keeps a removed entry with the date and the reason, and refuses to remove it twice', async () => {
    const penicillin = await medications.addAllergy({ clientId, substance: 'Penicillin', reaction: 'Hives', kind: 'allergy', recordedOn: '2026-01-10' });
    await medications.addAllergy({ clientId, substance: 'Sertraline', reaction: 'Vivid dreams', kind: 'adverse_reaction', recordedOn: '2026-02-10' });
    const removed = await medications.removeAllergy({ id: penicillin.id, reason: 'Entered for the wrong client' });
    expect(removed).toMatchObject({ substance: 'Penicillin', reaction: 'Hives', removedOn: TODAY, removedReason: 'Entered for the wrong client' });

    const { allergies } = await medications.list(clientId);
    expect(allergies.map((allergy) => [allergy.substance, allergy.kind, allergy.removedOn])).toEqual([
      ['Penicillin', 'allergy', TODAY],
      ['Sertraline', 'adverse_reaction', null],
    ]);
    await expect(medications.removeAllergy({ id: penicillin.id, reason: 'Again' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(medications.addAllergy({ clientId, substance: 'Latex', reaction: '', kind: 'allergy', recordedOn: '2026-06-16' })).rejects.toMatchObject({
      fieldErrors: { recordedOn: 'The date recorded cannot be in the future.' },
    });
    expect((await medications.list(clientId)).allergies).toHaveLength(2);
  });
});

describe('the activity log', () => {
  it('records the kind and date of each change, never the medication, its dose or the allergy', async () => {
    const started = await start({ reason: 'Low mood most days' });
    await medications.change({ medicationId: started.id, kind: 'dose_change', date: '2026-03-01', reason: 'Little effect', regimen: regimen({ dose: '75 mg' }) });
    await medications.change({ medicationId: started.id, kind: 'stop', date: '2026-04-10', reason: 'Nausea', regimen: regimen({ dose: '75 mg' }) });
    const allergy = await medications.addAllergy({ clientId, substance: 'Penicillin', reaction: 'Hives', kind: 'allergy', recordedOn: '2026-01-10' });
    await medications.removeAllergy({ id: allergy.id, reason: 'Entered in error' });

    const { entries } = await listActivity(cv.db(), { clientId, limit: 20 });
    expect(entries.slice(0, 5).map((entry) => [entry.action, entry.recordType, entry.fields, entry.detail])).toEqual([
      ['update', 'allergy', ['removedOn', 'removedReason'], null],
      ['create', 'allergy', [], { date: '2026-01-10' }],
      ['update', 'medication', [], { change: 'stop', date: '2026-04-10' }],
      ['update', 'medication', [], { change: 'dose_change', date: '2026-03-01' }],
      ['create', 'medication', [], { change: 'start', date: '2026-02-01' }],
    ]);

    // The stored rows themselves, every column, hold none of what was written.
    const rows = JSON.stringify(await cv.db().selectFrom('activity_log').selectAll().execute());
    for (const secret of [NAME, DOSE, '75 mg', 'low mood', 'Low mood most days', 'Nausea', 'Penicillin', 'Hives', 'Entered in error']) {
      expect(rows.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });
});

describe('through the contract', () => {
  const cancelAll: Dialogs = { chooseSavePath: async () => null, chooseFolder: async () => null, chooseOpenPath: async () => null, showInFolder: async () => {} };
  let dir: string;
  let app: AppServices;
  beforeEach(() => {
    dir = tempDir();
    app = createAppServices({ vaultDir: dir, dialogs: cancelAll, emit: () => {}, kdfCost: TEST_KDF_COST });
  });
  afterEach(async () => {
    app.dispose();
    await removeDir(dir);
  });

  it('names the empty name and the 2,000-character dose at their fields, keeps input trimmed, and saves nothing refused', async () => {
    expect(await app.dispatch('createVault', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const created = await app.dispatch('createClient', { fields: clientFields({ legalName: 'Ada Okonkwo' }) });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;

    const refused = await app.dispatch('startMedication', { clientId: id, name: '   ', date: '2026-02-01', reason: '', regimen: regimen({ dose: 'x'.repeat(2000) }) });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fieldErrors: { name: 'Give the medication a name.', 'regimen.dose': 'The strength and dose can be at most 200 characters.' },
      },
    });
    const noDose = await app.dispatch('startMedication', { clientId: id, name: NAME, date: '2026-02-01', reason: '', regimen: regimen({ dose: '', dosesPerDay: 1.5 }) });
    expect(noDose).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'regimen.dose': 'Give the strength and dose.', 'regimen.dosesPerDay': 'Enter the doses a day as a whole number.' } },
    });
    expect(await app.dispatch('listMedications', { clientId: id })).toEqual({ ok: true, value: { medications: [], allergies: [] } });

    const saved = await app.dispatch('startMedication', { clientId: id, name: `  ${NAME} `, date: '2026-02-01', reason: '', regimen: regimen() });
    expect(saved).toMatchObject({ ok: true, value: { name: NAME, current: true } });
    expect(await app.dispatch('listMedications', { clientId: id })).toMatchObject({ ok: true, value: { medications: [{ name: NAME, history: [{ kind: 'start' }] }] } });
  });
});
