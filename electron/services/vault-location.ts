import path from 'node:path';

/** The environment variable that names the vault folder when no `--vault` argument is given. */
export const VAULT_DIR_ENV = 'ALLIANCE_VAULT_DIR';

export interface VaultLocationInputs {
  /** The process arguments (process.argv). */
  argv: readonly string[];
  /** The process environment (process.env). */
  env: Readonly<Record<string, string | undefined>>;
  /** Where the vault lives when neither is given (the Electron shell passes userData/vault). */
  defaultDir: string;
  /** Relative folders are resolved against this (process.cwd()). */
  cwd: string;
}

/**
 * Picks the vault folder: `--vault <dir>` or `--vault=<dir>` first, then ALLIANCE_VAULT_DIR, then the
 * default. Kept free of 'electron' so it can be unit-tested; an empty value counts as not given, so
 * a stray `--vault=` never points the app at the working directory.
 */
export function resolveVaultDir(inputs: VaultLocationInputs): string {
  const chosen = vaultArgument(inputs.argv) ?? nonEmpty(inputs.env[VAULT_DIR_ENV]) ?? inputs.defaultDir;
  return path.resolve(inputs.cwd, chosen);
}

/** The value of the last `--vault` argument, in either spelling, or undefined. */
export function vaultArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--vault') {
      const next = argv[i + 1];
      // `--vault --other` is a missing value, not a folder named "--other".
      if (next !== undefined && !next.startsWith('--')) {
        found = nonEmpty(next) ?? found;
        i += 1;
      }
    } else if (arg?.startsWith('--vault=')) {
      found = nonEmpty(arg.slice('--vault='.length)) ?? found;
    }
  }
  return found;
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value : undefined;
