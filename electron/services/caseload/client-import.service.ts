import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { MAX_IMPORT_FILE_BYTES, type CheckedImport, type ImportFile, type ImportReport, type ImportRowsInput } from '../../../shared/client-import';
import { checkImportRows, existingClients, type ExistingClients } from '../../../shared/client-import-rules';
import { AppError } from '../../../shared/errors';
import { appendActivity } from '../activity/activity-log';
import { fieldsToColumns } from '../clients/client-row';
import { clientCodeGenerator } from '../clients/client-code';
import { replaceTags } from '../clients/client-tags.repository';
import { clientsForList, insertClient } from '../clients/clients.repository';
import { indexNewClient } from '../clients/search-index';
import { ServiceContext, type ServiceClock } from '../clients/service-context';
import type { VaultSchema } from '../database/schema';
import type { Dialogs } from '../dialogs';
import { readClientCsv } from './client-import-file';

/**
 * Importing a client list from another tool's CSV export. The renderer maps the file's columns to our
 * fields; the rows are checked by the client form's rules (shared/client-import-rules.ts), previewed,
 * and the good ones created in one transaction, as the client form would create each.
 */
export class ClientImportService {
  private readonly ctx: ServiceContext;

  constructor(private readonly options: ServiceClock & { dialogs: Dialogs }) {
    this.ctx = new ServiceContext(options);
  }

  /** The file chosen in the open dialog, as text; null when the practitioner cancels. */
  async chooseFile(): Promise<ImportFile | null> {
    // Refuses while locked before any dialog opens.
    this.ctx.db();
    const file = await this.options.dialogs.chooseOpenPath({
      title: 'Choose a client list',
      filters: [{ name: 'Client list (CSV)', extensions: ['csv', 'txt'] }],
    });
    if (file === null) return null;
    let bytes: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new Error('not a file');
      if (stat.size > MAX_IMPORT_FILE_BYTES) throw tooLarge(stat.size);
      bytes = await fs.readFile(file);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('IO_ERROR', 'That file cannot be read. Check the drive is connected and try again.');
    }
    return readClientCsv(bytes, path.basename(file));
  }

  /** Each row's problems, without writing anything. */
  async check(input: ImportRowsInput): Promise<CheckedImport> {
    const db = this.ctx.db();
    const checked = checkImportRows(input.rows, input.dateFormat, this.ctx.today(), await existing(db));
    return { rows: checked.map(({ problems }) => ({ problems })) };
  }

  /**
   * Creates a client for each row without problems, checked again inside the transaction so a client
   * added since the preview is still a duplicate. One activity log entry counts them, without names.
   */
  async import(input: ImportRowsInput): Promise<ImportReport> {
    const at = this.ctx.now();
    const today = this.ctx.today();
    return this.ctx.transaction(async (trx) => {
      const vault = await existing(trx);
      const checked = checkImportRows(input.rows, input.dateFormat, today, vault);
      const good = checked.flatMap(({ fields }) => (fields ? [fields] : []));
      // Codes the file brings are reserved first, so a generated code never takes one a later row asks for.
      const nextCode = clientCodeGenerator([...vault.codes, ...good.map((fields) => fields.code)]);
      for (const fields of good) {
        const id = randomUUID();
        const code = fields.code === '' ? nextCode() : fields.code;
        const row = { ...fieldsToColumns(fields), id, code, created_at: at.toISOString(), updated_at: at.toISOString() };
        await insertClient(trx, row);
        await replaceTags(trx, id, fields.tags);
        await indexNewClient(trx, { ...row, presenting_concerns: row.presenting_concerns ?? null }, fields.tags);
      }
      if (good.length > 0) {
        await appendActivity(trx, { action: 'create', recordType: 'client', recordId: 'import', clientId: null, fields: [], detail: { count: good.length } }, at);
      }
      const skipped = checked.flatMap(({ fields, problems }, index) => (fields ? [] : [{ index, problems }]));
      return { imported: good.length, skipped };
    });
  }
}

async function existing(db: Kysely<VaultSchema>): Promise<ExistingClients> {
  return existingClients(await clientsForList(db));
}

function tooLarge(bytes: number): AppError {
  const megabytes = (bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 });
  const limit = MAX_IMPORT_FILE_BYTES / (1024 * 1024);
  return new AppError('VALIDATION', `That file is ${megabytes} MB; a client list is much smaller (at most ${limit} MB here). Choose the CSV export of your client list.`);
}
