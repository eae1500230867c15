import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedPracticeVault, type SeedLandmarks } from './seed/generate';
import type { WriteTotals } from './seed/write-vault';

/**
 * A seeded practice vault for benchmarks, built once and kept under `.bench-cache/` (git-ignored):
 * `practice-v<format>-<generator hash>-<seed>-<clients>-<sessions>/` holds `vault/` (vault.db and its
 * header, made with the real VaultService and the app's own Argon2id tuning) and `manifest.json`.
 * A build goes into a temporary sibling folder that is renamed into place only when complete, so an
 * interrupted build is never taken for a cached one. Bump PRACTICE_FORMAT when what a vault holds
 * changes in a way the generator's source does not show; any edit to bench/seed/ or migrations/ changes the hash.
 *
 * The cached vault is shared by every run: a row that writes to it (autosave, restore) should work on
 * a copy (`copyTo`).
 */
export const PRACTICE_FORMAT = 1;
export const PRACTICE_PASSPHRASE = 'bench orchard quartz meadow 2231';

export interface PracticeManifest {
  format: number;
  generator: string;
  seed: number;
  clients: number;
  sessions: number;
  totals: WriteTotals;
  landmarks: SeedLandmarks;
  /** vault.db plus its header, in bytes. */
  vaultBytes: number;
  buildSeconds: number;
  /** The vault's recovery key (synthetic data; for recovery tests on a large vault). */
  recoveryKey: string;
}

export interface PracticeVault {
  /** The vault folder (vault.db and vault-header.json): `new VaultService({ dir, appVersion })`. */
  dir: string;
  passphrase: string;
  manifest: PracticeManifest;
  /** Copies the vault folder into `target` (made if missing) and returns it, for rows that change the vault. */
  copyTo(target: string): Promise<string>;
}

export interface PracticeVaultOptions {
  clients?: number;
  sessions?: number;
  seed?: number;
  /** Progress lines on stderr while building (default true). */
  verbose?: boolean;
}

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CACHE = path.join(REPO, '.bench-cache');
const SEED_SOURCES = path.join(REPO, 'bench', 'seed');
const MIGRATIONS = path.join(REPO, 'migrations');

/** A short hash of the generator's source and the schema's, so editing either invalidates cached vaults. */
function generatorHash(): string {
  const hash = createHash('sha256');
  // The migrations too: a cached vault a step behind would be migrated by every row that opens it.
  for (const dir of [SEED_SOURCES, MIGRATIONS]) {
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts')).sort()) {
      hash.update(name);
      hash.update(readFileSync(path.join(dir, name)));
    }
  }
  return hash.digest('hex').slice(0, 8);
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readManifest(folder: string): PracticeManifest | null {
  try {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as PracticeManifest;
    return manifest.format === PRACTICE_FORMAT && existsSync(path.join(folder, 'vault', 'vault.db')) ? manifest : null;
  } catch {
    return null;
  }
}

function practiceOf(folder: string, manifest: PracticeManifest): PracticeVault {
  const dir = path.join(folder, 'vault');
  return {
    dir,
    passphrase: PRACTICE_PASSPHRASE,
    manifest,
    async copyTo(target) {
      await fs.mkdir(target, { recursive: true, mode: 0o700 });
      for (const name of ['vault.db', 'vault-header.json']) await fs.copyFile(path.join(dir, name), path.join(target, name));
      return target;
    },
  };
}

/** The cached practice vault for these sizes and seed, built first if there is none. */
export async function practiceVault(options: PracticeVaultOptions = {}): Promise<PracticeVault> {
  const clients = options.clients ?? 300;
  const sessions = options.sessions ?? 20_000;
  const seed = options.seed ?? 42;
  const generator = generatorHash();
  const name = `practice-v${PRACTICE_FORMAT}-${generator}-${seed}-${clients}-${sessions}`;
  const folder = path.join(CACHE, name);
  const cached = readManifest(folder);
  if (cached) return practiceOf(folder, cached);

  await fs.mkdir(CACHE, { recursive: true });
  // Interrupted builds of these sizes (their process is gone) are removed, and so are vaults of the same
  // seed and sizes from an older generator (about 250 MB each at the default size, never used again) and
  // a folder under this name without a valid manifest.
  const sameSizes = `practice-v\\d+-[0-9a-f]{8}-${seed}-${clients}-${sessions}`;
  for (const entry of readdirSync(CACHE)) {
    const build = new RegExp(`^\\.${sameSizes}\\.tmp-(\\d+)$`).exec(entry);
    const outdated = new RegExp(`^${sameSizes}$`).test(entry) && entry !== name;
    if ((build && !isRunning(Number(build[1]))) || outdated) await fs.rm(path.join(CACHE, entry), { recursive: true, force: true });
  }
  const finished = readManifest(folder);
  if (finished) return practiceOf(folder, finished);
  if (existsSync(folder)) await fs.rm(folder, { recursive: true, force: true });

  const temp = path.join(CACHE, `.${name}.tmp-${process.pid}`);
  await fs.rm(temp, { recursive: true, force: true });
  await fs.mkdir(temp, { recursive: true });
  const verbose = options.verbose ?? true;
  if (verbose) process.stderr.write(`building the practice vault ${name} (once; about 25 s at 300 clients and 20,000 sessions)…\n`);
  let lastTenth = -1;
  const result = await seedPracticeVault({
    dir: path.join(temp, 'vault'),
    passphrase: PRACTICE_PASSPHRASE,
    clients,
    sessions,
    seed,
    onProgress: (progress) => {
      const tenth = Math.floor((10 * progress.done) / progress.total);
      if (verbose && progress.phase === 'sessions' && tenth !== lastTenth) process.stderr.write(`  sessions ${progress.done}/${progress.total}\n`);
      if (progress.phase === 'sessions') lastTenth = tenth;
    },
  });
  const manifest: PracticeManifest = {
    format: PRACTICE_FORMAT,
    generator,
    seed,
    clients,
    sessions,
    totals: result.totals,
    landmarks: result.landmarks,
    vaultBytes: result.vaultBytes,
    buildSeconds: Math.round(result.seconds * 10) / 10,
    recoveryKey: result.recoveryKey,
  };
  await fs.writeFile(path.join(temp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  try {
    await fs.rename(temp, folder);
  } catch (error) {
    // Another process finished the same build first: use its vault.
    const theirs = readManifest(folder);
    await fs.rm(temp, { recursive: true, force: true });
    if (!theirs) throw error;
    return practiceOf(folder, theirs);
  }
  if (verbose) process.stderr.write(`practice vault ready: ${(manifest.vaultBytes / 1e6).toFixed(1)} MB in ${manifest.buildSeconds} s\n`);
  return practiceOf(folder, manifest);
}
