import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { FLAG_ITEM_BLANK, scoreMeasure, scoredItems, type CustomMeasureInput, type MeasureDefinition } from '../../../shared/measures';
import { lateEntryLine, struckOutLines, type ClientAlert, type MeasureResult, type OverviewClient, type RecordLateEntryInput, type RecordMeasureInput } from '../../../shared/measure-records';
import { measureDateProblem } from '../../../shared/date-rules';
import { paragraphsDoc } from '../../../shared/rich-text';
import { appendActivity } from '../activity/activity-log';
import { clientRowOrThrow } from '../clients/client-store';
import { invalid, ServiceContext, type ServiceClock } from '../clients/service-context';
import { insertAcknowledgement } from './alert-acknowledgements.repository';
import { clientAlerts, refreshClientAlerts } from './client-alerts';
import { latestMeasure, listMeasures, measureVersions, saveCustomMeasure } from './measure-definitions.repository';
import { deleteResult, insertResult, resultRow, resultsOfClient, strikeOutResult } from './measure-results.repository';
import { readItemNames, readSettings, writeItemNames } from '../database/settings.repository';
import type { AllItemNames } from '../../../shared/measure-item-names';
import { appendAddendum, signerOf } from '../notes/addenda';
import { noteRowOrThrow } from '../notes/notes.repository';
import { sessionRow, sessionWithNote } from '../notes/sessions.repository';
import { practiceOverview } from './practice-overview';
import { ensureEngagementCurrent, refreshEngagement } from '../engagement/engagement-events';

/** What the log says of a measure change: the measure and the session, never a value. */
const measureDetail = (measure: string, sessionDate: string | undefined): { measure: string; sessionDate?: string } =>
  sessionDate === undefined ? { measure } : { measure, sessionDate };

const signedSessionConflict = (): AppError =>
  new AppError('CONFLICT', "This session's note is signed. Enter the result as a late entry with an addendum to the note.");

/** Alliance and outcome measures: definitions, recorded results, alerts and the practice overview. */
export class MeasuresService {
  private readonly ctx: ServiceContext;

  constructor(clock: ServiceClock) {
    this.ctx = new ServiceContext(clock);
  }

  listMeasures(): Promise<MeasureDefinition[]> {
    return listMeasures(this.ctx.db());
  }

  saveCustomMeasure(input: { id: string | null; measure: CustomMeasureInput }): Promise<MeasureDefinition> {
    return saveCustomMeasure(this.ctx.db(), input.id, input.measure, this.ctx.now());
  }

  /** The practitioner's names for the items of score-only measures. */
  itemNames(): Promise<AllItemNames> {
    return readItemNames(this.ctx.db());
  }

  /**
   * Names the items of one score-only measure, from the practitioner's licensed form. Only licensed
   * measures take names (the others carry their own wording), and only for items the measure has.
   */
  async saveItemNames(input: { measureId: string; names: Record<string, string> }): Promise<AllItemNames> {
    const db = this.ctx.db();
    const measure = await latestMeasure(db, input.measureId);
    if (!measure) throw invalid({ measureId: 'That measure is no longer available. Choose another one.' });
    if (!measure.scoreOnly) throw invalid({ measureId: `${measure.shortName} has its own wording; only licensed, score-only measures take item names.` });
    const keys = new Set(measure.items.map((item) => item.key));
    const problems = Object.fromEntries(Object.keys(input.names).filter((key) => !keys.has(key)).map((key) => [`names.${key}`, `"${key}" is not an item of ${measure.shortName}.`]));
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const kept = Object.fromEntries(Object.entries(input.names).filter(([, name]) => name.trim() !== ''));
    let saved: AllItemNames = {};
    await this.ctx.transaction(async (trx) => {
      const { [measure.id]: _previous, ...others } = await readItemNames(trx);
      saved = Object.keys(kept).length > 0 ? { ...others, [measure.id]: kept } : others;
      await writeItemNames(trx, saved, this.ctx.now());
    });
    return saved;
  }

  /** Scores and stores one result; refuses answers out of range and results too incomplete to score. */
  async recordMeasure(input: RecordMeasureInput): Promise<MeasureResult> {
    const db = this.ctx.db();
    await clientRowOrThrow(db, input.clientId);
    let noteId: string | null = null;
    let sessionDate: string | undefined;
    if (input.sessionId !== null) {
      const session = await sessionWithNote(db, input.sessionId);
      if (!session || session.client_id !== input.clientId) throw invalid({ sessionId: "That session is not one of this client's." });
      if (session.status === 'signed') throw signedSessionConflict();
      noteId = session.note_id;
      sessionDate = session.session_date;
    }
    const { result, name } = await this.scored(input, noteId);
    await this.ctx.transaction(async (trx) => {
      // Re-checked inside the transaction: the note may have been signed since (the trigger agrees).
      if (input.sessionId !== null && (await sessionWithNote(trx, input.sessionId))?.status === 'signed') throw signedSessionConflict();
      await insertResult(trx, result, null);
      await refreshClientAlerts(trx, result.clientId, this.ctx.now());
      await appendActivity(trx, { action: 'create', recordType: 'measure', recordId: result.id, clientId: result.clientId, fields: [], detail: measureDetail(name, sessionDate) }, this.ctx.now());
    });
    return (await resultsOfClient(db, input.clientId)).find((stored) => stored.id === result.id) ?? result;
  }

  /**
   * A result for a session whose note is signed: stored only together with a signed addendum to that
   * note (its text says why the result is late), which names the measure and the date it was taken.
   */
  async recordLateEntry(input: RecordLateEntryInput): Promise<MeasureResult> {
    const db = this.ctx.db();
    const settings = await readSettings(db);
    const note = await noteRowOrThrow(db, input.noteId);
    if (note.status !== 'signed') throw new AppError('CONFLICT', 'This note is still a draft: record the result on the session as usual.');
    const { result, name } = await this.scored({ clientId: note.client_id, sessionId: note.session_id, measureId: input.measureId, takenOn: input.takenOn, responses: input.responses }, note.id);
    const late = lateEntryLine(name, input.takenOn);
    const session = await sessionRow(db, note.session_id);
    const stored = { ...result, lateEntry: true };
    await this.ctx.transaction(async (trx) => {
      const addendumId = await appendAddendum(
        trx,
        {
          noteId: note.id,
          kind: 'correction',
          text: paragraphsDoc(input.addendumText, late),
          lateEntries: [{ resultId: result.id, measureId: result.measureId, measureVersion: result.measureVersion, takenOn: result.takenOn, responses: result.responses }],
        },
        signerOf(settings),
        this.ctx.now(),
      );
      await insertResult(trx, stored, addendumId);
      await refreshClientAlerts(trx, result.clientId, this.ctx.now());
      await appendActivity(
        trx,
        { action: 'create', recordType: 'measure', recordId: result.id, clientId: result.clientId, fields: ['late entry'], detail: measureDetail(name, session.session_date) },
        this.ctx.now(),
      );
    });
    return (await resultsOfClient(db, note.client_id)).find((candidate) => candidate.id === result.id) ?? stored;
  }

  /** Removes a result entered by mistake (the log keeps that it existed, never its scores). */
  async deleteMeasureResult(id: string): Promise<void> {
    await this.ctx.transaction(async (trx) => {
      const row = await resultRow(trx, id);
      if (!row) throw new AppError('NOT_FOUND', 'That result no longer exists.');
      const session = row.session_id === null ? undefined : await sessionWithNote(trx, row.session_id);
      if (session?.status === 'signed') {
        throw new AppError('CONFLICT', 'This result belongs to a signed session, so it cannot be removed. Strike it out with an addendum instead.');
      }
      const definition = await latestMeasure(trx, row.measure_id);
      await deleteResult(trx, id);
      await refreshClientAlerts(trx, row.client_id, this.ctx.now());
      const detail = measureDetail(definition?.shortName ?? row.measure_id, session?.session_date);
      await appendActivity(trx, { action: 'delete', recordType: 'measure', recordId: id, clientId: row.client_id, fields: [], detail }, this.ctx.now());
    });
  }

  /** Strikes out a signed session's result recorded in error: kept, shown struck through, left out of every signal. */
  async strikeOutResult(input: { resultId: string; reason: string }): Promise<void> {
    const db = this.ctx.db();
    const settings = await readSettings(db);
    await this.ctx.transaction(async (trx) => {
      const row = await resultRow(trx, input.resultId);
      if (!row) throw new AppError('NOT_FOUND', 'That result no longer exists.');
      const session = row.session_id === null ? undefined : await sessionWithNote(trx, row.session_id);
      if (!session || session.status !== 'signed' || session.note_id === null) {
        throw new AppError('CONFLICT', 'Only a result of a signed session is struck out; remove this one instead.');
      }
      if (row.struck_addendum_id !== null) throw new AppError('CONFLICT', 'This result was already struck out.');
      const definition = await latestMeasure(trx, row.measure_id);
      const addendumId = await appendAddendum(
        trx,
        { noteId: session.note_id, kind: 'correction', text: paragraphsDoc(...struckOutLines(definition?.shortName ?? row.measure_id, row.taken_on, input.reason)), struckOut: [{ resultId: row.id, reason: input.reason }] },
        signerOf(settings),
        this.ctx.now(),
      );
      await strikeOutResult(trx, row.id, addendumId, input.reason);
      await refreshClientAlerts(trx, row.client_id, this.ctx.now());
      const detail = measureDetail(definition?.shortName ?? row.measure_id, session.session_date);
      await appendActivity(trx, { action: 'strike', recordType: 'measure', recordId: row.id, clientId: row.client_id, fields: [], detail }, this.ctx.now());
    });
  }

  /** Checks and scores answers against the measure's latest version; nothing is written. */
  private async scored(input: RecordMeasureInput, noteId: string | null): Promise<{ result: MeasureResult; name: string }> {
    const definition = await latestMeasure(this.ctx.db(), input.measureId);
    if (!definition) throw invalid({ measureId: 'That measure is no longer available. Choose another one.' });
    const client = await clientRowOrThrow(this.ctx.db(), input.clientId);
    const dateProblem = measureDateProblem(input.takenOn, this.ctx.today(), client.date_of_birth);
    if (dateProblem) throw invalid({ takenOn: dateProblem });
    const score = scoreMeasure(definition, input.responses);
    const problems = Object.fromEntries(Object.entries(score.problems).map(([key, message]) => [`responses.${key}`, message]));
    for (const key of score.blankFlagItems) problems[`responses.${key}`] = FLAG_ITEM_BLANK;
    if (Object.keys(problems).length > 0) throw invalid(problems);
    if (score.total === null) {
      const count = scoredItems(definition.items).length;
      throw invalid({ responses: `Answer at least ${count - definition.total.maxMissing} of the ${count} items; ${score.missing.length} are blank.` });
    }
    const result: MeasureResult = {
      id: randomUUID(),
      clientId: input.clientId,
      sessionId: input.sessionId,
      noteId,
      measureId: definition.id,
      measureVersion: definition.version,
      takenOn: input.takenOn,
      responses: Object.fromEntries(definition.items.map((item) => [item.key, score.items[item.key]?.value ?? null])),
      total: score.total,
      subscales: score.subscales,
      flags: score.flags,
      ruptureNoted: false,
      createdAt: this.ctx.now().toISOString(),
      lateEntry: false,
      struckOut: null,
      sessionVoided: false,
    };
    return { result, name: definition.shortName };
  }

  /** A client's results, oldest first, with every definition version they were scored with. */
  async listResults(clientId: string): Promise<{ results: MeasureResult[]; definitions: MeasureDefinition[] }> {
    const db = this.ctx.db();
    await clientRowOrThrow(db, clientId);
    const results = await resultsOfClient(db, clientId);
    const versions = new Map(results.map((result) => [`${result.measureId}@${result.measureVersion}`, { id: result.measureId, version: result.measureVersion }]));
    return { results, definitions: [...(await measureVersions(db, [...versions.values()])).values()] };
  }

  async listAlerts(clientId: string): Promise<ClientAlert[]> {
    await clientRowOrThrow(this.ctx.db(), clientId);
    await ensureEngagementCurrent(this.ctx.db(), this.ctx.now());
    return clientAlerts(this.ctx.db(), clientId);
  }

  /** Keeps the practitioner's note on an alert; the alert then shows as acknowledged. */
  async acknowledgeAlert(input: { clientId: string; alertKey: string; note: string }): Promise<ClientAlert> {
    const db = this.ctx.db();
    await clientRowOrThrow(db, input.clientId);
    const alert = (await clientAlerts(db, input.clientId)).find((candidate) => candidate.key === input.alertKey);
    if (!alert) throw new AppError('NOT_FOUND', 'This alert no longer applies: the result or session it was about was removed, struck out or voided.');
    if (alert.acknowledged) throw new AppError('CONFLICT', 'This alert was already acknowledged.');
    const at = this.ctx.now();
    const id = randomUUID();
    await this.ctx.transaction(async (trx) => {
      await insertAcknowledgement(trx, { id, clientId: input.clientId, alertKey: input.alertKey, note: input.note, at: at.toISOString() });
      await appendActivity(trx, { action: 'update', recordType: 'alert', recordId: id, clientId: input.clientId, fields: ['acknowledged'] }, at);
      // An open alliance alert is a reason of the engagement flag; acknowledging it may lower the flag.
      if (alert.kind !== 'engagement') await refreshEngagement(trx, input.clientId, at);
    });
    return { ...alert, acknowledged: { note: input.note, at: at.toISOString() } };
  }

  async practiceOverview(): Promise<OverviewClient[]> {
    await ensureEngagementCurrent(this.ctx.db(), this.ctx.now());
    return practiceOverview(this.ctx.db());
  }
}
