import type { VaultService } from './vault.service';

/**
 * Throws VAULT_LOCKED unless the vault is open: for handlers that would otherwise act, or open a
 * dialog, while locked.
 */
export const requireUnlocked = (vault: VaultService): void => void vault.database();
