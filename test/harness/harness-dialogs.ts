import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Dialogs } from '../../electron/services/dialogs';

export type DialogKind = 'save' | 'folder' | 'open';
export const dialogKinds: readonly DialogKind[] = ['save', 'folder', 'open'];

/**
 * Answers the services' OS dialogs without a human. Rules, first match wins:
 * 1. an answer a test queued for this kind of dialog (used once, first in first out);
 * 2. with a dialog folder: save → `<dir>/<suggestedName>`, folder → `<dir>`, open → the newest file there;
 * 3. otherwise null, which the services treat as "the user cancelled".
 */
export class HarnessDialogs implements Dialogs {
  private readonly queued: Record<DialogKind, Array<string | null>> = { save: [], folder: [], open: [] };
  /** Files the app asked to show in the file manager, oldest first, so tests can check the request. */
  readonly shownInFolder: string[] = [];

  constructor(private readonly dialogDir: string | null) {}

  queueAnswer(kind: DialogKind, answer: string | null): void {
    this.queued[kind].push(answer);
  }

  async chooseSavePath(options: { suggestedName: string }): Promise<string | null> {
    const queued = this.takeQueued('save');
    if (queued !== undefined) return queued;
    // basename: a suggested name is never allowed to steer the file out of the dialog folder.
    return this.dialogDir === null ? null : path.join(this.dialogDir, path.basename(options.suggestedName));
  }

  async chooseFolder(): Promise<string | null> {
    const queued = this.takeQueued('folder');
    if (queued !== undefined) return queued;
    return this.dialogDir;
  }

  async chooseOpenPath(): Promise<string | null> {
    const queued = this.takeQueued('open');
    if (queued !== undefined) return queued;
    return this.dialogDir === null ? null : newestFile(this.dialogDir);
  }

  async showInFolder(file: string): Promise<void> {
    this.shownInFolder.push(file);
  }

  /** undefined = nothing queued (null is a real answer: "cancel"). */
  private takeQueued(kind: DialogKind): string | null | undefined {
    return this.queued[kind].length > 0 ? this.queued[kind].shift() : undefined;
  }
}

/** The most recently modified regular file in `dir`, or null when it has none (or does not exist). */
async function newestFile(dir: string): Promise<string | null> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  let best: { file: string; mtimeMs: number } | null = null;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    const { mtimeMs } = await fs.stat(file);
    if (best === null || mtimeMs > best.mtimeMs) best = { file, mtimeMs };
  }
  return best?.file ?? null;
}
