import { randomUUID } from 'node:crypto';
import type { Client, GoalStatus } from '../../../shared/clients';
import { AppError } from '../../../shared/errors';
import { appendActivity } from '../activity/activity-log';
import { clientRowOrThrow, loadClient } from './client-store';
import { diagnosisRow, insertDiagnosis, setDiagnosisRemoved } from './diagnoses.repository';
import { deleteGoal, goalRow, insertGoal, isGoalReferenced, nextGoalPosition, recordGoalStatus, updateGoal } from './goals.repository';
import { reindexClient } from './search-index';
import { invalid, ServiceContext, type ServiceClock } from './service-context';

const goalNotFound = () => new AppError('NOT_FOUND', 'That goal is no longer in this client’s plan.');
const goalInUse = () =>
  new AppError('CONFLICT', 'A session note refers to this goal, so it cannot be deleted. Mark it discontinued instead.');

/** Treatment goals (with their status history) and diagnoses of a client. */
export class TreatmentPlanService {
  private readonly ctx: ServiceContext;

  constructor(options: ServiceClock) {
    this.ctx = new ServiceContext(options);
  }

  /** A new goal in the client's own words; it starts active and its history says when it was set. */
  async addGoal(input: { clientId: string; text: string; objective: string; dateSet: string; targetDate: string | null }): Promise<Client> {
    await clientRowOrThrow(this.ctx.db(), input.clientId);
    const problems: Record<string, string> = {};
    if (input.dateSet > this.ctx.today()) problems.dateSet = 'The date a goal was set cannot be in the future.';
    if (input.targetDate && input.targetDate < input.dateSet) problems.targetDate = 'The target date cannot be before the date the goal was set.';
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const id = randomUUID();
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      await insertGoal(trx, {
        id,
        client_id: input.clientId,
        text: input.text,
        objective: input.objective,
        status: 'active',
        date_set: input.dateSet,
        target_date: input.targetDate,
        position: await nextGoalPosition(trx, input.clientId),
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      });
      await recordGoalStatus(trx, { goalId: id, from: null, to: 'active', date: input.dateSet, at });
      await reindexClient(trx, input.clientId);
      await appendActivity(trx, { action: 'create', recordType: 'goal', recordId: id, clientId: input.clientId, fields: [] }, at);
    });
    return this.client(input.clientId);
  }

  /** Rewords a goal or changes its objective or target date. */
  async updateGoal(input: { goalId: string; text: string; objective: string; targetDate: string | null }): Promise<Client> {
    const goal = await this.goalOrThrow(input.goalId);
    if (input.targetDate && input.targetDate < goal.date_set) {
      throw invalid({ targetDate: 'The target date cannot be before the date the goal was set.' });
    }
    const changed = (['text', 'objective', 'targetDate'] as const).filter((key) =>
      key === 'targetDate' ? goal.target_date !== input.targetDate : goal[key] !== input[key],
    );
    if (changed.length === 0) return this.client(goal.client_id);
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      await updateGoal(trx, goal.id, { text: input.text, objective: input.objective, target_date: input.targetDate, updated_at: at.toISOString() });
      await reindexClient(trx, goal.client_id);
      await appendActivity(trx, { action: 'update', recordType: 'goal', recordId: goal.id, clientId: goal.client_id, fields: changed }, at);
    });
    return this.client(goal.client_id);
  }

  /** Marks a goal achieved, revised, discontinued or active again, keeping the change in its history. */
  async changeGoalStatus(input: { goalId: string; status: GoalStatus; date: string }): Promise<Client> {
    const goal = await this.goalOrThrow(input.goalId);
    if (goal.status === input.status) return this.client(goal.client_id);
    if (input.date > this.ctx.today()) throw invalid({ date: 'The date of a status change cannot be in the future.' });
    if (input.date < goal.date_set) throw invalid({ date: 'The date of a status change cannot be before the goal was set.' });
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      await updateGoal(trx, goal.id, { status: input.status, updated_at: at.toISOString() });
      await recordGoalStatus(trx, { goalId: goal.id, from: goal.status, to: input.status, date: input.date, at });
      await appendActivity(trx, { action: 'update', recordType: 'goal', recordId: goal.id, clientId: goal.client_id, fields: ['status'] }, at);
    });
    return this.client(goal.client_id);
  }

  /** Removes a goal entered by mistake; a goal a note refers to is refused (discontinue it instead). */
  async deleteGoal(goalId: string): Promise<Client> {
    const goal = await this.goalOrThrow(goalId);
    if (await isGoalReferenced(this.ctx.db(), goalId)) throw goalInUse();
    const at = this.ctx.now();
    try {
      await this.ctx.transaction(async (trx) => {
        await deleteGoal(trx, goalId);
        await reindexClient(trx, goal.client_id);
        await appendActivity(trx, { action: 'delete', recordType: 'goal', recordId: goalId, clientId: goal.client_id, fields: [] }, at);
      });
    } catch (error) {
      // A reference added by a later feature without its check still cannot be orphaned.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw goalInUse();
      throw error;
    }
    return this.client(goal.client_id);
  }

  /** Records a diagnosis (free entry: code and label) as current from `dateAdded`. */
  async addDiagnosis(input: { clientId: string; code: string; label: string; dateAdded: string }): Promise<Client> {
    const client = await clientRowOrThrow(this.ctx.db(), input.clientId);
    const code = input.code.normalize('NFC').trim();
    const label = input.label.normalize('NFC').trim();
    const problems: Record<string, string> = {};
    if (label === '') problems.label = 'Enter the diagnosis, such as Generalized anxiety disorder.';
    if (input.dateAdded > this.ctx.today()) problems.dateAdded = 'The date a diagnosis was added cannot be in the future.';
    else if (client.date_of_birth && input.dateAdded < client.date_of_birth) {
      problems.dateAdded = 'The date a diagnosis was added cannot be before the date of birth.';
    }
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const id = randomUUID();
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      await insertDiagnosis(trx, { id, client_id: input.clientId, code, label, date_added: input.dateAdded, date_removed: null, created_at: at.toISOString() });
      await reindexClient(trx, input.clientId);
      await appendActivity(trx, { action: 'create', recordType: 'diagnosis', recordId: id, clientId: input.clientId, fields: [] }, at);
    });
    return this.client(input.clientId);
  }

  /** Ends a diagnosis on `dateRemoved`; it stays in the record's history. */
  async removeDiagnosis(input: { clientId: string; diagnosisId: string; dateRemoved: string }): Promise<Client> {
    const diagnosis = await diagnosisRow(this.ctx.db(), input.clientId, input.diagnosisId);
    if (!diagnosis) throw new AppError('NOT_FOUND', 'That diagnosis is no longer in this client’s record.');
    if (diagnosis.date_removed !== null) throw invalid({ dateRemoved: `That diagnosis was already removed on ${diagnosis.date_removed}.` });
    if (input.dateRemoved > this.ctx.today()) throw invalid({ dateRemoved: 'The date a diagnosis was removed cannot be in the future.' });
    if (input.dateRemoved < diagnosis.date_added) {
      throw invalid({ dateRemoved: `The removal date cannot be before the date it was added (${diagnosis.date_added}).` });
    }
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      await setDiagnosisRemoved(trx, diagnosis.id, input.dateRemoved);
      await appendActivity(
        trx,
        { action: 'update', recordType: 'diagnosis', recordId: diagnosis.id, clientId: input.clientId, fields: ['dateRemoved'] },
        at,
      );
    });
    return this.client(input.clientId);
  }

  private async goalOrThrow(goalId: string) {
    const goal = await goalRow(this.ctx.db(), goalId);
    if (!goal) throw goalNotFound();
    return goal;
  }

  private client(id: string): Promise<Client> {
    return loadClient(this.ctx.db(), id, this.ctx.today());
  }
}
