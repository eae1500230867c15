import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientListQuery } from '../../shared/clients';
import { AppError } from '../../shared/errors';
import { listActivity } from '../../electron/services/activity/activity-log';
import { clientFields, everyClient, openClientVault, TODAY, type ClientVault } from './support/client-vault';

const FOUR_NAMES = ['Zoë Ødegaard', 'Nguyễn Thị Minh Khai', '王小明', 'محمد الأحمد'];

let cv: ClientVault;
beforeEach(async () => {
  cv = await openClientVault();
});
afterEach(async () => {
  await cv.close();
});

const list = (query: Partial<ClientListQuery> = {}) => cv.clients.list({ ...everyClient, ...query });
const names = async (query: Partial<ClientListQuery> = {}) => (await list(query)).clients.map((c) => c.legalName);

async function expectValidation(work: Promise<unknown>): Promise<Record<string, string>> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('VALIDATION');
  return (error as AppError).fieldErrors ?? {};
}

describe('client records', () => {
  it('saves a full record and reads it back exactly, with a generated code', async () => {
    const created = await cv.clients.create(
      clientFields({
        legalName: 'Zoë Ødegaard',
        preferredName: 'Zoë',
        pronouns: 'she/her',
        dateOfBirth: '1990-04-02',
        phone: '+47 555 0101',
        email: 'zoe@example.org',
        address: '1 Example Road',
        emergencyContact: { name: 'Ola Ødegaard', relation: 'brother', phone: '+47 555 0102' },
        intakeDate: '2026-01-10',
        referralSource: 'GP',
        presentingConcerns: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Low mood' }] }] },
        tags: ['CBT', 'evening'],
        privateRemarks: 'Prefers email',
        reviewDate: '2026-07-01',
      }),
    );
    expect(created.code).toMatch(/^[A-HJ-NP-Z]{2}-0001$/);
    const read = await cv.clients.get(created.id);
    expect(read).toEqual(created);
    expect(read).toMatchObject({
      legalName: 'Zoë Ødegaard',
      emergencyContact: { name: 'Ola Ødegaard', relation: 'brother', phone: '+47 555 0102' },
      tags: ['CBT', 'evening'],
      status: 'active',
      reviewDue: false,
      lastSessionDate: null,
    });
  });

  it('keeps names in any script exactly as typed, whichever Unicode form the keyboard produced', async () => {
    for (const name of FOUR_NAMES) await cv.clients.create(clientFields({ legalName: name.normalize('NFD') }));
    const stored = await names();
    expect([...stored].sort()).toEqual([...FOUR_NAMES].sort());
    for (const name of stored) expect(name).toBe(name.normalize('NFC'));
  });

  it('finds a client by any part of a name, preferred name, code or tag, ignoring case and accents', async () => {
    for (const name of FOUR_NAMES) await cv.clients.create(clientFields({ legalName: name }));
    const tagged = await cv.clients.create(clientFields({ legalName: 'Ama Ofori', preferredName: 'Amakye', code: 'AO-0077', tags: ['Couples'] }));
    expect(await names({ query: 'zoe' })).toEqual(['Zoë Ødegaard']);
    expect(await names({ query: 'ODEGAARD' })).toEqual(['Zoë Ødegaard']);
    expect(await names({ query: 'nguyen thi' })).toEqual(['Nguyễn Thị Minh Khai']);
    expect(await names({ query: 'Minh' })).toEqual(['Nguyễn Thị Minh Khai']);
    expect(await names({ query: '小明' })).toEqual(['王小明']);
    expect(await names({ query: 'محمد' })).toEqual(['محمد الأحمد']);
    expect(await names({ query: 'makye' })).toEqual(['Ama Ofori']);
    expect(await names({ query: 'ao-00' })).toEqual(['Ama Ofori']);
    expect(await names({ query: 'couple' })).toEqual([tagged.legalName]);
    expect(await names({ query: 'nobody like this' })).toEqual([]);
  });

  it('sorts names the way the display language reads them, not by code point', async () => {
    const people = ['Zara Berg', 'Øystein Lund', 'Eve Adams', 'Émile Zola', 'Oscar Olsen', 'ama Mensah', 'Åse Berg', 'Ødegaard Tove', ...FOUR_NAMES];
    for (const name of people) await cv.clients.create(clientFields({ legalName: name }));
    // English: accents and case do not separate letters, so Ø is among the O's and Émile comes before Eve.
    const english = [
      'ama Mensah',
      'Åse Berg',
      'Émile Zola',
      'Eve Adams',
      'Nguyễn Thị Minh Khai',
      'Ødegaard Tove',
      'Oscar Olsen',
      'Øystein Lund',
      'Zara Berg',
      'Zoë Ødegaard',
      'محمد الأحمد',
      '王小明',
    ];
    expect(await names({ locale: 'en' })).toEqual(english);
    // Danish: Ø and Å are letters of their own after Z (Æ, Ø, Å).
    expect(await names({ locale: 'da' })).toEqual([
      'ama Mensah',
      'Émile Zola',
      'Eve Adams',
      'Nguyễn Thị Minh Khai',
      'Oscar Olsen',
      'Zara Berg',
      'Zoë Ødegaard',
      'Ødegaard Tove',
      'Øystein Lund',
      'Åse Berg',
      'محمد الأحمد',
      '王小明',
    ]);
    // Code-point order would put lower case and every accented initial after Z.
    expect([...people].sort()).not.toEqual(english);
    expect([...people].sort().indexOf('ama Mensah')).toBeGreaterThan([...people].sort().indexOf('Zara Berg'));
  });

  it('filters by status and tag and counts each status', async () => {
    const a = await cv.clients.create(clientFields({ legalName: 'Active One', tags: ['DBT'] }));
    await cv.clients.create(clientFields({ legalName: 'Paused One', status: 'paused', tags: ['dbt', 'Grief'] }));
    await cv.clients.create(clientFields({ legalName: 'Gone One', intakeDate: '2025-01-01', status: 'discharged', dischargeDate: '2026-01-01' }));
    const result = await list({ status: 'current' });
    expect(result.clients.map((c) => c.legalName)).toEqual(['Active One', 'Paused One']);
    expect(result.counts).toEqual({ current: 2, active: 1, paused: 1, discharged: 1, all: 3 });
    expect(result.tags).toEqual(['DBT', 'Grief']);
    expect(await names({ status: 'discharged' })).toEqual(['Gone One']);
    expect(await names({ status: 'paused' })).toEqual(['Paused One']);
    expect(await names({ tag: 'dbt' })).toEqual(['Active One', 'Paused One']);
    expect(await names({ tag: 'Grief', status: 'active' })).toEqual([]);
    expect((await cv.clients.get(a.id)).tags).toEqual(['DBT']);
  });

  it('flags plan reviews that are due and sorts by next review and by last session', async () => {
    const due = await cv.clients.create(clientFields({ legalName: 'Due Today', reviewDate: TODAY }));
    await cv.clients.create(clientFields({ legalName: 'Later', reviewDate: '2026-09-01' }));
    await cv.clients.create(clientFields({ legalName: 'Never Reviewed' }));
    await cv.clients.create(
      clientFields({ legalName: 'Discharged Overdue', reviewDate: '2026-01-01', intakeDate: '2025-01-01', status: 'discharged', dischargeDate: '2026-02-01' }),
    );
    const result = await list({ sort: 'nextReview' });
    expect(result.clients.map((c) => [c.legalName, c.reviewDue])).toEqual([
      ['Discharged Overdue', false],
      ['Due Today', true],
      ['Later', false],
      ['Never Reviewed', false],
    ]);
    expect((await cv.clients.get(due.id)).reviewDue).toBe(true);

    const later = (await list()).clients.find((c) => c.legalName === 'Later');
    await cv.db().insertInto('sessions').values([
      { id: crypto.randomUUID(), client_id: due.id, session_date: '2026-05-01', created_at: TODAY },
      { id: crypto.randomUUID(), client_id: later!.id, session_date: '2026-06-01', created_at: TODAY },
      { id: crypto.randomUUID(), client_id: due.id, session_date: '2026-03-01', created_at: TODAY },
    ]).execute();
    const bySession = await list({ sort: 'lastSession' });
    expect(bySession.clients.map((c) => [c.legalName, c.lastSessionDate])).toEqual([
      ['Later', '2026-06-01'],
      ['Due Today', '2026-05-01'],
      ['Discharged Overdue', null],
      ['Never Reviewed', null],
    ]);
  });

  it('updates only what changed and logs the names of the changed fields, not their values', async () => {
    const created = await cv.clients.create(clientFields({ legalName: 'Kwame Mensah', tags: ['A'] }));
    const updated = await cv.clients.update(
      created.id,
      clientFields({ legalName: 'Kwame Mensah', preferredName: 'Kojo', code: created.code, tags: ['A', 'B'] }),
    );
    expect(updated).toMatchObject({ preferredName: 'Kojo', tags: ['A', 'B'], code: created.code });
    const same = await cv.clients.update(created.id, clientFields({ legalName: 'Kwame Mensah', preferredName: 'Kojo', code: '', tags: ['B', 'A'] }));
    expect(same.updatedAt).toBe(updated.updatedAt);
    const { entries } = await listActivity(cv.db(), { clientId: created.id, limit: 10 });
    expect(entries.map((e) => [e.action, e.fields])).toEqual([
      ['update', ['preferredName', 'tags']],
      ['create', []],
    ]);
    expect(JSON.stringify(entries)).not.toContain('Kojo');
  });

  it('keeps the full-text index in step with the record, its diagnoses and its goals', async () => {
    const indexed = async (query: string) =>
      (
        await sql<{ kind: string; record_id: string }>`SELECT kind, record_id FROM search_index WHERE search_index MATCH ${query} ORDER BY kind`.execute(
          cv.db(),
        )
      ).rows.map((row) => [row.kind, row.record_id]);
    const concerns = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });
    const created = await cv.clients.create(clientFields({ legalName: 'Zoë Ødegaard', tags: ['Grief'], presentingConcerns: concerns('Insomnia since spring') }));
    expect(await indexed('zoe')).toEqual([['client', created.id]]);
    expect(await indexed('insomnia')).toEqual([['client', created.id]]);
    expect(await indexed('grief')).toEqual([['client', created.id]]);

    await cv.clients.update(created.id, clientFields({ legalName: 'Zoë Ødegaard', code: created.code, presentingConcerns: concerns('Panic attacks') }));
    expect(await indexed('insomnia')).toEqual([]);
    expect(await indexed('grief')).toEqual([]);
    expect(await indexed('panic')).toEqual([['client', created.id]]);

    const withGoal = await cv.plans.addGoal({ clientId: created.id, text: 'Take the bus alone', objective: 'Twice a week', dateSet: TODAY, targetDate: null });
    await cv.plans.addDiagnosis({ clientId: created.id, code: 'F41.0', label: 'Panic disorder', dateAdded: TODAY });
    const goalId = withGoal.goals[0]!.id;
    expect(await indexed('bus')).toEqual([['goal', goalId]]);
    expect(await indexed('disorder')).toEqual([['client', created.id]]);
    await cv.plans.deleteGoal(goalId);
    expect(await indexed('bus')).toEqual([]);
  });

  it('discharges, pauses and reactivates, clearing discharge details on reactivation', async () => {
    const created = await cv.clients.create(clientFields({ legalName: 'Lena Fischer', intakeDate: '2026-02-01' }));
    const discharged = await cv.clients.setStatus(created.id, 'discharged', '2026-06-01', 'Goals met');
    expect(discharged).toMatchObject({ status: 'discharged', dischargeDate: '2026-06-01', dischargeReason: 'Goals met' });
    expect(await names({ status: 'current' })).toEqual([]);
    expect(await names({ status: 'discharged' })).toEqual(['Lena Fischer']);
    const back = await cv.clients.setStatus(created.id, 'active', null, '');
    expect(back).toMatchObject({ status: 'active', dischargeDate: null, dischargeReason: '' });
    expect((await cv.clients.setStatus(created.id, 'paused', null, '')).status).toBe('paused');
  });
});

describe('validation', () => {
  async function snapshot() {
    return {
      list: await list(),
      log: (await listActivity(cv.db(), { limit: 100 })).entries,
    };
  }

  it('refuses impossible dates with a message per field and saves nothing', async () => {
    const existing = await cv.clients.create(clientFields({ legalName: 'Existing Client', intakeDate: '2026-01-01' }));
    const before = await snapshot();
    expect(await expectValidation(cv.clients.create(clientFields({ legalName: 'Future Child', dateOfBirth: '2026-06-16' })))).toEqual({
      dateOfBirth: 'Date of birth cannot be in the future.',
    });
    expect(
      await expectValidation(
        cv.clients.create(clientFields({ legalName: 'Early Exit', intakeDate: '2026-03-01', status: 'discharged', dischargeDate: '2026-02-01' })),
      ),
    ).toEqual({ dischargeDate: 'Discharge date cannot be before the intake date (2026-03-01).' });
    expect(await expectValidation(cv.clients.create(clientFields({ legalName: 'No Date', status: 'discharged' })))).toEqual({
      dischargeDate: 'Enter the discharge date.',
    });
    expect(await expectValidation(cv.clients.setStatus(existing.id, 'discharged', '2025-12-01', ''))).toHaveProperty('dischargeDate');
    expect(await snapshot()).toEqual(before);
    expect((await cv.clients.get(existing.id)).status).toBe('active');
  });

  it('refuses a code another client already has, ignoring case, and saves nothing', async () => {
    const first = await cv.clients.create(clientFields({ legalName: 'First Client', code: 'AB-0042' }));
    const second = await cv.clients.create(clientFields({ legalName: 'Second Client' }));
    const before = await snapshot();
    expect(await expectValidation(cv.clients.create(clientFields({ legalName: 'Copy', code: 'ab-0042' })))).toEqual({
      code: 'Another client already uses the code AB-0042. Choose a different code.',
    });
    const onUpdate = await expectValidation(cv.clients.update(second.id, clientFields({ legalName: 'Second Client', code: 'AB-0042' })));
    expect(onUpdate.code).toContain('AB-0042');
    expect(await snapshot()).toEqual(before);
    // Keeping one's own code is not a clash.
    await cv.clients.update(first.id, clientFields({ legalName: 'First Client renamed', code: 'ab-0042' }));
  });

  it('refuses the second of two saves racing with the same code, as a duplicate and not an internal error', async () => {
    const results = await Promise.allSettled([
      cv.clients.create(clientFields({ legalName: 'Racing One', code: 'RC-0001' })),
      cv.clients.create(clientFields({ legalName: 'Racing Two', code: 'rc-0001' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { code: 'Another client already uses the code RC-0001. Choose a different code.' },
    });
    expect((await list()).clients.map((c) => c.code)).toEqual(['RC-0001']);
    expect((await listActivity(cv.db(), { limit: 10 })).entries).toHaveLength(1);
  });

  it('suggests a free code that counts up from the highest number in use', async () => {
    await cv.clients.create(clientFields({ legalName: 'One', code: 'XY-0041' }));
    expect(await cv.clients.suggestCode()).toMatch(/^[A-HJ-NP-Z]{2}-0042$/);
  });

  it('reports a missing client as NOT_FOUND', async () => {
    await expect(cv.clients.get('4f3c2b1a-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses client work while the vault is locked', async () => {
    cv.vault.lock('user');
    await expect(cv.clients.list(everyClient)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});
