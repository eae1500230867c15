import type { KdfCost } from '../../electron/services/vault/kdf';

/**
 * Cheaper key derivations for tests. Each is the production code path with a smaller cost, so what a
 * test proves about the vault or a backup holds for the app; the app itself never uses these (only the
 * test host's flags and the unit tests' helpers do).
 */

/** Real Argon2id at the 64 MiB floor, one pass: the vault's code path without the tuning to ~0.5 s. */
export const TEST_KDF_COST: KdfCost = { memoryKiB: 64 * 1024, iterations: 1, parallelism: 1 };

/** scrypt 2^14 (about 50 ms, 16 MiB) instead of the backups' 2^18 (about 1 s, 256 MiB). */
export const TEST_BACKUP_SCRYPT_LOG_N = 14;

/** The work factors `--backup-cost` accepts: from a quick test cost up to the most a backup may ask for. */
export const BACKUP_COST_RANGE = { min: 10, max: 20 } as const;
