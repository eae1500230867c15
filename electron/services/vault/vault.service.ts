import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { LockReason, Settings, VaultProtection, VaultStatus } from '../../../shared/contract';
import { encodeRecoveryKey, decodeRecoveryKey, RECOVERY_KEY_BYTES } from '../../../shared/recovery-key';
import { assertAcceptablePassphrase } from '../../../shared/passphrase-policy';
import { deriveKeyFromPassphrase, isAcceptableCost, newKdfParams, tuneKdfCost, type KdfCost } from './kdf';
import { deriveKeyFromRecoveryKey, unwrapKey, wrapKey } from './key-wrap';
import {
  DATABASE_FILE,
  HEADER_FILE,
  HEADER_FORMAT,
  HEADER_FORMAT_VERSION,
  passphraseAad,
  readHeader,
  readHeaderSync,
  recoveryAad,
  writeHeader,
  writeHeaderSync,
  type VaultHeader,
} from './vault-header';
import { UnlockThrottle } from './unlock-throttle';
import { IdleLock, type Timers } from './idle-lock';
import { assertQuickCheck, closeDatabase, openEncryptedDatabase, type Sqlite } from '../database/open-database';
import { withStatementCache } from '../database/statement-cache';
import { migrateToLatest, pendingMigrationCount } from '../database/migrate';
import { refreshAllClientAlerts } from '../measures/client-alerts';
import { startIntegrityCheck, type IntegrityCheck } from '../database/integrity-check';
import type { IntegrityVerdict } from '../database/integrity-protocol';
import { readSettings, writeSettings } from '../database/settings.repository';
import { assertSchemaAsMigrationsMake } from '../database/schema-guard';
import { removeLeftoverStagingFolders } from '../backup/staging-folders';
import type { VaultSchema } from '../database/schema';
import { logHoldsAnchor, readChainAnchor } from '../activity/chain-anchor.repository';
import type { ChainAnchor } from '../../../shared/record-verification';

/** The step that made alerts stored events; vaults migrated past it get their events derived once. */
const ALERT_EVENTS_MIGRATION = '0010_create_alert_events';

export interface VaultServiceOptions {
  /** The vault folder: vault.db and vault-header.json live here. */
  dir: string;
  appVersion: string;
  /** A better_sqlite3.node built for the running runtime (set by the Electron shell). */
  nativeBinding?: string;
  /** A fixed Argon2id cost instead of tuning to ~0.5 s; the 64 MiB floor still applies. */
  kdfCost?: KdfCost;
  now?: () => number;
  timers?: Timers;
  onStatusChange?: (status: VaultStatus) => void;
}

/** How a restore will install its copy; see VaultService.keyForRestore. */
export interface RestoreKey {
  mode: 'replace' | 'create';
  dataKey: Buffer;
  /** For `create`: the passphrase of the vault the restore makes. */
  newPassphrase: string | null;
}

export interface InstallRestoreOptions {
  /**
   * Say so only for a staged file that this process wrote into its private staging folder in the vault's
   * folder and fully checked there with integrity_check (every page read and authenticated, every b-tree
   * and index checked: more than quick_check does) before handing it over, as BackupService.prepareRestore
   * does. The quick_check a restored database gets then runs on a worker thread after it opens, as after
   * an everyday unlock, instead of on the main thread before: on the 250 MB bench vault that check
   * blocked the app for ~1.5 s, repeating a check passed moments before. It still catches a file changed
   * on the disk in between (it then closes the vault and says why). Without this flag, or with migrations
   * due (a damaged file must never be migrated), the check runs first, as for any other restored file.
   */
  checkedBeforeInstall?: boolean;
  /**
   * The activity log's anchor from the backup's manifest, written into the header once the restored
   * vault is open: the restored log is checked against the backup it came from, not against the
   * (longer) log of the vault it replaced. Null for a backup made before manifests recorded it.
   */
  activityLog?: ChainAnchor | null;
}

/** `20261123-081500` in local time, for folder names people read. */
const fileStamp = (date: Date): string => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
};

/**
 * Keeps the current file under a second name: a hard link costs nothing however large the vault is,
 * and the rename that swaps the restored file in leaves the old one reachable through it. A copy where
 * the file system has no hard links (FAT on a USB drive).
 */
async function keepCopy(source: string, target: string): Promise<void> {
  try {
    await fs.link(source, target);
  } catch {
    await fs.copyFile(source, target);
  }
}

/**
 * mkdir's mode applies only to a folder it creates: a vault folder that already existed (made by hand,
 * copied, or created before this rule) kept its mode, 0755 included, so other accounts could list it
 * and copy the encrypted files. Set on every create and open. Best effort: Windows and some shared
 * drives have no such modes, and the files inside are 0600 anyway.
 */
async function restrictFolderToOwner(dir: string): Promise<void> {
  try {
    const stat = await fs.stat(dir);
    if (stat.isDirectory() && (stat.mode & 0o777) !== 0o700) await fs.chmod(dir, 0o700);
  } catch {
    // A drive without POSIX modes, or a folder owned by someone else: nothing more can be done here.
  }
}

interface OpenVault {
  header: VaultHeader;
  dataKey: Buffer;
  sqlite: Sqlite;
  db: Kysely<VaultSchema>;
  idleLock: IdleLock;
  /** quick_check running on a worker thread since the unlock; null once settled or when run before opening. */
  integrityCheck: IntegrityCheck | null;
  /** Second connections opened with the key (a backup's snapshot); closed when the vault locks. */
  readers: Set<Closable>;
}

interface Closable {
  close(): void;
}

/** What a second reader of the open vault is opened with; see openReader. */
export interface VaultReaderSource {
  live: Sqlite;
  file: string;
  dataKey: Buffer;
  nativeBinding?: string;
}

/**
 * When quick_check runs. `before-opening` for a new or restored database and whenever migrations are
 * due (a damaged file must not be migrated); `after-opening` for an everyday unlock, where it runs on a
 * worker thread because reading and authenticating every page of a career's vault takes longer than the
 * unlock itself (1.4 s for 250 MB here).
 */
type IntegrityTiming = 'before-opening' | 'after-opening';

/**
 * Owns the vault folder: creates it, unlocks and locks it, and rewraps the data key. While unlocked it
 * holds the only database connection; locking closes it and wipes the key buffer.
 */
export class VaultService {
  private open: OpenVault | null = null;
  private lockReason: LockReason | null = null;
  private readonly throttle: UnlockThrottle;
  private queue: Promise<unknown> = Promise.resolve();
  private emitting: Promise<unknown> = Promise.resolve();
  /** Set when a check after opening found damage: later unlocks check before opening and refuse. */
  private foundDamage = false;

  constructor(private readonly options: VaultServiceOptions) {
    this.throttle = new UnlockThrottle(options.now ?? Date.now);
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
    const read = await readHeader(this.dir);
    const problem = (code: string, message: string): VaultStatus => ({
      ...base,
      state: 'unreadable',
      recoveryKeyPending: false,
      problem: { code, message },
    });
    switch (read.kind) {
      case 'ok':
        return { ...base, state: 'locked', recoveryKeyPending: false };
      case 'too-new':
        return problem('VAULT_TOO_NEW', 'This vault was made by a newer version of Alliance Notes. Update the app to open it.');
      case 'damaged':
        return problem('VAULT_DAMAGED', `${read.reason} The vault was not changed.`);
      case 'missing':
        return existsSync(path.join(this.dir, DATABASE_FILE))
          ? problem(
              'VAULT_DAMAGED',
              `The vault header (${HEADER_FILE}) is missing, so vault.db cannot be unlocked. vault.db was not changed.`,
            )
          : { ...base, state: 'absent', recoveryKeyPending: false };
    }
  }

  /** Creates a new vault and leaves it unlocked; returns the recovery key to show once. */
  create(passphrase: string): Promise<{ recoveryKey: string }> {
    return this.exclusive(async () => {
      assertAcceptablePassphrase(passphrase);
      if ((await this.status()).state !== 'absent') {
        throw new AppError('VAULT_EXISTS', 'A vault already exists in this folder. Unlock it instead; it was not changed.');
      }
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
      await restrictFolderToOwner(this.dir);
      const dataKey = randomBytes(32);
      const { header, recoveryBytes } = await this.newHeader(passphrase, dataKey);
      return this.startNewVault(header, dataKey, true, recoveryBytes);
    });
  }

  /** Unlocks with the passphrase. Wrong passphrases change no file and count towards the delay. */
  unlock(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.open) return this.status();
      const header = await this.readUsableHeader();
      this.assertNotThrottled();
      const kek = await deriveKeyFromPassphrase(passphrase, header.kdf);
      const dataKey = unwrapKey(kek, header.passphraseSlot.wrapped, passphraseAad(header.vaultId));
      if (!dataKey) this.failAttempt('WRONG_PASSPHRASE', 'That passphrase is not correct. Check Caps Lock and try again.');
      await this.openSession(header, dataKey, false, 'after-opening');
      this.throttle.recordSuccess();
      await removeLeftoverStagingFolders(this.dir);
      this.emit();
      return this.status();
    });
  }

  /** "Forgot passphrase": unlocks with the recovery key and sets a new passphrase in one step. */
  unlockWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      const header = this.open?.header ?? (await this.readUsableHeader());
      assertAcceptablePassphrase(newPassphrase);
      this.assertNotThrottled();
      const bytes = decodeRecoveryKey(recoveryKey);
      if (!bytes) {
        throw new AppError(
          'WRONG_RECOVERY_KEY',
          'That is not a recovery key: it has 32 letters and digits in 8 groups, like ABCD-EFGH-…',
        );
      }
      const kek = deriveKeyFromRecoveryKey(bytes, header.recoverySlot.salt);
      const dataKey = unwrapKey(kek, header.recoverySlot.wrapped, recoveryAad(header.vaultId));
      if (!dataKey) this.failAttempt('WRONG_RECOVERY_KEY', 'That recovery key does not open this vault. Check each group and try again.');
      if (!this.open) await this.openSession(header, dataKey, false, 'after-opening');
      this.throttle.recordSuccess();
      await this.rewrapPassphrase(newPassphrase);
      await removeLeftoverStagingFolders(this.dir);
      this.emit();
      return this.status();
    });
  }

  /**
   * Closes the database and wipes the key. Safe to call when already locked. The activity log's anchor
   * is read first and written into the header after (see anchorToRecord), before this returns: a lock
   * is often the last thing the app does.
   */
  lock(reason: LockReason): VaultStatus['state'] {
    const open = this.open;
    if (open) {
      const anchor = this.anchorToRecord(open);
      this.closeSession(reason);
      if (anchor) this.recordAnchor(open.header.vaultId, anchor);
      this.emit();
    }
    return 'locked';
  }

  /** The activity log's anchor as the header holds it: from the last lock, or the restored backup. */
  chainAnchor(): ChainAnchor | null {
    return this.requireOpen().header.activityLog ?? null;
  }

  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const { header } = this.requireOpen();
      this.assertNotThrottled();
      const kek = await deriveKeyFromPassphrase(currentPassphrase, header.kdf);
      const check = unwrapKey(kek, header.passphraseSlot.wrapped, passphraseAad(header.vaultId));
      if (!check) this.failAttempt('WRONG_PASSPHRASE', 'Your current passphrase is not correct. Nothing was changed.');
      check.fill(0);
      this.throttle.recordSuccess();
      assertAcceptablePassphrase(newPassphrase);
      await this.rewrapPassphrase(newPassphrase);
    });
  }

  /** True when `recoveryKey` is the current recovery key of the open vault. */
  verifyRecoveryKey(recoveryKey: string): boolean {
    const { header } = this.requireOpen();
    const bytes = decodeRecoveryKey(recoveryKey);
    if (!bytes) return false;
    const kek = deriveKeyFromRecoveryKey(bytes, header.recoverySlot.salt);
    const key = unwrapKey(kek, header.recoverySlot.wrapped, recoveryAad(header.vaultId));
    key?.fill(0);
    return key !== null;
  }

  confirmRecoveryKeySaved(): Promise<VaultStatus> {
    return this.exclusive(async () => {
      const open = this.requireOpen();
      const header = { ...open.header, recoverySlot: { ...open.header.recoverySlot, confirmedAt: new Date().toISOString() } };
      await writeHeader(this.dir, header);
      open.header = header;
      this.emit();
      return this.status();
    });
  }

  /** Makes a new recovery key; the old one stops working. */
  regenerateRecoveryKey(): Promise<{ recoveryKey: string }> {
    return this.exclusive(async () => {
      const open = this.requireOpen();
      const bytes = randomBytes(RECOVERY_KEY_BYTES);
      const salt = randomBytes(16).toString('base64');
      const header: VaultHeader = {
        ...open.header,
        recoverySlot: {
          salt,
          wrapped: wrapKey(deriveKeyFromRecoveryKey(bytes, salt), open.dataKey, recoveryAad(open.header.vaultId)),
          createdAt: new Date().toISOString(),
          confirmedAt: null,
        },
      };
      await writeHeader(this.dir, header);
      open.header = header;
      this.emit();
      return { recoveryKey: encodeRecoveryKey(bytes) };
    });
  }

  describe(): VaultProtection {
    const { header } = this.requireOpen();
    return {
      location: this.dir,
      databaseCipher: 'SQLCipher 4: AES-256-CBC pages authenticated with HMAC-SHA512, random 256-bit raw key',
      keyWrapping: 'AES-256-GCM',
      kdf: {
        algorithm: 'argon2id',
        memoryMiB: header.kdf.memoryKiB / 1024,
        iterations: header.kdf.iterations,
        parallelism: header.kdf.parallelism,
      },
      createdAt: header.createdAt,
      passphraseChangedAt: header.passphraseSlot.changedAt,
      recoveryKeyCreatedAt: header.recoverySlot.createdAt,
      recoveryKeyConfirmedAt: header.recoverySlot.confirmedAt,
    };
  }

  /** The Kysely handle of the open vault; VAULT_LOCKED when locked. */
  database(): Kysely<VaultSchema> {
    return this.requireOpen().db;
  }

  /** The open connection itself, for work Kysely cannot do (a backup's snapshot); VAULT_LOCKED when locked. */
  connection(): Sqlite {
    return this.requireOpen().sqlite;
  }

  /**
   * Opens a second reader of the open vault (a backup's snapshot) with `open`, and closes it if the
   * vault locks first, so no connection or descriptor keeps the key past a lock. The check after
   * unlock is waited for first: a backup should not copy a vault that check is about to find damaged,
   * and its read transaction would keep the WAL from being emptied (see openVaultSnapshot).
   */
  async openReader<T extends Closable>(open: (source: VaultReaderSource) => T): Promise<T> {
    await this.requireOpen().integrityCheck?.verdict;
    const session = this.requireOpen();
    const reader = open({ live: session.sqlite, file: path.join(this.dir, DATABASE_FILE), dataKey: session.dataKey, nativeBinding: this.options.nativeBinding });
    const close = reader.close.bind(reader);
    const tracked: Closable = {
      close: () => {
        session.readers.delete(tracked);
        close();
      },
    };
    reader.close = tracked.close;
    session.readers.add(tracked);
    return reader;
  }

  /** Resets the idle timer; called for every reported user action. */
  noteActivity(): void {
    this.open?.idleLock.touch();
  }

  async settings(): Promise<Settings> {
    return readSettings(this.requireOpen().db);
  }

  async updateSettings(changes: Partial<Settings>): Promise<Settings> {
    const open = this.requireOpen();
    await writeSettings(open.db, changes);
    const settings = await readSettings(open.db);
    open.idleLock.setTimeoutMs(settings.autoLockMinutes * 60_000);
    return settings;
  }

  /**
   * The key a restore stages its copy under. Unlocked: the open vault's own key, so the header (and
   * the passphrase and recovery key) stay as they are. Locked: the same key, unwrapped with the
   * vault passphrase. No vault yet: a new key for the vault the restore will create.
   */
  keyForRestore(vaultPassphrase: string | undefined): Promise<RestoreKey> {
    return this.exclusive(async () => {
      if (this.open) return { mode: 'replace' as const, dataKey: Buffer.from(this.open.dataKey), newPassphrase: null };
      const status = await this.status();
      if (status.state === 'absent') {
        if (!vaultPassphrase) throw new AppError('VALIDATION', 'Choose a passphrase for the new vault.', { fieldErrors: { vaultPassphrase: 'Choose a passphrase for the new vault.' } });
        assertAcceptablePassphrase(vaultPassphrase);
        return { mode: 'create' as const, dataKey: randomBytes(32), newPassphrase: vaultPassphrase };
      }
      const header = await this.readUsableHeader();
      if (!vaultPassphrase) throw new AppError('VALIDATION', 'Enter your vault passphrase.', { fieldErrors: { vaultPassphrase: 'Enter your vault passphrase.' } });
      this.assertNotThrottled();
      const kek = await deriveKeyFromPassphrase(vaultPassphrase, header.kdf);
      const dataKey = unwrapKey(kek, header.passphraseSlot.wrapped, passphraseAad(header.vaultId));
      if (!dataKey) this.failAttempt('WRONG_PASSPHRASE', 'That vault passphrase is not correct. Nothing was changed.');
      this.throttle.recordSuccess();
      return { mode: 'replace' as const, dataKey, newPassphrase: null };
    });
  }

  /**
   * Puts a staged, encrypted database in place of vault.db and opens it. The current vault.db is
   * copied to `vault.before-restore-<time>/` first and put back if the restored one fails to open or
   * migrate; it is removed once the restored vault is open. The swap itself is one rename.
   */
  installRestoredDatabase(stagedFile: string, key: RestoreKey, options: InstallRestoreOptions = {}): Promise<{ recoveryKey: string | null }> {
    return this.exclusive(async () => {
      const database = path.join(this.dir, DATABASE_FILE);
      const timing: IntegrityTiming = options.checkedBeforeInstall === true ? 'after-opening' : 'before-opening';
      if (key.mode === 'create') {
        if ((await this.status()).state !== 'absent') {
          throw new AppError('VAULT_EXISTS', 'A vault was created here in the meantime. Nothing was restored.');
        }
        if (!key.newPassphrase) throw new AppError('VALIDATION', 'Choose a passphrase for the new vault.');
        const { header: fresh, recoveryBytes } = await this.newHeader(key.newPassphrase, key.dataKey);
        const header: VaultHeader = options.activityLog ? { ...fresh, activityLog: options.activityLog } : fresh;
        await fs.rename(stagedFile, database);
        return this.startNewVault(header, Buffer.from(key.dataKey), false, recoveryBytes, timing, true);
      }
      const header = this.open?.header ?? (await this.readUsableHeader());
      const wasOpen = this.open !== null;
      this.closeSession(null);
      const before = path.join(this.dir, `vault.before-restore-${fileStamp(new Date())}`);
      await fs.mkdir(before, { recursive: true, mode: 0o700 });
      for (const suffix of ['', '-wal']) {
        const source = `${database}${suffix}`;
        if (existsSync(source)) await keepCopy(source, path.join(before, `${DATABASE_FILE}${suffix}`));
      }
      await fs.copyFile(path.join(this.dir, HEADER_FILE), path.join(before, HEADER_FILE));
      // Frames left in a -wal belong to the old database; SQLite must never replay them onto the new one.
      for (const suffix of ['-wal', '-shm']) await fs.rm(`${database}${suffix}`, { force: true });
      await fs.rename(stagedFile, database);
      try {
        await this.openSession(header, Buffer.from(key.dataKey), false, timing, true);
      } catch (error) {
        this.closeSession(null);
        await fs.rename(path.join(before, DATABASE_FILE), database);
        if (existsSync(path.join(before, `${DATABASE_FILE}-wal`))) {
          await fs.rename(path.join(before, `${DATABASE_FILE}-wal`), `${database}-wal`);
        }
        if (wasOpen) await this.openSession(header, Buffer.from(key.dataKey), false, 'after-opening').catch(() => undefined);
        await fs.rm(before, { recursive: true, force: true });
        this.emit();
        if (error instanceof AppError && error.code === 'VAULT_TOO_NEW') {
          throw new AppError('BACKUP_TOO_NEW', 'The backup was made by a newer version of Alliance Notes. Your vault was put back unchanged.');
        }
        // The schema check's own message names what was altered; the previous vault is back in place.
        if (error instanceof AppError && error.code === 'BACKUP_CORRUPT') throw error;
        throw new AppError('BACKUP_CORRUPT', 'The restored vault could not be opened, so your previous vault was put back unchanged.');
      }
      if (options.activityLog !== undefined) await this.adoptRestoredAnchor(options.activityLog);
      await fs.rm(before, { recursive: true, force: true });
      this.emit();
      return { recoveryKey: null };
    });
  }

  /** The database is made (or moved in) first and the header last: a folder with a header always has its database. */
  private async startNewVault(
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
      await this.removeDatabaseFiles();
      throw error;
    }
    this.emit();
    return { recoveryKey: encodeRecoveryKey(recoveryBytes) };
  }

  private async newHeader(passphrase: string, dataKey: Buffer): Promise<{ header: VaultHeader; recoveryBytes: Buffer }> {
    const cost = this.options.kdfCost ?? (await tuneKdfCost());
    const kdf = newKdfParams(this.enforceFloor(cost));
    const vaultId = randomUUID();
    const recoveryBytes = randomBytes(RECOVERY_KEY_BYTES);
    const recoverySalt = randomBytes(16).toString('base64');
    const now = new Date().toISOString();
    const header: VaultHeader = {
      format: HEADER_FORMAT,
      formatVersion: HEADER_FORMAT_VERSION,
      vaultId,
      createdAt: now,
      createdByAppVersion: this.options.appVersion,
      database: { file: DATABASE_FILE, cipher: 'sqlcipher', legacy: 4 },
      kdf,
      passphraseSlot: {
        wrapped: wrapKey(await deriveKeyFromPassphrase(passphrase, kdf), dataKey, passphraseAad(vaultId)),
        changedAt: now,
      },
      recoverySlot: {
        salt: recoverySalt,
        wrapped: wrapKey(deriveKeyFromRecoveryKey(recoveryBytes, recoverySalt), dataKey, recoveryAad(vaultId)),
        createdAt: now,
        confirmedAt: null,
      },
    };
    return { header, recoveryBytes };
  }

  /**
   * Opens vault.db as the session. `restored`: a file a restore just put in place, whose schema is
   * compared with what this app's migrations create before any migration or write runs on it
   * (schema-guard.ts), as the restore compared the backup's before staging it.
   */
  private async openSession(header: VaultHeader, dataKey: Buffer, create: boolean, timing: IntegrityTiming, restored = false): Promise<void> {
    const file = path.join(this.dir, DATABASE_FILE);
    await restrictFolderToOwner(this.dir);
    let sqlite: Sqlite | null = null;
    let integrityCheck: IntegrityCheck | null = null;
    try {
      sqlite = openEncryptedDatabase(file, dataKey, { create, nativeBinding: this.options.nativeBinding });
      if (restored) await assertSchemaAsMigrationsMake(sqlite, { nativeBinding: this.options.nativeBinding });
      const db = new Kysely<VaultSchema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
      const checkFirst = timing === 'before-opening' || this.foundDamage || (await pendingMigrationCount(db)) > 0;
      if (checkFirst) assertQuickCheck(sqlite);
      this.foundDamage = false;
      const ran = await migrateToLatest(db);
      // Alerts became stored events in 0010: a vault written before gets its events from its history.
      if (ran.includes(ALERT_EVENTS_MIGRATION)) await db.transaction().execute((trx) => refreshAllClientAlerts(trx, new Date()));
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

  private closeSession(reason: LockReason | null): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    this.lockReason = reason;
    open.idleLock.stop();
    // A check that has opened its own connection is waited for, so no connection keeps the key after a lock
    // and a restore never swaps vault.db under an open one; one that has not yet is told not to.
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
   * The anchor a lock should write: the log's length and newest hash now, or null to leave the header
   * as it is. An anchor the log no longer holds is never replaced: writing the shorter log's would erase
   * the evidence that entries were cut off while the vault was closed. Reading it must not stop a lock.
   */
  private anchorToRecord(open: OpenVault): ChainAnchor | null {
    try {
      const kept = open.header.activityLog;
      if (kept && !logHoldsAnchor(open.sqlite, kept)) return null;
      const current = readChainAnchor(open.sqlite);
      return kept && kept.length === current.length && kept.latestHash === current.latestHash ? null : current;
    } catch {
      return null;
    }
  }

  /**
   * Writes the anchor into the header on disk, re-read rather than taken from memory: a passphrase
   * change may be writing it at this moment, and its new key slot must survive whichever lands last.
   * A header that cannot be written keeps its older anchor, which the log still holds.
   */
  private recordAnchor(vaultId: string, anchor: ChainAnchor): void {
    try {
      const read = readHeaderSync(this.dir);
      if (read.kind === 'ok' && read.header.vaultId === vaultId) writeHeaderSync(this.dir, { ...read.header, activityLog: anchor });
    } catch {
      // Locking must never fail; see above.
    }
  }

  /**
   * Puts the restored backup's anchor (or none) into the open vault's header. Kept in memory even if
   * the file cannot be written, so this session checks against it and its lock writes the restored log's own.
   */
  private async adoptRestoredAnchor(anchor: ChainAnchor | null): Promise<void> {
    const open = this.requireOpen();
    const { activityLog: _replaced, ...rest } = open.header;
    const header: VaultHeader = anchor ? { ...rest, activityLog: anchor } : rest;
    open.header = header;
    await writeHeader(this.dir, header).catch(() => undefined);
  }

  private async rewrapPassphrase(passphrase: string): Promise<void> {
    const open = this.requireOpen();
    const kdf = newKdfParams(this.enforceFloor(this.options.kdfCost ?? open.header.kdf));
    const kek = await deriveKeyFromPassphrase(passphrase, kdf);
    const header: VaultHeader = {
      ...open.header,
      kdf,
      passphraseSlot: {
        wrapped: wrapKey(kek, open.dataKey, passphraseAad(open.header.vaultId)),
        changedAt: new Date().toISOString(),
      },
    };
    await writeHeader(this.dir, header);
    open.header = header;
  }

  private async readUsableHeader(): Promise<VaultHeader> {
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

  private requireOpen(): OpenVault {
    if (!this.open) throw new AppError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.open;
  }

  private assertNotThrottled(): void {
    const wait = this.throttle.retryAfterMs();
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `Too many wrong attempts. Try again in ${Math.ceil(wait / 1000)} s.`, {
        retryAfterMs: wait,
      });
    }
  }

  private failAttempt(code: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_KEY', message: string): never {
    this.throttle.recordFailure();
    const wait = this.throttle.retryAfterMs();
    throw new AppError(code, wait > 0 ? `${message} Wait ${Math.ceil(wait / 1000)} s before the next try.` : message, {
      ...(wait > 0 ? { retryAfterMs: wait } : {}),
    });
  }

  private enforceFloor(cost: KdfCost): KdfCost {
    return {
      memoryKiB: Math.max(cost.memoryKiB, 64 * 1024),
      iterations: Math.max(cost.iterations, 1),
      parallelism: Math.max(cost.parallelism, 1),
    };
  }

  private async removeDatabaseFiles(): Promise<void> {
    for (const suffix of ['', '-wal', '-shm']) {
      await fs.rm(path.join(this.dir, `${DATABASE_FILE}${suffix}`), { force: true });
    }
  }

  /**
   * Status changes are delivered one after another, each read when its turn comes: status() awaits the
   * file system, so two reads started together could finish out of order and leave the window showing
   * an unlocked vault that had just been closed (as damage found right after an unlock does).
   */
  private emit(): void {
    const listener = this.options.onStatusChange;
    if (!listener) return;
    // A listener that throws must not stop the deliveries after it.
    this.emitting = this.emitting.then(() => this.status().then(listener)).catch(() => undefined);
  }

  /** Runs vault operations one at a time so two unlocks can never open two connections. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
