import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi, type TestContext } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { takeSnapshot } from '../../electron/services/backup/snapshot';
import type { BackupRecord } from '../../shared/backup';
import type { AppError } from '../../shared/errors';
import type { ProgressSummaryOptions } from '../../shared/progress-summary';
import { HarnessDialogs } from '../harness/harness-dialogs';
import { BACKUP_PASSPHRASE, CANARY, rejection } from './support/backup-fixture';
import { clientFields } from './support/client-vault';
import { notesVaultOf } from './support/notes-vault';
import { probeMounting, SmallDisk, unmountAll } from './support/small-disk';
import { everyPartSummary, seedSummaryClient, type SeededSummaryClient } from './support/summary-client';
import { PASSPHRASE, removeDir, TEST_KDF_COST, tempDir } from './support/temp-vault';

/*
 * Proof 4: a full disk or a read-only drive during a backup or a PDF export gives a clear error,
 * leaves no partial file and keeps the previous backup or PDF exactly as it was. The disks are real
 * tmpfs mounts (see small-disk.ts), so the errors come from the kernel, not from a mock.
 */

const mounting = probeMounting();
const LEGAL_NAME = `Ada ${CANARY}`;

/** A test that needs a mount: skipped, with the reason, where this machine may not mount a tmpfs. */
function diskTest(name: string, body: () => Promise<void>, timeout?: number) {
  it(
    name,
    async (ctx: TestContext) => {
      if (!mounting.allowed) ctx.skip(mounting.reason);
      await body();
    },
    timeout,
  );
}

let services: AppServices;
let dialogs: HarnessDialogs;
let vaultDir: string;
let client: SeededSummaryClient;

beforeAll(async () => {
  if (!mounting.allowed) return;
  vaultDir = tempDir('alliance-disk-full-vault-');
  dialogs = new HarnessDialogs(null);
  services = createAppServices({ vaultDir, dialogs, kdfCost: TEST_KDF_COST, emit: () => undefined });
  await services.vault.create(PASSPHRASE);
  client = await seedSummaryClient(notesVaultOf(services, vaultDir), { legalName: LEGAL_NAME, sessions: 16, mentionName: CANARY });
  await services.backups.setPassphrase(BACKUP_PASSPHRASE);
}, 60_000);

afterAll(async () => {
  vi.useRealTimers();
  unmountAll();
  if (!mounting.allowed) return;
  services?.dispose();
  await removeDir(vaultDir);
});


/** Every entry of a folder, hidden ones included, with each file's SHA-256: a leftover or a changed byte shows. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    out[entry.name] = entry.isFile() ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'not a file';
  }
  return out;
}

/**
 * Backup file names have one-second resolution; each backup gets its own minute on a fixed date, so
 * a failed attempt can never collide with the good backup's name and report "already exists" instead.
 */
async function backupAt(minute: number): Promise<{ backup: BackupRecord | null }> {
  vi.setSystemTime(new Date(2026, 5, 15, 9, minute, 0));
  try {
    return await services.backups.backupNow('folder');
  } finally {
    vi.useRealTimers();
  }
}

async function useBackupFolder(folder: string): Promise<void> {
  dialogs.queueAnswer('folder', folder);
  await services.backups.chooseFolder();
}

/** Room for two backups of the vault as it is now, plus slack for tar and age framing. */
function backupDiskBytes(): number {
  const snapshot = takeSnapshot(services.vault.connection());
  const bytes = snapshot.byteLength;
  snapshot.fill(0);
  return 2 * bytes + 1024 * 1024;
}

/** Nothing in a message shown to the practitioner names the client or quotes a note. */
function expectNoRecordText(error: AppError): void {
  for (const text of [CANARY, LEGAL_NAME, client.code]) expect(error.message).not.toContain(text);
}

describe('backing up to a drive that is full', () => {
  let disk: SmallDisk;
  let folder: string;
  let previous: BackupRecord;
  let before: Record<string, string>;
  let filler: string;
  let failure: AppError;

  beforeAll(async () => {
    if (!mounting.allowed) return;
    disk = SmallDisk.mount(backupDiskBytes());
    folder = path.join(disk.dir, 'backups');
    mkdirSync(folder, { mode: 0o700 });
    await useBackupFolder(folder);
    previous = (await backupAt(1)).backup!;
    before = contents(folder);
    // The previous backup fitted; other files now leave room for only half of the next one, so it fails mid-write.
    filler = disk.fillLeaving(Math.floor(previous.fileBytes / 2));
  }, 60_000);

  afterAll(() => disk?.unmount());

  diskTest('says the drive is full and how much room is needed, naming no client', async () => {
    failure = await rejection(backupAt(2), 'IO_ERROR', /not enough free space/i);
    expect(failure.message).toContain(folder);
    expect(failure.message).toMatch(/\(about \d+ MB needed\)\. Free some space or choose another folder\./);
    expectNoRecordText(failure);
  });

  diskTest('keeps the previous backup byte for byte and leaves no partial backup behind', async () => {
    expect(Object.keys(before)).toEqual([previous.fileName]);
    expect(contents(folder)).toEqual(before);
    expect(readdirSync(disk.dir).sort()).toEqual(['backups', path.basename(filler)]);
  });

  diskTest('shows the failure on the Backups page while the previous backup stays the last good one', async () => {
    const status = await services.backups.status();
    expect(status.lastFailure?.message).toBe(failure.message);
    expect(status.lastSuccess?.path).toBe(previous.path);
    expect(status.recent.map((record) => record.path)).toEqual([previous.path]);
    // The folder is there and writable, just full: no "folder cannot be found" warning.
    expect(status.folderMissing).toBe(false);
  });

  diskTest('keeps the vault working, and the next backup succeeds once space is freed', async () => {
    const added = await services.clients.create(clientFields({ legalName: 'Added After Failure' }));
    expect((await services.clients.get(added.id)).legalName).toBe('Added After Failure');
    rmSync(filler);
    const next = (await backupAt(3)).backup!;
    expect(next.counts.clients).toBe(previous.counts.clients! + 1);
    expect(contents(folder)).toMatchObject(before);
    expect(Object.keys(contents(folder)).sort()).toEqual([previous.fileName, next.fileName].sort());
    expect((await services.backups.status()).lastFailure).toBeNull();
  }, 60_000);
});

describe('backing up to a drive that turned read-only', () => {
  let disk: SmallDisk;
  let folder: string;
  let before: Record<string, string>;
  let failure: AppError;

  beforeAll(async () => {
    if (!mounting.allowed) return;
    disk = SmallDisk.mount(backupDiskBytes());
    folder = path.join(disk.dir, 'backups');
    mkdirSync(folder, { mode: 0o700 });
    await useBackupFolder(folder);
    await backupAt(11);
    before = contents(folder);
    disk.remountReadOnly();
  }, 60_000);

  afterAll(() => disk?.unmount());

  diskTest('says the folder is on a read-only drive, naming no client', async () => {
    failure = await rejection(backupAt(12), 'IO_ERROR', /read-only drive\. Choose another folder\./);
    expect(failure.message).toContain(folder);
    expectNoRecordText(failure);
  });

  diskTest('keeps the previous backup byte for byte and leaves nothing behind', async () => {
    expect(Object.keys(before)).toHaveLength(1);
    expect(contents(folder)).toEqual(before);
  });

  diskTest('warns that the backup folder cannot be written, and will not take it as a new backup folder', async () => {
    const status = await services.backups.status();
    expect(status).toMatchObject({ folder, folderMissing: true, lastFailure: { message: failure.message } });
    await useBackupFolder(folder).then(
      () => expect.fail('a read-only folder was accepted'),
      (error: unknown) => expect(error).toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/cannot be written to that folder/) }),
    );
  });
});

describe('saving a PDF progress summary to a drive that is full or read-only', () => {
  const summaryOptions = (): ProgressSummaryOptions => everyPartSummary(client, { includeProcessNotes: false });

  const exportTo = (file: string) => {
    dialogs.queueAnswer('save', file);
    return services.summaries.export(summaryOptions());
  };

  const loggedExports = () =>
    services.vault.connection().prepare(`SELECT count(*) FROM activity_log WHERE action = 'export' AND record_type = 'summary'`).pluck().get() as number;

  /** A disk with an "exports" folder holding one summary PDF made earlier. */
  async function diskWithEarlierSummary(): Promise<{ disk: SmallDisk; folder: string; earlier: string; pdfBytes: number }> {
    const { bytes } = await services.summaries.build(summaryOptions());
    const disk = SmallDisk.mount(3 * bytes.length + 256 * 1024);
    const folder = path.join(disk.dir, 'exports');
    mkdirSync(folder, { mode: 0o700 });
    const earlier = path.join(folder, 'summary.pdf');
    expect((await exportTo(earlier)).saved).toBe(true);
    return { disk, folder, earlier, pdfBytes: bytes.length };
  }

  diskTest('on a full drive: says the disk is full, the earlier PDF is unchanged and no partial PDF is left', async () => {
    const { disk, folder, earlier, pdfBytes } = await diskWithEarlierSummary();
    try {
      const before = contents(folder);
      const logged = loggedExports();
      // Room for half a summary: the write starts, then runs out of space.
      disk.fillLeaving(Math.floor(pdfBytes / 2));
      for (const target of [earlier, path.join(folder, 'new-summary.pdf')]) {
        const failure = await rejection(exportTo(target), 'IO_ERROR', /the disk is full\. Nothing was written; choose another folder\./);
        expectNoRecordText(failure);
        expect(contents(folder)).toEqual(before);
      }
      expect(loggedExports()).toBe(logged);
    } finally {
      disk.unmount();
    }
  }, 60_000);

  diskTest('on a read-only drive: says the folder cannot be written to and the earlier PDF is unchanged', async () => {
    const { disk, folder, earlier } = await diskWithEarlierSummary();
    try {
      const before = contents(folder);
      const logged = loggedExports();
      disk.remountReadOnly();
      for (const target of [earlier, path.join(folder, 'new-summary.pdf')]) {
        const failure = await rejection(exportTo(target), 'IO_ERROR', /that folder cannot be written to\. Nothing was written; choose another folder\./);
        expectNoRecordText(failure);
        expect(contents(folder)).toEqual(before);
      }
      expect(loggedExports()).toBe(logged);
    } finally {
      disk.unmount();
    }
  }, 60_000);
});
