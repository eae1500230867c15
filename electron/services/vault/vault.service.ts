import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Settings, VaultProtection, VaultStatus } from '../../../shared/contract';
import { encodeRecoveryKey, decodeRecoveryKey } from '../../../shared/recovery-key';
import { assertAcceptablePassphrase } from '../../../shared/passphrase-policy';
import { deriveKeyFromPassphrase } from './kdf';
import { deriveKeyFromRecoveryKey, unwrapKey } from './key-wrap';
import { DATABASE_FILE, passphraseAad, recoveryAad, writeHeader, type VaultHeader } from './vault-header';
import { type Sqlite } from '../database/open-database';
import { readSettings, writeSettings } from '../database/settings.repository';
import { removeLeftoverStagingFolders } from '../backup/staging-folders';
import type { VaultSchema } from '../database/schema';
import type { ChainAnchor } from '../../../shared/record-verification';
import { VaultSession } from './vault-session';
import { putBackSetAside, restrictFolderToOwner, setAsideForRestore } from './vault-folder';
import { newRecoverySlot, newVaultHeader, protectionOf } from './vault-keys';
import type { Closable, InstallRestoreOptions, IntegrityTiming, RestoreKey, VaultReaderSource } from './vault-options';

export type { InstallRestoreOptions, RestoreKey, VaultReaderSource, VaultServiceOptions } from './vault-options';

/**
 * Owns the vault folder: creates it, unlocks and locks it, and rewraps the data key. While unlocked it
 * holds the only database connection; locking closes it and wipes the key buffer.
 */
export class VaultService extends VaultSession {
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
      const { header, recoveryBytes } = await newVaultHeader(passphrase, dataKey, this.options);
      return this.startNewVault(header, dataKey, true, recoveryBytes);
    });
  }

  /** Unlocks with the passphrase. Wrong passphrases change no file and count towards the delay. */
  unlock(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.open) return this.status();
      const header = await this.readUsableHeader();
      this.throttle.assertReady();
      const kek = await deriveKeyFromPassphrase(passphrase, header.kdf);
      const dataKey = unwrapKey(kek, header.passphraseSlot.wrapped, passphraseAad(header.vaultId));
      if (!dataKey) this.throttle.fail('WRONG_PASSPHRASE', 'That passphrase is not correct. Check Caps Lock and try again.');
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
      this.throttle.assertReady();
      const bytes = decodeRecoveryKey(recoveryKey);
      if (!bytes) {
        throw new AppError(
          'WRONG_RECOVERY_KEY',
          'That is not a recovery key: it has 32 letters and digits in 8 groups, like ABCD-EFGH-…',
        );
      }
      const kek = deriveKeyFromRecoveryKey(bytes, header.recoverySlot.salt);
      const dataKey = unwrapKey(kek, header.recoverySlot.wrapped, recoveryAad(header.vaultId));
      if (!dataKey) this.throttle.fail('WRONG_RECOVERY_KEY', 'That recovery key does not open this vault. Check each group and try again.');
      if (!this.open) await this.openSession(header, dataKey, false, 'after-opening');
      this.throttle.recordSuccess();
      await this.rewrapPassphrase(newPassphrase);
      await removeLeftoverStagingFolders(this.dir);
      this.emit();
      return this.status();
    });
  }

  /** The activity log's anchor as the header holds it: from the last lock, or the restored backup. */
  chainAnchor(): ChainAnchor | null {
    return this.requireOpen().header.activityLog ?? null;
  }

  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const { header } = this.requireOpen();
      this.throttle.assertReady();
      const kek = await deriveKeyFromPassphrase(currentPassphrase, header.kdf);
      const check = unwrapKey(kek, header.passphraseSlot.wrapped, passphraseAad(header.vaultId));
      if (!check) this.throttle.fail('WRONG_PASSPHRASE', 'Your current passphrase is not correct. Nothing was changed.');
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
      const { recoverySlot, recoveryBytes: bytes } = newRecoverySlot(open.dataKey, open.header.vaultId, new Date().toISOString());
      const header: VaultHeader = { ...open.header, recoverySlot };
      await writeHeader(this.dir, header);
      open.header = header;
      this.emit();
      return { recoveryKey: encodeRecoveryKey(bytes) };
    });
  }

  describe(): VaultProtection {
    return protectionOf(this.dir, this.requireOpen().header);
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
      this.throttle.assertReady();
      const kek = await deriveKeyFromPassphrase(vaultPassphrase, header.kdf);
      const dataKey = unwrapKey(kek, header.passphraseSlot.wrapped, passphraseAad(header.vaultId));
      if (!dataKey) this.throttle.fail('WRONG_PASSPHRASE', 'That vault passphrase is not correct. Nothing was changed.');
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
        const { header: fresh, recoveryBytes } = await newVaultHeader(key.newPassphrase, key.dataKey, this.options);
        const header: VaultHeader = options.activityLog ? { ...fresh, activityLog: options.activityLog } : fresh;
        await fs.rename(stagedFile, database);
        return this.startNewVault(header, Buffer.from(key.dataKey), false, recoveryBytes, timing, true);
      }
      const header = this.open?.header ?? (await this.readUsableHeader());
      const wasOpen = this.open !== null;
      this.closeSession(null);
      const before = await setAsideForRestore(this.dir);
      await fs.rename(stagedFile, database);
      try {
        await this.openSession(header, Buffer.from(key.dataKey), false, timing, true);
      } catch (error) {
        this.closeSession(null);
        await putBackSetAside(this.dir, before);
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
}
