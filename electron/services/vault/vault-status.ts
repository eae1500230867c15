import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VaultStatus } from '../../../shared/contract';
import { DATABASE_FILE, HEADER_FILE, type readHeader } from './vault-header';

type HeaderRead = Awaited<ReturnType<typeof readHeader>>;
type StatusBase = Pick<VaultStatus, 'lockReason' | 'retryAfterMs' | 'problem'>;

/** What a locked vault folder's header says about it: locked, absent, or unreadable and why. */
export function statusOfClosedVault(dir: string, read: HeaderRead, base: StatusBase): VaultStatus {
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
      return existsSync(path.join(dir, DATABASE_FILE))
        ? problem(
            'VAULT_DAMAGED',
            `The vault header (${HEADER_FILE}) is missing, so vault.db cannot be unlocked. vault.db was not changed.`,
          )
        : { ...base, state: 'absent', recoveryKeyPending: false };
  }
}
