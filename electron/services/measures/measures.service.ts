import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { FLAG_ITEM_BLANK, scoreMeasure, type CustomMeasureInput, type MeasureDefinition } from '../../../shared/measures';
import type { ClientAlert, MeasureResult, OverviewClient, RecordMeasureInput } from '../../../shared/measure-records';
import { appendActivity } from '../activity/activity-log';
import { clientRowOrThrow } from '../clients/client-store';
import { invalid, ServiceContext, type ServiceClock } from '../clients/service-context';
import { clientAlerts } from './client-alerts';
import { latestMeasure, listMeasures, measureVersions, saveCustomMeasure } from './measure-definitions.repository';
import { resultsOfClient } from './measure-results.repository';
import { practiceOverview } from './practice-overview';

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

  /** Scores and stores one result; refuses answers out of range and results too incomplete to score. */
  async recordMeasure(input: RecordMeasureInput): Promise<MeasureResult> {
    const db = this.ctx.db();
    await clientRowOrThrow(db, input.clientId);
    const definition = await latestMeasure(db, input.measureId);
    if (!definition) throw invalid({ measureId: 'That measure is no longer available. Choose another one.' });
    let noteId: string | null = null;
    if (input.sessionId !== null) {
      const session = await db
        .selectFrom('sessions as ses')
        .leftJoin('notes as n', 'n.session_id', 'ses.id')
        .select(['ses.client_id', 'n.id as note_id'])
        .where('ses.id', '=', input.sessionId)
        .executeTakeFirst();
      if (!session || session.client_id !== input.clientId) throw invalid({ sessionId: "That session is not one of this client's." });
      noteId = session.note_id;
    }
    const score = scoreMeasure(definition, input.responses);
    const problems = Object.fromEntries(Object.entries(score.problems).map(([key, message]) => [`responses.${key}`, message]));
    for (const key of score.blankFlagItems) problems[`responses.${key}`] = FLAG_ITEM_BLANK;
    if (Object.keys(problems).length > 0) throw invalid(problems);
    if (score.total === null) {
      const needed = definition.items.length - definition.total.maxMissing;
      throw invalid({ responses: `Answer at least ${needed} of the ${definition.items.length} items; ${score.missing.length} are blank.` });
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
    };
    await this.ctx.transaction(async (trx) => {
      await trx
        .insertInto('measure_results')
        .values({
          id: result.id,
          client_id: result.clientId,
          session_id: result.sessionId,
          measure_id: result.measureId,
          measure_version: result.measureVersion,
          taken_on: result.takenOn,
          responses: JSON.stringify(result.responses),
          total: result.total,
          subscales: JSON.stringify(result.subscales),
          flags: JSON.stringify(result.flags),
          created_at: result.createdAt,
        })
        .execute();
      await appendActivity(trx, { action: 'create', recordType: 'measure', recordId: result.id, clientId: result.clientId, fields: [] }, this.ctx.now());
    });
    return (await resultsOfClient(db, input.clientId)).find((stored) => stored.id === result.id) ?? result;
  }

  /** Removes a result entered by mistake (the log keeps that it existed, never its scores). */
  async deleteMeasureResult(id: string): Promise<void> {
    const db = this.ctx.db();
    const row = await db.selectFrom('measure_results').select('client_id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That result no longer exists.');
    await this.ctx.transaction(async (trx) => {
      await trx.deleteFrom('measure_results').where('id', '=', id).execute();
      await appendActivity(trx, { action: 'delete', recordType: 'measure', recordId: id, clientId: row.client_id, fields: [] }, this.ctx.now());
    });
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
    return clientAlerts(this.ctx.db(), clientId);
  }

  /** Keeps the practitioner's note on an alert; the alert then shows as acknowledged. */
  async acknowledgeAlert(input: { clientId: string; alertKey: string; note: string }): Promise<ClientAlert> {
    const db = this.ctx.db();
    await clientRowOrThrow(db, input.clientId);
    const alert = (await clientAlerts(db, input.clientId)).find((candidate) => candidate.key === input.alertKey);
    if (!alert) throw new AppError('NOT_FOUND', 'This alert no longer applies: a newer result or session has replaced it.');
    if (alert.acknowledged) throw new AppError('CONFLICT', 'This alert was already acknowledged.');
    const at = this.ctx.now();
    const id = randomUUID();
    await this.ctx.transaction(async (trx) => {
      await trx.insertInto('alert_acknowledgements').values({ id, client_id: input.clientId, alert_key: input.alertKey, note: input.note, acknowledged_at: at.toISOString() }).execute();
      await appendActivity(trx, { action: 'update', recordType: 'alert', recordId: id, clientId: input.clientId, fields: ['acknowledged'] }, at);
    });
    return { ...alert, acknowledged: { note: input.note, at: at.toISOString() } };
  }

  practiceOverview(): Promise<OverviewClient[]> {
    return practiceOverview(this.ctx.db());
  }
}
