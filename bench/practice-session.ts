import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClientsService } from '../electron/services/clients/clients.service';
import { MeasuresService } from '../electron/services/measures/measures.service';
import { NotesService } from '../electron/services/notes/notes.service';
import { VaultService } from '../electron/services/vault/vault.service';
import { practiceVault, type PracticeManifest } from './practice-vault';
import { SEEDED_NOW } from './seed/write-alerts';
import { EngagementService } from '../electron/services/engagement/engagement.service';
import type { Dialogs } from '../electron/services/dialogs';

/** The bench opens no dialog. */
const noDialogs: Dialogs = { chooseSavePath: async () => null, chooseFolder: async () => null, chooseOpenPath: async () => null, showInFolder: async () => undefined };

export interface PracticeSession {
  vault: VaultService;
  clients: ClientsService;
  notes: NotesService;
  measures: MeasuresService;
  engagement: EngagementService;
  manifest: PracticeManifest;
}

let opened: Promise<PracticeSession> | null = null;

/**
 * The seeded practice (300 clients, 20,000 sessions, `npm run seed`'s generator, cached by seed and
 * size), copied to a temporary folder and unlocked once per bench run: the database rows share it, and
 * rows that write (autosave) change only the copy. The copy is removed when the process exits.
 */
export function practiceSession(): Promise<PracticeSession> {
  opened ??= (async () => {
    const practice = await practiceVault();
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'alliance-bench-practice-')), 'vault');
    await practice.copyTo(dir);
    process.once('exit', () => {
      vault.lock('user');
      rmSync(path.dirname(dir), { recursive: true, force: true });
    });
    const vault = new VaultService({ dir, appVersion: 'bench' });
    await vault.unlock(practice.passphrase);
    const db = () => vault.database();
    // The engagement flags are stamped current for the seeded history's last day: read with that clock,
    // the overview finds them current, as the raw copy beside it does (with today's clock every active
    // client of a history that ended months ago would first be refreshed as overdue).
    const measures = new MeasuresService({ db, now: () => SEEDED_NOW });
    const engagement = new EngagementService({ db, now: () => SEEDED_NOW, dialogs: noDialogs });
    return { vault, clients: new ClientsService({ db }), notes: new NotesService({ db }), measures, engagement, manifest: practice.manifest };
  })();
  return opened;
}
