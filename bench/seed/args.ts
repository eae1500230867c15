import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { assessPassphrase } from '../../shared/passphrase-policy';

/** The command line of `npm run seed`, checked before anything is written. */
export interface SeedArgs {
  vault: string;
  passphrase: string;
  clients: number;
  sessions: number;
  seed: number;
  check: boolean;
}

export const USAGE = `usage: npm run seed -- --vault <dir> --passphrase <passphrase> --clients <n> --sessions <n> [--seed <n>] [--check]

  --vault       folder for the new vault; must not exist yet, or be empty
  --passphrase  the vault passphrase; the app's passphrase policy applies (10+ characters, hard to guess)
  --clients     number of clients, at least 3
  --sessions    number of sessions (each with its note), at least twice the number of clients
  --seed        any whole number from 0 to 4294967295 (default 42); the same seed gives the same data
  --check       afterwards, unlock the vault and check it (integrity, hashes, the screens' service calls)`;

const LIMITS = { clients: { min: 3, max: 100_000 }, sessions: { max: 2_000_000 } };

export type ParsedArgs = { ok: true; args: SeedArgs } | { ok: false; message: string; help?: boolean };

function wholeNumber(name: string, text: string | undefined, min: number, max: number): number | string {
  if (text === undefined || !/^\d+$/.test(text)) return `--${name} needs a whole number${text === undefined ? '' : `, not "${text}"`}.`;
  const value = Number(text);
  if (value < min || value > max) return `--${name} must be between ${min.toLocaleString('en')} and ${max.toLocaleString('en')} (got ${value.toLocaleString('en')}).`;
  return value;
}

/** Why `dir` cannot take a new vault, or null when it can (absent, or an empty folder). */
export function vaultDirProblem(dir: string): string | null {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    return null;
  }
  if (!stat.isDirectory()) return `--vault ${dir} is a file; give a folder that does not exist yet, or an empty one.`;
  const entries = readdirSync(dir);
  if (entries.length > 0) return `--vault ${dir} is not empty (it holds ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); the seed never writes into an existing vault or folder. Give a new or empty folder.`;
  return null;
}

export function parseSeedArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: false, message: USAGE, help: true };
    const match = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!match) return { ok: false, message: `Unexpected argument "${arg}".` };
    const name = match[1]!;
    if (!['vault', 'passphrase', 'clients', 'sessions', 'seed', 'check'].includes(name)) return { ok: false, message: `Unknown option --${name}.` };
    if (values.has(name)) return { ok: false, message: `--${name} is given twice.` };
    if (name === 'check') {
      values.set(name, 'yes');
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || (match[2] === undefined && value.startsWith('--'))) return { ok: false, message: `--${name} needs a value.` };
    values.set(name, value);
  }
  for (const required of ['vault', 'passphrase', 'clients', 'sessions']) {
    if (!values.has(required)) return { ok: false, message: `--${required} is required.` };
  }
  const vault = path.resolve(values.get('vault')!);
  const dirProblem = vaultDirProblem(vault);
  if (dirProblem) return { ok: false, message: dirProblem };
  const passphrase = values.get('passphrase')!;
  const assessment = assessPassphrase(passphrase);
  if (!assessment.acceptable) return { ok: false, message: `--passphrase is refused by the app's passphrase policy: ${assessment.reason}` };
  const clients = wholeNumber('clients', values.get('clients'), LIMITS.clients.min, LIMITS.clients.max);
  if (typeof clients === 'string') return { ok: false, message: clients };
  const sessions = wholeNumber('sessions', values.get('sessions'), 2 * clients, LIMITS.sessions.max);
  if (typeof sessions === 'string') return { ok: false, message: `${sessions} Every client has an intake and at least one more session.` };
  const seed = values.has('seed') ? wholeNumber('seed', values.get('seed'), 0, 0xffff_ffff) : 42;
  if (typeof seed === 'string') return { ok: false, message: seed };
  return { ok: true, args: { vault, passphrase, clients, sessions, seed, check: values.has('check') } };
}
