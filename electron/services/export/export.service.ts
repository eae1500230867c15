import { promises as fs } from 'node:fs';
import { format } from 'date-fns';
import type { Kysely } from 'kysely';
import { exportFormats, type BackupProgress, type ExportDataInput } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { appendActivity } from '../activity/activity-log';
import { writeArchiveFile } from '../backup/archive-file';
import { clientRowOrThrow } from '../clients/client-store';
import type { VaultSchema } from '../database/schema';
import type { Dialogs } from '../dialogs';
import { exportEntries } from './export-archive';
import { gatherExportData } from './export-data';

export interface ExportServiceOptions {
  db: () => Kysely<VaultSchema>;
  dialogs: Dialogs;
  /** The backup passphrase from Settings → Backups, or null when none is set. */
  backupPassphrase: () => Promise<string | null>;
  appVersion: string;
  now?: () => Date;
  onProgress?: (progress: BackupProgress) => void;
  /** Files written in this session, so "Show in folder" may reveal them. */
  onSaved?: (file: string) => void;
}

export interface ExportResult {
  saved: boolean;
  path: string | null;
  fileBytes: number;
  encrypted: boolean;
}

const ENCRYPTED_EXTENSION = '.tar.age';
const PLAIN_EXTENSION = '.tar';

/**
 * "Export in open formats": the whole practice or one client as data.json and/or CSV, with every note
 * as Markdown, packed in one tar that is age-encrypted with the backup passphrase unless the
 * practitioner explicitly chose, and confirmed, a plain file. Every saved export is recorded in the
 * activity log (formats and encryption only, never content); a cancelled one leaves no trace.
 */
export class ExportService {
  private readonly now: () => Date;

  constructor(private readonly options: ExportServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async export(input: ExportDataInput): Promise<ExportResult> {
    const encrypted = input.encryption === 'age';
    if (!encrypted && !input.confirmPlain) {
      const message =
        'A plain export is not encrypted: anyone who gets hold of the file can read every record in it. Confirm that you want an unencrypted file, or choose an encrypted export.';
      throw new AppError('VALIDATION', message, { fieldErrors: { confirmPlain: message } });
    }
    // Checked before the save dialog, so the practitioner is not asked where to save an export that cannot be made.
    const passphrase = encrypted ? await this.options.backupPassphrase() : null;
    if (encrypted && (passphrase === null || passphrase === '')) {
      throw new AppError('NEEDS_SETUP', 'Set a backup passphrase in Settings → Backups first; encrypted exports use the same passphrase as backups.');
    }
    const clientId = input.clientId ?? null;
    const clientCode = clientId === null ? null : await this.clientCode(clientId);

    const startedAt = this.now();
    const extension = encrypted ? ENCRYPTED_EXTENSION : PLAIN_EXTENSION;
    const chosen = await this.options.dialogs.chooseSavePath({
      title: clientCode === null ? 'Export all data' : `Export ${clientCode}`,
      suggestedName: `alliance-export-${clientCode ?? 'all'}-${format(startedAt, 'yyyyMMdd-HHmmss')}${extension}`,
      filters: encrypted ? [{ name: 'Encrypted export (age)', extensions: ['age'] }] : [{ name: 'Tar archive', extensions: ['tar'] }],
    });
    if (chosen === null) return { saved: false, path: null, fileBytes: 0, encrypted };
    const file = withExtension(chosen, encrypted);

    this.progress('Gathering records', null);
    const data = await gatherExportData(this.options.db(), {
      clientId,
      includeProcessNotes: input.includeProcessNotes,
      exportedAt: startedAt,
      appVersion: this.options.appVersion,
    });
    this.progress('Preparing files', null);
    const formats = exportFormats.filter((f) => input.formats.includes(f));
    const entries = exportEntries(data, { formats, encrypted, clientCode });

    const written = await writeArchiveFile({
      file,
      entries,
      passphrase,
      // The save dialog has already asked before replacing a file of that name.
      replace: true,
      onProgress: (fraction) => this.progress(encrypted ? 'Encrypting and writing' : 'Writing', fraction),
    });

    const fields = [...formats, encrypted ? 'encrypted' : 'plain', ...(input.includeProcessNotes ? ['processNotes'] : [])];
    try {
      await this.options.db().transaction().execute((trx) =>
        appendActivity(trx, { action: 'export', recordType: 'data', recordId: clientId ?? 'all', clientId, fields }, this.now()),
      );
    } catch (error) {
      // An export that is not in the log must not exist (a plain one above all): remove the file.
      await fs.rm(written.path, { force: true }).catch(() => undefined);
      throw error;
    }
    this.progress('Saved', 1);
    this.options.onSaved?.(written.path);
    return { saved: true, path: written.path, fileBytes: written.fileBytes, encrypted };
  }

  private async clientCode(clientId: string): Promise<string> {
    return (await clientRowOrThrow(this.options.db(), clientId)).code;
  }

  private progress(phase: string, fraction: number | null): void {
    this.options.onProgress?.({ operation: 'export', phase, fraction });
  }
}

/**
 * Keeps what the practitioner typed and adds the export's extension when it is missing: "notes" →
 * "notes.tar.age", "notes.tar" → "notes.tar.age" for an encrypted export, so the file's name always
 * says how to open it.
 */
export function withExtension(file: string, encrypted: boolean): string {
  const lower = file.toLowerCase();
  if (encrypted) {
    if (lower.endsWith('.age')) return file;
    return lower.endsWith(PLAIN_EXTENSION) ? `${file}.age` : `${file}${ENCRYPTED_EXTENSION}`;
  }
  return lower.endsWith(PLAIN_EXTENSION) ? file : `${file}${PLAIN_EXTENSION}`;
}
