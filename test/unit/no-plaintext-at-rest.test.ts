import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import type { Result } from '../../shared/errors';
import { HarnessDialogs } from '../harness/harness-dialogs';
import { filesUnder } from './support/files-under';
import { startCanaryScan, type CanaryScan } from './support/backup-scanner';
import { clientFields } from './support/client-vault';
import { allianceContent, doc, notesVaultOf, sessionFields } from './support/notes-vault';
import { everyPartSummaryInput, seedSummaryClient } from './support/summary-client';
import { PASSPHRASE, removeDir, TEST_KDF_COST, tempDir } from './support/temp-vault';

/*
 * Proof 1 of the security issue: after a whole working session (clients, notes, measures, a PDF
 * summary, an encrypted export and a backup), none of the confidential strings typed in it is on
 * disk in plaintext anywhere but in the PDF the practitioner chose to write. Every canary carries one
 * random token, so one needle finds any of them, in any file:
 * - a scanner process watches the user-data folder, every new temp entry and every file this process
 *   holds open (deleted temp files included) throughout the session;
 * - afterwards every file under the user-data folder, the export folder and the temp folder is read;
 * - everything the process wrote to stdout/stderr meanwhile (the app's only log) is searched too.
 */

const TOKEN = `Qv${randomBytes(6).toString('hex')}`;
const CANARIES = {
  legalName: `Ada ${TOKEN}name`,
  preferredName: `Addie${TOKEN}`,
  noteText: `she described the ${TOKEN}harbour dream again`,
  goalText: `Walk to the ${TOKEN}lighthouse without panic`,
  privateRemarks: `Remark ${TOKEN}private`,
} as const;
const BACKUP_PASSPHRASE = 'saffron glacier tunnel orbit 62';


/** Files below `root` that contain `needle`; `since` skips files last written before the session. */
function filesHolding(root: string, needle: Buffer, options: { except?: ReadonlySet<string>; since?: number } = {}): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(root)) {
    if (options.except?.has(file)) continue;
    try {
      const stat = statSync(file);
      if (stat.size > 512 * 1024 * 1024 || stat.mtimeMs < (options.since ?? 0)) continue;
      if (readFileSync(file).includes(needle)) hits.push(file);
    } catch {
      // Another test's temp file vanished between listing and reading: nothing of ours was in it.
    }
  }
  return hits;
}

/** Everything written to stdout and stderr while `run` is in progress, passed through as usual. */
function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const tap =
    (write: typeof process.stdout.write) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = tap(originals.out) as typeof process.stdout.write;
  process.stderr.write = tap(originals.err) as typeof process.stderr.write;
  return {
    text: () => chunks.join(''),
    restore: () => {
      process.stdout.write = originals.out;
      process.stderr.write = originals.err;
    },
  };
}

async function call<T>(services: AppServices, method: string, input: unknown): Promise<T> {
  const result = (await services.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}`);
  return result.value;
}

describe('no confidential text at rest after a working session', () => {
  const userData = tempDir('alliance-userdata-');
  const vaultDir = path.join(userData, 'vault');
  const backupDir = path.join(userData, 'Backups');
  const chosenDir = tempDir('alliance-chosen-exports-');
  const needle = Buffer.from(TOKEN, 'utf8');
  let services: AppServices;
  let scan: CanaryScan;
  let pdfPath = '';
  let exportPath = '';
  let output = '';
  let liveHits: string[] = [];
  let liveScans = 0;
  let sessionStart = 0;

  beforeAll(async () => {
    mkdirSync(vaultDir, { recursive: true });
    mkdirSync(backupDir);
    const dialogs = new HarnessDialogs(chosenDir);
    services = createAppServices({ vaultDir, dialogs, emit: () => {}, kdfCost: TEST_KDF_COST });
    sessionStart = Date.now();
    const captured = captureOutput();
    scan = await startCanaryScan(TOKEN, { tmp: os.tmpdir(), folders: [userData] });
    try {
      await call(services, 'createVault', { passphrase: PASSPHRASE });
      // Twelve weekly sessions with signed notes, goals, SAC and PHQ-9 results; the token in the notes.
      const seeded = await seedSummaryClient(notesVaultOf(services, vaultDir), { legalName: CANARIES.legalName, preferredName: CANARIES.preferredName, sessions: 12, mentionName: TOKEN });
      await call(services, 'addGoal', { clientId: seeded.clientId, text: CANARIES.goalText, objective: '', targetDate: null, dateSet: '2025-09-01' });
      const second = await call<{ id: string }>(services, 'createClient', {
        fields: { ...clientFields({ legalName: `Second ${TOKEN}`, privateRemarks: CANARIES.privateRemarks }) },
      });
      const note = await services.notes.createSession({ clientId: second.id, session: sessionFields({ date: '2026-06-01' }), templateId: 'alliance' });
      await services.notes.saveDraft({
        noteId: note.id,
        baseRevision: note.revision,
        content: allianceContent({ bond: doc(CANARIES.noteText), plan: doc(`Plan ${TOKEN}`) }),
        processNote: doc(`Process ${TOKEN}`),
      });
      await call(services, 'search', { query: `${TOKEN}harbour` });
      const pdf = await call<{ path: string }>(services, 'exportProgressSummary', everyPartSummaryInput(seeded));
      pdfPath = pdf.path;
      await call(services, 'setBackupPassphrase', { passphrase: BACKUP_PASSPHRASE });
      const exported = await call<{ path: string }>(services, 'exportData', { formats: ['json', 'csv'], includeProcessNotes: true });
      exportPath = exported.path;
      dialogs.queueAnswer('folder', backupDir);
      await call(services, 'chooseBackupFolder', {});
      await call(services, 'backupNow', { destination: 'folder' });
      await call(services, 'lockVault', {});
    } finally {
      const report = await scan.stop();
      liveHits = report.hits;
      liveScans = report.scans;
      captured.restore();
      output = captured.text();
    }
  }, 120_000);

  afterAll(async () => {
    services?.dispose();
    await removeDir(userData);
    await removeDir(chosenDir);
  });

  it('really stored the confidential text: it comes back after unlocking', async () => {
    await call(services, 'unlockVault', { passphrase: PASSPHRASE });
    const found = await call<{ results: unknown[] }>(services, 'search', { query: `${TOKEN}harbour` });
    expect(JSON.stringify(found)).toContain(TOKEN);
    await call(services, 'lockVault', {});
  });

  it('wrote the PDF and the encrypted export where the practitioner chose', () => {
    expect(path.dirname(pdfPath)).toBe(chosenDir);
    expect(path.dirname(exportPath)).toBe(chosenDir);
    expect(readFileSync(exportPath).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(readdirSync(backupDir)).toHaveLength(1);
  });

  it('never had the text in plaintext in any file on disk or held open during the session, but the chosen PDF', () => {
    expect(liveScans).toBeGreaterThan(10);
    expect(liveHits.filter((file) => file !== pdfPath)).toEqual([]);
  });

  it('leaves no plaintext in the user-data folder (vault, backups), the export folder or the temp folder', () => {
    const fileNames = [...filesUnder(userData)].map((file) => path.relative(userData, file));
    expect(fileNames).toEqual(expect.arrayContaining([path.join('vault', 'vault.db'), path.join('vault', 'vault-header.json')]));
    expect(filesHolding(userData, needle)).toEqual([]);
    expect(filesHolding(chosenDir, needle, { except: new Set([pdfPath]) })).toEqual([]);
    // The temp folder is shared with other tests: only files written since this session began count.
    expect(filesHolding(os.tmpdir(), needle, { except: new Set([pdfPath]), since: sessionStart - 1000 })).toEqual([]);
    // No file name carries the text either (folder and file names are not encrypted).
    expect(fileNames.join('\n')).not.toContain(TOKEN);
  });

  it('logged nothing of it: the process output (where internal errors are reported) never holds it', () => {
    expect(output).not.toContain(TOKEN);
  });

  it('(control) the scan finds the text when it is on disk in plaintext', () => {
    const control = path.join(userData, 'control.txt');
    writeFileSync(control, `control ${CANARIES.noteText}`);
    expect(filesHolding(userData, needle)).toEqual([control]);
  });
});
