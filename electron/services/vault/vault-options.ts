import type { Kysely } from 'kysely';
import type { VaultStatus } from '../../../shared/contract';
import type { ChainAnchor } from '../../../shared/record-verification';
import type { IntegrityCheck } from '../database/integrity-check';
import type { Sqlite } from '../database/open-database';
import type { VaultSchema } from '../database/schema';
import type { IdleLock, Timers } from './idle-lock';
import type { KdfCost } from './kdf';
import type { VaultHeader } from './vault-header';

/** What VaultService is built with, what a restore hands it, and what it holds while unlocked. */

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

export interface OpenVault {
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

export interface Closable {
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
export type IntegrityTiming = 'before-opening' | 'after-opening';

