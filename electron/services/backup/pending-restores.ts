import { AppError } from '../../../shared/errors';
import type { BackupInfo } from '../../../shared/backup';
import type { ChainAnchor } from '../../../shared/record-verification';
import type { RestoreKey } from '../vault/vault.service';
import { removeStagingFolder } from './restore-stream';

export interface PendingRestore {
  id: string;
  stagingDir: string;
  stagedFile: string;
  key: RestoreKey;
  info: BackupInfo;
  /** Staged with the open vault's own key, no passphrase typed: confirming it would unlock the vault. */
  stagedWhileUnlocked: boolean;
  /** The activity log's anchor from the backup's manifest; null for an older backup without one. */
  activityLog: ChainAnchor | null;
}

/** A staged restore nobody confirms is thrown away, key and all. */
const PENDING_RESTORE_MS = 15 * 60 * 1000;

const lockedMeanwhile = () =>
  new AppError('VAULT_LOCKED', 'The vault locked after this restore was prepared, so it was discarded. Unlock and start the restore again.');

/**
 * Restores that are staged and wait for the practitioner to confirm them. Each holds a copy of the
 * data key, wiped with its staging folder whenever it is dropped: cancelled, expired, discarded
 * because the vault locked, or at quit. A confirmed one is handed over for the caller to wipe.
 */
export class PendingRestores {
  private readonly pending = new Map<string, PendingRestore & { timer: NodeJS.Timeout }>();
  /** Restores discarded because the vault locked, so confirming one says why rather than "not found". */
  private readonly discardedByLock = new Set<string>();

  add(restore: PendingRestore): void {
    const timer = setTimeout(() => void this.cancel(restore.id), PENDING_RESTORE_MS);
    timer.unref();
    this.pending.set(restore.id, { ...restore, timer });
  }

  /** The restore to confirm, no longer pending; refused when it expired or the vault locked since it was staged. */
  async take(restoreId: string, vaultUnlocked: () => Promise<boolean>): Promise<PendingRestore> {
    const pending = this.pending.get(restoreId);
    if (!pending && this.discardedByLock.delete(restoreId)) throw lockedMeanwhile();
    if (!pending) throw new AppError('NOT_FOUND', 'That restore is no longer ready (it expires after 15 minutes). Start again.');
    // The lock notice arrives asynchronously; never let a confirm slip in before it.
    if (pending.stagedWhileUnlocked && !(await vaultUnlocked())) {
      await this.discardStagedWhileUnlocked();
      this.discardedByLock.delete(restoreId);
      throw lockedMeanwhile();
    }
    this.pending.delete(restoreId);
    clearTimeout(pending.timer);
    return pending;
  }

  async cancel(restoreId: string): Promise<void> {
    const pending = this.pending.get(restoreId);
    if (!pending) return;
    this.pending.delete(restoreId);
    clearTimeout(pending.timer);
    pending.key.dataKey.fill(0);
    await removeStagingFolder(pending.stagingDir);
  }

  /**
   * Called when the vault locks. A restore staged while it was unlocked holds a copy of the data key
   * and would open the vault without its passphrase: locking must wipe that key like the vault's own.
   */
  async discardStagedWhileUnlocked(): Promise<void> {
    for (const pending of [...this.pending.values()]) {
      if (!pending.stagedWhileUnlocked) continue;
      await this.cancel(pending.id);
      this.discardedByLock.add(pending.id);
    }
  }

  async cancelAll(): Promise<void> {
    for (const id of [...this.pending.keys()]) await this.cancel(id);
  }
}
