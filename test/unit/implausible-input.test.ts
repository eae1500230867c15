import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import type { Dialogs } from '../../electron/services/dialogs';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import { clientFieldsSchema } from '../../shared/clients';
import { addYearsIso, localIsoDate } from '../../shared/dates';
import { clientFields, fieldsOf } from './support/client-vault';
import { newClient, openNotesVault, sessionFields, type NotesVault } from './support/notes-vault';
import { PASSPHRASE, removeDir, TEST_KDF_COST, tempDir } from './support/temp-vault';

/**
 * Implausible input (a session in 2100, an intake in 1800, a phone number "abc", a 10,000-minute
 * session, 7.5 on a whole-number item) is refused with a message for its field, against the real
 * encrypted vault, and nothing is written. Date rules use the service's clock: "today" is 15 June 2026.
 */
let nv: NotesVault;

beforeEach(async () => {
  nv = await openNotesVault();
});
afterEach(() => nv.close());

/** A client as the form sends one over the contract (synthetic; the phone numbers are from the drama range). */
const contractClientFields = {
  ...clientFields({ legalName: 'Sam Example', phone: '07700 900001', emergencyContact: { name: 'Alex Example', relation: 'sibling', phone: '07700 900002' } }),
};

const refusal = (fieldErrors: Record<string, string>) => ({ code: 'VALIDATION', fieldErrors });

describe('session dates', () => {
  it('refuses a session more than a year ahead, naming the last allowed day, and records nothing', async () => {
    const clientId = await newClient(nv);
    const create = (date: string) => nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'alliance' });
    const message = 'A session date can be at most a year from today (15 June 2027).';
    await expect(create('2100-06-15')).rejects.toMatchObject(refusal({ 'session.date': message }));
    await expect(create('2027-06-16')).rejects.toMatchObject(refusal({ 'session.date': message }));
    expect(await nv.notes.listSessions(clientId)).toEqual([]);
    expect((await create('2027-06-15')).session.date).toBe('2027-06-15');
  });

  it('refuses a session before the client was born, or before 1900 when the birth date is not known', async () => {
    const born = (await nv.clients.create(clientFields({ legalName: 'Born Later', dateOfBirth: '1990-04-02' }))).id;
    const unknown = await newClient(nv, 'Birth Unknown');
    const create = (clientId: string, date: string) => nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'alliance' });
    await expect(create(born, '1990-04-01')).rejects.toMatchObject(refusal({ 'session.date': "A session date cannot be before the client's date of birth (2 April 1990)." }));
    await expect(create(unknown, '1899-12-31')).rejects.toMatchObject(refusal({ 'session.date': 'Check the year: a session date cannot be before 1900.' }));
    expect((await create(born, '1990-04-02')).session.date).toBe('1990-04-02');
  });

  it('refuses correcting a draft to an implausible date and keeps the date it had', async () => {
    const clientId = await newClient(nv);
    const note = await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-06-10' }), templateId: 'alliance' });
    await expect(nv.notes.updateSession({ noteId: note.id, session: sessionFields({ date: '2100-06-10' }) })).rejects.toMatchObject(
      refusal({ 'session.date': 'A session date can be at most a year from today (15 June 2027).' }),
    );
    expect((await nv.notes.getNote(note.id)).session.date).toBe('2026-06-10');
  });

  it("measures a year from the service's own clock, not from when the code was loaded", async () => {
    const clientId = await newClient(nv);
    const create = (date: string) => nv.notes.createSession({ clientId, session: sessionFields({ date }), templateId: 'alliance' });
    await expect(create('2028-01-10')).rejects.toMatchObject({ code: 'VALIDATION' });
    nv.setNow(new Date(2027, 5, 1, 12, 0, 0));
    expect((await create('2028-01-10')).session.date).toBe('2028-01-10');
  });
});

describe('client dates', () => {
  it('refuses an intake date in the future or before 1900, and saves nothing', async () => {
    await expect(nv.clients.create(clientFields({ intakeDate: '1800-03-01' }))).rejects.toMatchObject(
      refusal({ intakeDate: 'Check the year: an intake date cannot be before 1900.' }),
    );
    await expect(nv.clients.create(clientFields({ intakeDate: '2026-06-16' }))).rejects.toMatchObject(
      refusal({ intakeDate: 'Intake date cannot be in the future (today is 15 June 2026).' }),
    );
    expect((await nv.clients.list({ query: '', status: 'all', tag: null, sort: 'name' })).clients).toEqual([]);
    expect((await nv.clients.create(clientFields({ intakeDate: '2026-06-15' }))).intakeDate).toBe('2026-06-15');
  });

  it('refuses a plan review more than two years ahead or before 1900, and keeps the saved one', async () => {
    const client = await nv.clients.create(clientFields({ reviewDate: '2026-12-01' }));
    const withReview = (reviewDate: string) => clientFields({ ...fieldsOf(client), reviewDate });
    await expect(nv.clients.update(client.id, withReview('2100-01-01'))).rejects.toMatchObject(
      refusal({ reviewDate: 'A plan review date can be at most 2 years from today (15 June 2028).' }),
    );
    await expect(nv.clients.update(client.id, withReview('1899-01-01'))).rejects.toMatchObject(
      refusal({ reviewDate: 'Check the year: a plan review date cannot be before 1900.' }),
    );
    expect((await nv.clients.get(client.id)).reviewDate).toBe('2026-12-01');
    expect((await nv.clients.update(client.id, withReview('2028-06-15'))).reviewDate).toBe('2028-06-15');
  });

  it('refuses a date of birth in the future or before 1900', async () => {
    await expect(nv.clients.create(clientFields({ dateOfBirth: '2026-06-16' }))).rejects.toMatchObject(refusal({ dateOfBirth: 'Date of birth cannot be in the future.' }));
    await expect(nv.clients.create(clientFields({ dateOfBirth: '1850-01-01' }))).rejects.toMatchObject(
      refusal({ dateOfBirth: 'Check the year: that date of birth is before 1900.' }),
    );
  });
});

describe('whole-number answers', () => {
  it('refuses 7.5 on a whole-number item instead of rounding it, and stores nothing', async () => {
    const measures = new MeasuresService({ db: nv.db, now: () => new Date(2026, 5, 15, 12) });
    const clientId = await newClient(nv);
    await expect(
      measures.recordMeasure({ clientId, sessionId: null, measureId: 'sac-client', takenOn: '2026-06-15', responses: { goals: 8, tasks: 7.5, bond: 9 } }),
    ).rejects.toMatchObject(refusal({ 'responses.tasks': 'Item 2 takes a whole number from 0 to 10.' }));
    expect((await measures.listResults(clientId)).results).toEqual([]);
  });
});

describe('through the contract, as the app calls it', () => {
  const cancelAll: Dialogs = { chooseSavePath: async () => null, chooseFolder: async () => null, chooseOpenPath: async () => null, showInFolder: async () => {} };
  let dir: string;
  let app: AppServices;
  beforeEach(async () => {
    dir = tempDir();
    app = createAppServices({ vaultDir: dir, dialogs: cancelAll, emit: () => {}, kdfCost: TEST_KDF_COST });
    expect(await app.dispatch('createVault', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    app.dispose();
    await removeDir(dir);
  });

  const newContractClient = async (): Promise<string> => {
    const created = await app.dispatch('createClient', { fields: contractClientFields });
    if (!created.ok) throw new Error('createClient failed');
    return (created.value as { id: string }).id;
  };

  it('refuses a phone number with letters or too few digits at its field, and accepts the usual ways of writing one', async () => {
    const phoneMessage = 'Enter a phone number using digits, spaces, + - ( ).';
    const refused = await app.dispatch('createClient', {
      fields: { ...contractClientFields, phone: 'abc', emergencyContact: { name: 'Alex Example', relation: 'sibling', phone: 'ask at desk' } },
    });
    expect(refused).toMatchObject({ ok: false, error: refusal({ phone: phoneMessage, 'emergencyContact.phone': phoneMessage }) });
    const short = await app.dispatch('createClient', { fields: { ...contractClientFields, phone: '12-3' } });
    expect(short).toMatchObject({ ok: false, error: refusal({ phone: 'A phone number has at least 5 digits.' }) });
    expect(await app.dispatch('listClients', { status: 'all' })).toMatchObject({ ok: true, value: { clients: [] } });

    for (const phone of ['+44 (0)20 7946-0000 ext. 12', '07700 900123', '(555) 010.4477 x3', '+1-202-555-0143']) {
      expect(clientFieldsSchema.safeParse({ ...contractClientFields, phone }).success, phone).toBe(true);
    }
    const saved = await app.dispatch('createClient', { fields: { ...contractClientFields, phone: ' +44 20 7946 0000 ext 7 ' } });
    expect(saved).toMatchObject({ ok: true, value: { phone: '+44 20 7946 0000 ext 7' } });
  });

  it('refuses a session of 10,000 minutes or of half minutes rather than changing the length', async () => {
    const clientId = await newContractClient();
    const session = (durationMinutes: number) => ({ ...sessionFields({ date: localIsoDate() }), durationMinutes });
    const call = (durationMinutes: number) => app.dispatch('createSession', { clientId: clientId, session: session(durationMinutes), templateId: 'alliance' });
    expect(await call(10_000)).toMatchObject({ ok: false, error: refusal({ 'session.durationMinutes': 'A session can last at most 10 hours (600 minutes).' }) });
    expect(await call(50.5)).toMatchObject({ ok: false, error: refusal({ 'session.durationMinutes': 'Enter the length in whole minutes.' }) });
    expect(await app.dispatch('listSessions', { clientId: clientId })).toMatchObject({ ok: true, value: { sessions: [] } });
    expect(await call(600)).toMatchObject({ ok: true, value: { session: { durationMinutes: 600 } } });
  });

  it("dates a session by the app's clock too: a year ahead is the limit", async () => {
    const clientId = await newContractClient();
    const on = (date: string) => app.dispatch('createSession', { clientId: clientId, session: sessionFields({ date }), templateId: 'alliance' });
    expect(await on('2100-01-01')).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'session.date': expect.stringContaining('at most a year from today') } } });
    expect(await on(addYearsIso(localIsoDate(), 1))).toMatchObject({ ok: true });
  });
});
