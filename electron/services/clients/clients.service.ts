import { randomUUID } from 'node:crypto';
import type { DischargeKind } from '../../../shared/clients';
import {
  clientFieldProblems,
  type Client,
  type ClientFields,
  type ClientList,
  type ClientListQuery,
  type ClientStatus,
} from '../../../shared/clients';
import { appendActivity } from '../activity/activity-log';
import { refreshEngagement } from '../engagement/engagement-events';
import { deleteNotesOfClient } from '../notes/notes.repository';
import { beginErasure, endErasure, truncateWal } from './client-erasures.repository';
import { changedFields, fieldsToColumns, rowToFields } from './client-row';
import { suggestClientCode } from './client-code';
import { listClients } from './client-list';
import { clientRowOrThrow, loadClient } from './client-store';
import { replaceTags, tagsOfClient } from './client-tags.repository';
import { deleteClient, insertClient, isCodeTaken, updateClient } from './clients.repository';
import { reindexClient, removeClientFromIndex } from './search-index';
import { invalid, ServiceContext, type ServiceClock } from './service-context';

/** Client records: create, edit, list and search, discharge, and permanent deletion. */
export class ClientsService {
  private readonly ctx: ServiceContext;

  constructor(options: ServiceClock) {
    this.ctx = new ServiceContext(options);
  }

  /** Filtered, searched and sorted list for the client list screen. */
  async list(query: ClientListQuery): Promise<ClientList> {
    return listClients(this.ctx.db(), query, this.ctx.today());
  }

  /** The whole record, with diagnoses and goals. */
  async get(id: string): Promise<Client> {
    return loadClient(this.ctx.db(), id, this.ctx.today());
  }

  /** A free code to offer in the new-client form. */
  async suggestCode(): Promise<string> {
    return suggestClientCode(this.ctx.db());
  }

  /** Adds a client; an empty code gets a generated one. */
  async create(fields: ClientFields): Promise<Client> {
    await this.validate(fields, null);
    const id = randomUUID();
    const at = this.ctx.now();
    await this.guardCode(fields.code, () =>
      this.ctx.transaction(async (trx) => {
        const code = fields.code === '' ? await suggestClientCode(trx) : fields.code;
        await insertClient(trx, { ...fieldsToColumns(fields), id, code, created_at: at.toISOString(), updated_at: at.toISOString() });
        await replaceTags(trx, id, fields.tags);
        await reindexClient(trx, id);
        await appendActivity(trx, { action: 'create', recordType: 'client', recordId: id, clientId: id, fields: [] }, at);
      }),
    );
    return this.get(id);
  }

  /** Saves the form; only fields that really changed are logged, and an unchanged form writes nothing. */
  async update(id: string, submitted: ClientFields): Promise<Client> {
    const row = await clientRowOrThrow(this.ctx.db(), id);
    const fields = { ...submitted, code: submitted.code === '' ? row.code : submitted.code };
    await this.validate(fields, id);
    const before = rowToFields(row, await tagsOfClient(this.ctx.db(), id));
    const normalisedAfter = rowToFields({ ...row, ...fieldsToColumns(fields), code: fields.code }, fields.tags);
    const changed = changedFields(before, normalisedAfter);
    if (changed.length === 0) return this.get(id);
    const at = this.ctx.now();
    await this.guardCode(fields.code, () =>
      this.ctx.transaction(async (trx) => {
        await updateClient(trx, id, { ...fieldsToColumns(fields), code: fields.code, updated_at: at.toISOString() });
        await replaceTags(trx, id, fields.tags);
        await reindexClient(trx, id);
        // Only an active client is flagged: pausing or discharging lowers the flag, reactivating raises it again.
        if (changed.includes('status')) await refreshEngagement(trx, id, at);
        await appendActivity(trx, { action: 'update', recordType: 'client', recordId: id, clientId: id, fields: changed }, at);
      }),
    );
    return this.get(id);
  }

  /** Pause, reactivate or discharge, with the same rules as the form. */
  async setStatus(id: string, status: ClientStatus, dischargeDate: string | null, dischargeReason: string, dischargeKind: DischargeKind | null = null): Promise<Client> {
    const row = await clientRowOrThrow(this.ctx.db(), id);
    const fields = rowToFields(row, await tagsOfClient(this.ctx.db(), id));
    return this.update(id, { ...fields, status, dischargeDate, dischargeReason: dischargeReason.normalize('NFC').trim(), dischargeKind });
  }

  /**
   * Permanent deletion for the right to erasure: the practitioner types the legal name to confirm, and
   * afterwards nothing the client's records held can be read back from the vault, even below SQL.
   */
  async erase(id: string, confirmName: string): Promise<void> {
    const row = await clientRowOrThrow(this.ctx.db(), id);
    const typed = confirmName.normalize('NFC').trim().toLocaleLowerCase();
    if (typed !== row.legal_name.toLocaleLowerCase()) {
      throw invalid({ confirmName: "That does not match the client's legal name. Type it exactly as shown." });
    }
    const at = this.ctx.now();
    // One transaction: the record goes, with its index rows and its log entry, or nothing changes.
    await this.ctx.transaction(async (trx) => {
      // FTS5 tables cannot have foreign keys, so index rows (client, goals, notes) go explicitly;
      // the index's secure-delete option purges their terms from its b-trees instead of leaving
      // tombstones that still spell them out.
      await removeClientFromIndex(trx, id);
      // Signed notes, their sessions and results are guarded against deletion; erasure alone lifts that.
      await beginErasure(trx, id);
      // Notes go first (cascading to their addenda and goal-progress rows): a goal a note refers to is
      // ON DELETE RESTRICT, and the order in which the client's own cascades would run is not defined.
      await deleteNotesOfClient(trx, id);
      // Foreign keys cascade to tags, diagnoses, goals and their history, sessions and
      // measure results; secure_delete (set on every open) zeroes the space they occupied.
      await deleteClient(trx, id);
      await endErasure(trx, id);
      // The log keeps that an erasure happened, with no names, codes or contents: fields stay empty.
      await appendActivity(trx, { action: 'erase', recordType: 'client', recordId: id, clientId: id, fields: [] }, at);
    });
    // The WAL still holds earlier images of the pages just cleared; copying it into vault.db and
    // truncating it to zero bytes leaves no old copy of the client's text on disk.
    await truncateWal(this.ctx.db());
  }

  /**
   * Two saves racing with the same code both pass validation; the UNIQUE index stops the second, and
   * the practitioner gets the same message as for any duplicate instead of an internal error.
   */
  private async guardCode(code: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const { code: sqliteCode, message } = error as { code?: string; message?: string };
      if (code !== '' && sqliteCode === 'SQLITE_CONSTRAINT_UNIQUE' && message?.includes('clients.code')) throw duplicateCode(code);
      throw error;
    }
  }

  private async validate(fields: ClientFields, id: string | null): Promise<void> {
    const problems = clientFieldProblems(fields, this.ctx.today());
    if (fields.code !== '' && (await isCodeTaken(this.ctx.db(), fields.code, id))) {
      problems.code = duplicateCodeMessage(fields.code);
    }
    if (Object.keys(problems).length > 0) throw invalid(problems);
  }
}

const duplicateCodeMessage = (code: string): string => `Another client already uses the code ${code}. Choose a different code.`;
const duplicateCode = (code: string) => invalid({ code: duplicateCodeMessage(code) });
