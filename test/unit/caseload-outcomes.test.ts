import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseloadService } from '../../electron/services/caseload/caseload.service';
import { EngagementService } from '../../electron/services/engagement/engagement.service';
import { MeasuresService } from '../../electron/services/measures/measures.service';
import type { CaseloadOutcomes, ClientRef } from '../../shared/caseload';
import { AppError } from '../../shared/errors';
import type { SessionFields } from '../../shared/notes';
import { HarnessDialogs } from '../harness/harness-dialogs';
import { clientFields, testNow } from './support/client-vault';
import { allianceContent, doc, openNotesVault, sessionFields, setPractitioner, type NotesVault } from './support/notes-vault';

/**
 * The caseload view for the first quarter of 2026, read from a real encrypted vault whose clients,
 * sessions, results, missed sessions and discharges were all made through the services. Each client
 * stands for one rule: recovered, improved without recovering, unchanged, deteriorated, the latest
 * result after the period, a single result; a voided session and a struck-out result that would change
 * the answer if they counted; discharges inside and outside the period.
 */
const PERIOD = { from: '2026-01-01', to: '2026-03-31' };

let nv: NotesVault;
let measures: MeasuresService;
let engagement: EngagementService;
let outcomes: CaseloadOutcomes;
const ids = new Map<string, string>();

/** PHQ-9 answers adding up to `total` (item 9, the risk item, left at 0). */
const phq = (total: number) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`item${i + 1}`, i === 8 ? 0 : Math.max(0, Math.min(3, total - 3 * i))]));
/** Session Alliance Check answers adding up to `total`. */
const sac = (total: number) => ({ goals: Math.min(10, total), tasks: Math.max(0, Math.min(10, total - 10)), bond: Math.max(0, total - 20) });

async function client(code: string, overrides: Parameters<typeof clientFields>[0] = {}): Promise<string> {
  const created = await nv.clients.create(clientFields({ legalName: `Caseload Client ${code}`, code, ...overrides }));
  ids.set(code, created.id);
  return created.id;
}

interface Visit {
  phq?: number;
  sac?: number;
  attendance?: SessionFields['attendance'];
  /** Signed after its measures, then: 'void' voids the note, 'strike' strikes its PHQ-9 out. */
  then?: 'sign' | 'void' | 'strike';
}

/** One session on `date`, its measures recorded on it, and signed, voided or struck out as asked. */
async function visit(clientId: string, date: string, { phq: phqTotal, sac: sacTotal, attendance = 'attended', then }: Visit = {}): Promise<void> {
  const note = await nv.notes.createSession({ clientId, session: sessionFields({ date, attendance }), templateId: 'alliance' });
  const sessionId = note.session.id;
  const phqResult = phqTotal === undefined ? null : await measures.recordMeasure({ clientId, sessionId, measureId: 'phq-9', takenOn: date, responses: phq(phqTotal) });
  if (sacTotal !== undefined) await measures.recordMeasure({ clientId, sessionId, measureId: 'sac-client', takenOn: date, responses: sac(sacTotal) });
  if (then === undefined) return;
  const saved = await nv.notes.saveDraft({ noteId: note.id, baseRevision: note.revision, content: allianceContent({ goals: doc('Worked on the plan.') }), processNote: null });
  await nv.notes.sign({ noteId: note.id, baseRevision: saved.revision });
  if (then === 'void') await nv.notes.voidNote({ noteId: note.id, reason: 'Entered under the wrong client.' });
  if (then === 'strike' && phqResult) await measures.strikeOutResult({ resultId: phqResult.id, reason: 'Scored from the wrong form.' });
}

const codes = (refs: readonly ClientRef[]) => refs.map((ref) => ref.code);

beforeAll(async () => {
  nv = await openNotesVault();
  measures = new MeasuresService({ db: nv.db, now: testNow });
  engagement = new EngagementService({ db: nv.db, now: testNow, dialogs: new HarnessDialogs(null) });
  await setPractitioner(nv, 'Dr. Synthetic Example', 'PsyD');

  // PHQ-9 18 → 8: better by 10 and below 10 now: recovered. Session 3 alliance 27. The voided session's
  // 24 would make it deteriorated, and the session would count as held.
  const recovered = await client('RC-0001');
  await visit(recovered, '2025-10-06', { phq: 18 });
  await visit(recovered, '2025-10-13');
  await visit(recovered, '2025-10-20', { sac: 27 });
  await visit(recovered, '2026-02-02', { phq: 8 });
  await visit(recovered, '2026-03-02', { phq: 24, then: 'void' });

  // 22 → 16: better by exactly 6 but still 10 or more: improved. The struck-out 4 would make it recovered.
  const improved = await client('IM-0002');
  await visit(improved, '2025-11-03', { phq: 22 });
  await visit(improved, '2025-11-10');
  await visit(improved, '2025-11-17', { sac: 21 });
  await visit(improved, '2026-01-19', { phq: 16 });
  await visit(improved, '2026-03-16', { phq: 4, then: 'strike' });

  // 12 → 17: worse by 5, short of 6: unchanged. A no-show before session 3 is not a session held, so
  // the third attended session is 19 January (15), not 12 January (30). Missed in the period: that
  // no-show and an attendance record; the record in December is outside it.
  const unchanged = await client('UN-0003');
  await visit(unchanged, '2026-01-05', { phq: 12 });
  await visit(unchanged, '2026-01-08', { attendance: 'no_show' });
  await visit(unchanged, '2026-01-12', { sac: 30 });
  await visit(unchanged, '2026-01-19', { sac: 15 });
  await visit(unchanged, '2026-02-16', { phq: 17 });
  await engagement.recordMissed({ clientId: unchanged, date: '2026-02-23', startTime: null, kind: 'late_cancellation', remark: '', appointmentId: null });
  await engagement.recordMissed({ clientId: unchanged, date: '2025-12-20', startTime: null, kind: 'no_show', remark: '', appointmentId: null });

  // 5 → 11: worse by exactly 6: deteriorated. Only two sessions, so no early alliance.
  const deteriorated = await client('DE-0004');
  await visit(deteriorated, '2026-01-07', { phq: 5, sac: 20 });
  await visit(deteriorated, '2026-03-11', { phq: 11 });

  // A result in the period, but the latest is after it: not counted for this period.
  const later = await client('LA-0005');
  await visit(later, '2025-09-01', { phq: 20 });
  await visit(later, '2026-02-10', { phq: 15 });
  await visit(later, '2026-04-20', { phq: 5 });

  // One result only: nothing to compare.
  const single = await client('SI-0006');
  await visit(single, '2026-02-10', { phq: 20 });

  await client('DR-0007', { status: 'discharged', dischargeDate: '2026-03-20', dischargeKind: 'unplanned' });
  await client('PL-0008', { status: 'discharged', dischargeDate: '2026-02-01', dischargeKind: 'planned' });
  await client('NR-0009', { status: 'discharged', dischargeDate: '2026-01-15', dischargeKind: null });
  await client('OL-0010', { status: 'discharged', dischargeDate: '2025-12-31', dischargeKind: 'unplanned' });

  outcomes = await new CaseloadService({ db: nv.db, now: testNow }).outcomes(PERIOD);
}, 120_000);

afterAll(() => nv?.close());

describe('caseload outcomes on a real vault', () => {
  it('counts active clients and sessions held from attended, not voided sessions in the period', () => {
    expect(codes(outcomes.activeClients)).toEqual(['DE-0004', 'IM-0002', 'LA-0005', 'RC-0001', 'SI-0006', 'UN-0003']);
    // RC 1 (the voided one left out), IM 2, UN 4, DE 2, LA 1, SI 1.
    expect(outcomes.sessionsHeld.count).toBe(11);
    expect(outcomes.sessionsHeld.clients).toEqual(outcomes.activeClients);
    expect(outcomes.activeClients.find((ref) => ref.code === 'RC-0001')?.clientId).toBe(ids.get('RC-0001'));
  });

  it('reads attendance as attended over attended and missed, a missed session being an attendance record or an older no-show', () => {
    expect(outcomes.attendance).toEqual({ attended: 11, missed: 2, rate: 11 / 13, missedClients: [{ clientId: ids.get('UN-0003'), code: 'UN-0003' }] });
  });

  it('sorts discharges in the period by how therapy ended', () => {
    expect(codes(outcomes.dropOuts)).toEqual(['DR-0007']);
    expect(codes(outcomes.plannedEndings)).toEqual(['PL-0008']);
    expect(codes(outcomes.endingsNotRecorded)).toEqual(['NR-0009']);
  });

  it('classifies each client first result against latest, leaving out voided sessions and struck-out results', () => {
    const phq9 = outcomes.measures.find((measure) => measure.measureId === 'phq-9');
    expect(phq9).toMatchObject({ name: 'Patient Health Questionnaire (PHQ-9)', reliableChange: 6, cutoff: 10 });
    expect(codes(phq9!.clients)).toEqual(['DE-0004', 'IM-0002', 'RC-0001', 'UN-0003']);
    expect(codes(phq9!.recovered)).toEqual(['RC-0001']);
    expect(codes(phq9!.improved)).toEqual(['IM-0002', 'RC-0001']);
    expect(codes(phq9!.unchanged)).toEqual(['UN-0003']);
    expect(codes(phq9!.deteriorated)).toEqual(['DE-0004']);
    // Only measures someone was measured on, with a reliable change: the SAC is an alliance measure.
    expect(outcomes.measures.map((measure) => measure.measureId)).toEqual(['phq-9']);
  });

  it('compares the alliance at the third attended session of clients who improved with those who did not', () => {
    const [alliance, ...others] = outcomes.earlyAlliance;
    expect(others).toEqual([]);
    expect(alliance).toMatchObject({ measureId: 'sac-client' });
    expect(alliance!.improved).toEqual({ mean: 24, clients: [{ clientId: ids.get('IM-0002'), code: 'IM-0002' }, { clientId: ids.get('RC-0001'), code: 'RC-0001' }] });
    expect(alliance!.notImproved).toEqual({ mean: 15, clients: [{ clientId: ids.get('UN-0003'), code: 'UN-0003' }] });
  });

  it('refuses a period that ends before it starts, naming the end date', async () => {
    const caseload = new CaseloadService({ db: nv.db, now: testNow });
    const refused = await caseload.outcomes({ from: '2026-03-01', to: '2026-02-28' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'VALIDATION', fieldErrors: { to: 'The end of the period is before its start. Choose a later end date.' } });
  });
});
