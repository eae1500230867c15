import path from 'node:path';
import { app } from 'electron';
import { resolveVaultDir } from '../services/vault-location';

/** The vault folder for this run: `--vault`, then ALLIANCE_VAULT_DIR, then <userData>/vault. */
export function vaultLocation(): string {
  return resolveVaultDir({
    argv: process.argv,
    env: process.env,
    defaultDir: path.join(app.getPath('userData'), 'vault'),
    cwd: process.cwd(),
  });
}
