import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ChosenFile } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import type { Dialogs } from '../dialogs';

/** Only the latest few choices stay valid; the renderer only ever holds the last one. */
const MAX_CHOSEN_FILES = 20;

/**
 * Backup files the practitioner picked in the open dialog, by an id the renderer holds instead of a
 * path: a renderer can only ever name a file that was chosen in the app's own dialog.
 */
export class ChosenBackupFiles {
  private readonly files = new Map<string, string>();

  constructor(private readonly dialogs: Dialogs) {}

  async choose(): Promise<ChosenFile | null> {
    const file = await this.dialogs.chooseOpenPath({
      title: 'Choose a backup',
      filters: [{ name: 'Alliance Notes backup', extensions: ['age'] }],
    });
    if (file === null) return null;
    let bytes: number;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new Error('not a file');
      bytes = stat.size;
    } catch {
      throw new AppError('IO_ERROR', 'That file cannot be read. Check the drive is connected and try again.');
    }
    const id = randomUUID();
    this.files.set(id, file);
    while (this.files.size > MAX_CHOSEN_FILES) this.files.delete(this.files.keys().next().value as string);
    return { id, name: path.basename(file), bytes };
  }

  /** The path behind an id from choose(). */
  path(fileId: string): string {
    const file = this.files.get(fileId);
    if (!file) throw new AppError('NOT_FOUND', 'Choose the backup file again.');
    return file;
  }
}
