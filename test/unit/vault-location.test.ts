import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveVaultDir, vaultArgument, VAULT_DIR_ENV } from '../../electron/services/vault-location';

const cwd = path.resolve('/work/here');
const defaultDir = path.resolve('/home/someone/.config/Alliance Notes/vault');
const argvOf = (...args: string[]) => ['/usr/bin/electron', '.', ...args];

describe('vault location', () => {
  it('uses --vault <dir>', () => {
    expect(resolveVaultDir({ argv: argvOf('--vault', '/data/vault-a'), env: {}, defaultDir, cwd })).toBe(
      path.resolve('/data/vault-a'),
    );
  });

  it('uses --vault=<dir>', () => {
    expect(resolveVaultDir({ argv: argvOf('--vault=/data/vault-b'), env: {}, defaultDir, cwd })).toBe(
      path.resolve('/data/vault-b'),
    );
  });

  it('uses ALLIANCE_VAULT_DIR when no argument is given', () => {
    expect(resolveVaultDir({ argv: argvOf(), env: { [VAULT_DIR_ENV]: '/data/from-env' }, defaultDir, cwd })).toBe(
      path.resolve('/data/from-env'),
    );
  });

  it('falls back to the default folder', () => {
    expect(resolveVaultDir({ argv: argvOf(), env: {}, defaultDir, cwd })).toBe(defaultDir);
  });

  it('prefers the argument over the environment variable', () => {
    const env = { [VAULT_DIR_ENV]: '/data/from-env' };
    expect(resolveVaultDir({ argv: argvOf('--vault', '/data/from-arg'), env, defaultDir, cwd })).toBe(
      path.resolve('/data/from-arg'),
    );
    expect(resolveVaultDir({ argv: argvOf('--vault=/data/from-arg'), env, defaultDir, cwd })).toBe(
      path.resolve('/data/from-arg'),
    );
  });

  it('resolves a relative folder against the working directory', () => {
    expect(resolveVaultDir({ argv: argvOf('--vault', 'my-vault'), env: {}, defaultDir, cwd })).toBe(
      path.join(cwd, 'my-vault'),
    );
  });

  it('ignores empty or missing values and falls through', () => {
    const env = { [VAULT_DIR_ENV]: '/data/from-env' };
    expect(resolveVaultDir({ argv: argvOf('--vault='), env, defaultDir, cwd })).toBe(path.resolve('/data/from-env'));
    expect(resolveVaultDir({ argv: argvOf('--vault'), env, defaultDir, cwd })).toBe(path.resolve('/data/from-env'));
    expect(resolveVaultDir({ argv: argvOf(), env: { [VAULT_DIR_ENV]: '  ' }, defaultDir, cwd })).toBe(defaultDir);
  });

  it('does not take the next flag as the folder', () => {
    expect(vaultArgument(argvOf('--vault', '--inspect'))).toBeUndefined();
  });

  it('uses the last --vault when given twice', () => {
    expect(vaultArgument(argvOf('--vault', '/a', '--vault=/b'))).toBe('/b');
  });

  it('does not match look-alike flags', () => {
    expect(vaultArgument(argvOf('--vaulted=/x', '--vault-dir', '/y'))).toBeUndefined();
  });
});
