import { z } from 'zod';
import { method, noInput } from './method';

/** A passphrase as every call takes one, the backup calls included. */
export const passphrase = z.string().min(1, 'Enter a passphrase.').max(1024, 'A passphrase can be at most 1,024 characters.');
const recoveryKeyText = z.string().min(1, 'Enter your recovery key.').max(200, 'That is too long to be a recovery key.');

export const vaultStateSchema = z.enum(['absent', 'locked', 'unlocked', 'unreadable']);
/** `damaged`: the integrity check that runs after an unlock found damage and closed the vault. */
export const lockReasonSchema = z.enum(['user', 'idle', 'system', 'damaged']);

export const vaultStatusSchema = z.strictObject({
  state: vaultStateSchema,
  /** Why the vault was last locked, so the unlock screen can say "Locked after 10 minutes idle". */
  lockReason: lockReasonSchema.nullable(),
  /** Unlocked, but the practitioner has not yet confirmed they stored the recovery key. */
  recoveryKeyPending: z.boolean(),
  /** Milliseconds before another unlock attempt is accepted (0 when none is pending). */
  retryAfterMs: z.number().int().nonnegative(),
  /** For `unreadable`: why the vault cannot be opened. */
  problem: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
});

export const vaultProtectionSchema = z.strictObject({
  location: z.string(),
  databaseCipher: z.string(),
  keyWrapping: z.string(),
  kdf: z.strictObject({
    algorithm: z.literal('argon2id'),
    memoryMiB: z.number(),
    iterations: z.number().int(),
    parallelism: z.number().int(),
  }),
  createdAt: z.string(),
  passphraseChangedAt: z.string(),
  recoveryKeyCreatedAt: z.string(),
  recoveryKeyConfirmedAt: z.string().nullable(),
});

export type VaultStatus = z.output<typeof vaultStatusSchema>;
export type VaultState = z.output<typeof vaultStateSchema>;
export type LockReason = z.output<typeof lockReasonSchema>;
export type VaultProtection = z.output<typeof vaultProtectionSchema>;

/** Creating, unlocking and locking the vault, its passphrase and its recovery key. */
export const vaultMethods = {
  getVaultStatus: method(noInput, vaultStatusSchema),
  createVault: method(z.strictObject({ passphrase }), z.strictObject({ recoveryKey: z.string() })),
  unlockVault: method(z.strictObject({ passphrase }), vaultStatusSchema),
  unlockWithRecoveryKey: method(
    z.strictObject({ recoveryKey: recoveryKeyText, newPassphrase: passphrase }),
    vaultStatusSchema,
  ),
  lockVault: method(noInput, vaultStatusSchema),
  changePassphrase: method(z.strictObject({ currentPassphrase: passphrase, newPassphrase: passphrase }), z.strictObject({})),
  describeVaultProtection: method(noInput, vaultProtectionSchema),
  confirmRecoveryKeySaved: method(noInput, vaultStatusSchema),
  /** Replaces the recovery key; the old one stops working. Returns the new key to show once. */
  regenerateRecoveryKey: method(noInput, z.strictObject({ recoveryKey: z.string() })),
  /** Asks where to save, then writes the key to a text file. `saved: false` when the user cancelled. */
  saveRecoveryKeyToFile: method(
    z.strictObject({ recoveryKey: recoveryKeyText }),
    z.strictObject({ saved: z.boolean(), path: z.string().nullable() }),
  ),
  /** The renderer reports user activity (throttled) so the idle auto-lock can be reset. */
  reportActivity: method(noInput, z.strictObject({})),
} as const;
