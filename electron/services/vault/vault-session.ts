import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { LockReason, VaultStatus } from '../../../shared/contract';
import { encodeRecoveryKey } from '../../../shared/recovery-key';
import type { ChainAnchor } from '../../../shared/record-verification';
import { isAcceptableCost } from './kdf';
import { DATABASE_FILE, readHeader, writeHeader, type VaultHeader } from './vault-header';
import { UnlockThrottle } from './unlock-throttle';
import { IdleLock } from './idle-lock';
import { assertQuickCheck, closeDatabase, openEncryptedDatabase, type Sqlite } from '../database/open-database';
import { migrateToLatest, pendingMigrationCount } from '../database/migrate';
import { startIntegrityCheck, type IntegrityCheck } from '../database/integrity-check';
import type { IntegrityVerdict } from '../database/integrity-protocol';
import { readSettings } from '../database/settings.repository';
import type { VaultSchema } from '../database/schema';
import { assertSchemaAsMigrationsMake } from '../database/schema-guard';
import { withStatementCache } from '../database/statement-cache';
import { afterMigrations } from './after-migrations';
import { anchorToRecord, recordAnchor } from './vault-anchor';
import { removeDatabaseFiles, restrictFolderToOwner } from './vault-folder';
import { rewrappedHeader } from './vault-keys';
import type { IntegrityTiming, OpenVault, VaultServiceOptions } from './vault-options';
import { statusOfClosedVault } from './vault-status';

/** The two ends of an unlocked session's database: made ready to use, and let go with its key. */

/**
 * Makes a just-opened vault.db ready to use. A restored file's schema is compared with what this app's
 * migrations create before anything runs on it (schema-guard.ts). quick_check runs first when asked,
 * and whenever migrations are due (a damaged file must never be migrated); then the migrations and
 * what they need done after them. `checkedFirst` says whether quick_check ran here.
 */
export async function prepareDatabase(
  sqlite: Sqlite,
  options: { restored: boolean; checkFirst: boolean; nativeBinding?: string },
): Promise<{ db: Kysely<VaultSchema>; checkedFirst: boolean }> {
  if (options.restored) await assertSchemaAsMigrationsMake(sqlite, { nativeBinding: options.nativeBinding });
  const db = new Kysely<VaultSchema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const checkedFirst = options.checkFirst || (await pendingMigrationCount(db)) > 0;
  if (checkedFirst) assertQuickCheck(sqlite);
  await afterMigrations(db, await migrateToLatest(db));
  return { db, checkedFirst };
}

/**
 * Lets go of a session: its idle timer, its integrity check, its second readers and its connection,
 * then wipes the key. A check that has opened its own connection is waited for, so no connection keeps
 * the key after a lock and a restore never swaps vault.db under an open one; one that has not yet is
 * told not to.
 */
export function releaseSession(open: OpenVault): void {
  open.idleLock.stop();
  open.integrityCheck?.stop();
  for (const reader of [...open.readers]) {
    try {
      reader.close();
    } catch {
      // Closing the main connection below is what matters; a reader that fails to close is dropped.
    }
  }
  try {
    closeDatabase(open.sqlite);
  } finally {
    open.dataKey.fill(0);
  }
}

/**
 * The vault's session machinery: one unlocked session at a time (its connection, key, idle timer and
 * integrity check), opened and closed, status and its deliveries, and operations run one at a time.
 * VaultService builds the user's operations on it.
 */
export class VaultSession {
  protected open: OpenVault | null = null;
  private lockReason: LockReason | null = null;
  protected readonly throttle: UnlockThrottle;
  private queue: Promise<unknown> = Promise.resolve();
  private emitting: Promise<unknown> = Promise.resolve();
  /** Set when a check after opening found damage: later unlocks check before opening and refuse. */
  private foundDamage = false;

  constructor(protected readonly options: VaultServiceOptions) {
    this.throttle = new UnlockThrottle(options.now ?? Date.now);
  }

  /**
   * Closes the database and wipes the key. Safe to call when already locked. The activity log's anchor
   * is read first and written into the header after (see anchorToRecord), before this returns: a lock
   * is often the last thing the app does.
   */
  lock(reason: LockReason): VaultStatus['state'] {
    const open = this.open;
    if (open) {
      const anchor = anchorToRecord(open.sqlite, open.header.activityLog);
      this.closeSession(reason);
      if (anchor) recordAnchor(this.dir, open.header.vaultId, anchor);
      this.emit();
    }
    return 'locked';
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Where the vault stands now; reads the header but never changes a file. */
  async status(): Promise<VaultStatus> {
    const base = { lockReason: this.lockReason, retryAfterMs: this.throttle.retryAfterMs(), problem: null };
    if (this.open) {
      return { ...base, state: 'unlocked', recoveryKeyPending: this.open.header.recoverySlot.confirmedAt === null };
    }
    return statusOfClosedVault(this.dir, await readHeader(this.dir), base);
  }

  /** The database is made (or moved in) first and the header last: a folder with a header always has its database. */
  protected async startNewVault(
    header: VaultHeader,
    dataKey: Buffer,
    create: boolean,
    recoveryBytes: Buffer,
    timing: IntegrityTiming = 'before-opening',
    restored = false,
  ): Promise<{ recoveryKey: string }> {
    try {
      await this.openSession(header, dataKey, create, timing, restored);
      await writeHeader(this.dir, header);
    } catch (error) {
      this.closeSession(null);
      await removeDatabaseFiles(this.dir);
      throw error;
    }
    this.emit();
    return { recoveryKey: encodeRecoveryKey(recoveryBytes) };
  }

  /**
   * Opens vault.db as the session. `restored`: a file a restore just put in place, whose schema is
   * compared with what this app's migrations create before any migration or write runs on it
   * (schema-guard.ts), as the restore compared the backup's before staging it.
   */
  protected async openSession(header: VaultHeader, dataKey: Buffer, create: boolean, timing: IntegrityTiming, restored = false): Promise<void> {
    const file = path.join(this.dir, DATABASE_FILE);
    await restrictFolderToOwner(this.dir);
    let sqlite: Sqlite | null = null;
    let integrityCheck: IntegrityCheck | null = null;
    try {
      sqlite = openEncryptedDatabase(file, dataKey, { create, nativeBinding: this.options.nativeBinding });
      const { db, checkedFirst: checkFirst } = await prepareDatabase(sqlite, {
        restored,
        checkFirst: timing === 'before-opening' || this.foundDamage,
        nativeBinding: this.options.nativeBinding,
      });
      this.foundDamage = false;
      const settings = await readSettings(db);
      if (!checkFirst) integrityCheck = startIntegrityCheck(file, dataKey, this.options.nativeBinding);
      const idleLock = new IdleLock(settings.autoLockMinutes * 60_000, () => this.lock('idle'), this.options.timers);
      const session: OpenVault = { header, dataKey, sqlite, db, idleLock, integrityCheck, readers: new Set() };
      this.open = session;
      this.lockReason = null;
      idleLock.start();
      if (integrityCheck) void integrityCheck.verdict.then((verdict) => this.settleIntegrityCheck(session, verdict));
    } catch (error) {
      integrityCheck?.stop();
      sqlite?.close();
      dataKey.fill(0);
      throw error;
    }
  }

  /**
   * The verdict of the check that started with this session. Damage closes the vault at once (as an
   * unlock that found it would have refused), and the unlock screen says why and offers a restore.
   */
  private settleIntegrityCheck(session: OpenVault, verdict: IntegrityVerdict): void {
    if (this.open !== session || verdict === 'cancelled') return;
    session.integrityCheck = null;
    let damaged = verdict === 'damaged';
    if (verdict === 'unavailable') {
      // The worker could not run (not a finding about the file): check here instead, blocking once.
      try {
        assertQuickCheck(session.sqlite);
      } catch {
        damaged = true;
      }
    }
    if (!damaged) return;
    this.foundDamage = true;
    this.closeSession('damaged');
    this.emit();
  }

  /** Resolves once the check after the current unlock has settled (tests and the bench wait on it). */
  async integrityCheckSettled(): Promise<void> {
    // The session's own verdict handler was attached first, so it has run by the time this resumes.
    await this.open?.integrityCheck?.verdict;
  }

  protected closeSession(reason: LockReason | null): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    this.lockReason = reason;
    releaseSession(open);
  }

  /**
   * Puts the restored backup's anchor (or none) into the open vault's header. Kept in memory even if
   * the file cannot be written, so this session checks against it and its lock writes the restored log's own.
   */
  protected async adoptRestoredAnchor(anchor: ChainAnchor | null): Promise<void> {
    const open = this.requireOpen();
    const { activityLog: _replaced, ...rest } = open.header;
    const header: VaultHeader = anchor ? { ...rest, activityLog: anchor } : rest;
    open.header = header;
    await writeHeader(this.dir, header).catch(() => undefined);
  }

  protected async rewrapPassphrase(passphrase: string): Promise<void> {
    const open = this.requireOpen();
    const header = await rewrappedHeader(open.header, open.dataKey, passphrase, this.options.kdfCost);
    await writeHeader(this.dir, header);
    open.header = header;
  }

  protected async readUsableHeader(): Promise<VaultHeader> {
    const read = await readHeader(this.dir);
    if (read.kind === 'ok') {
      if (!isAcceptableCost(read.header.kdf)) {
        throw new AppError('VAULT_DAMAGED', 'The vault header asks for weaker key protection than this app allows. Nothing was changed.');
      }
      return read.header;
    }
    const status = await this.status();
    if (status.state === 'absent') throw new AppError('VAULT_MISSING', 'There is no vault in this folder yet. Create one first.');
    const problem = status.problem ?? { code: 'VAULT_DAMAGED', message: 'The vault cannot be opened.' };
    throw new AppError(problem.code === 'VAULT_TOO_NEW' ? 'VAULT_TOO_NEW' : 'VAULT_DAMAGED', problem.message);
  }

  protected requireOpen(): OpenVault {
    if (!this.open) throw new AppError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.open;
  }

  /**
   * Status changes are delivered one after another, each read when its turn comes: status() awaits the
   * file system, so two reads started together could finish out of order and leave the window showing
   * an unlocked vault that had just been closed (as damage found right after an unlock does).
   */
  protected emit(): void {
    const listener = this.options.onStatusChange;
    if (!listener) return;
    // A listener that throws must not stop the deliveries after it.
    this.emitting = this.emitting.then(() => this.status().then(listener)).catch(() => undefined);
  }

  /** Runs vault operations one at a time so two unlocks can never open two connections. */
  protected exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
