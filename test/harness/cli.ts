import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Server } from 'node:http';
import { createAppServices } from '../../electron/services/app-services';
import { HarnessDialogs } from './harness-dialogs';
import { EventStream } from './event-stream';
import { buildApiScript } from './api-script';
import { createHarnessServer } from './server';
import { ensureRendererBuilt, rendererOutDir } from './renderer-build';
import { BACKUP_COST_RANGE, TEST_KDF_COST } from './test-costs';
import { BACKUP_SCRYPT_LOG_N } from '../../shared/backup';

/**
 * The loopback test host: `npm run harness -- --vault <dir> [--port <n>] [--dialog-dir <dir>]
 * [--test-kdf] [--backup-cost <log2N>]`. stdout carries exactly one line, `HARNESS_URL=…`, once the
 * server is ready; everything else goes to stderr so callers (the Playwright fixture, scripts) can read
 * that line without parsing noise. `--test-kdf` gives new vaults (and changed passphrases) Argon2id at
 * the 64 MiB floor with one pass instead of tuning to ~0.5 s; `--backup-cost` writes backups with scrypt
 * 2^<log2N> and reads back down to it instead of 2^18. Both exist only here, never in the packaged app.
 */
const USAGE = 'Usage: npm run harness -- --vault <dir> [--port <n>] [--dialog-dir <dir>] [--test-kdf] [--backup-cost <log2N>]';

interface Flags {
  vaultDir: string;
  port: number;
  dialogDir: string | null;
  testKdf: boolean;
  backupScryptLogN: number | null;
}

class UsageError extends Error {}

function parseFlags(argv: string[]): Flags {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        vault: { type: 'string' },
        port: { type: 'string' },
        'dialog-dir': { type: 'string' },
        'test-kdf': { type: 'boolean' },
        'backup-cost': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.vault === undefined || values.vault.trim() === '') throw new UsageError('--vault <dir> is required.');
  const portText = values.port ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be 0–65535, not "${portText}".`);
  const dialogDir = values['dialog-dir'];
  if (dialogDir !== undefined && dialogDir.trim() === '') throw new UsageError('--dialog-dir needs a folder.');
  const costText = values['backup-cost'];
  const cost = Number(costText);
  if (costText !== undefined && (!/^\d+$/.test(costText) || cost < BACKUP_COST_RANGE.min || cost > BACKUP_COST_RANGE.max)) {
    throw new UsageError(`--backup-cost must be ${BACKUP_COST_RANGE.min}–${BACKUP_COST_RANGE.max} (log2 of scrypt's N), not "${costText}".`);
  }
  return {
    vaultDir: path.resolve(values.vault),
    port,
    dialogDir: dialogDir === undefined ? null : path.resolve(dialogDir),
    testKdf: values['test-kdf'] === true,
    backupScryptLogN: costText === undefined ? null : cost,
  };
}

/** Only 127.0.0.1: the host exposes an unlocked vault and must never be reachable from the network. */
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address === 'object' && address !== null) resolve(address.port);
      else reject(new Error('The server has no TCP address.'));
    });
  });
}

async function main(): Promise<void> {
  // A stray console.log anywhere below would corrupt the one-line stdout contract.
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;

  const flags = parseFlags(process.argv.slice(2));
  // The folder is created here; the vault inside it is created through the UI, as in the app.
  await mkdir(flags.vaultDir, { recursive: true });
  if (flags.dialogDir !== null) await mkdir(flags.dialogDir, { recursive: true });
  ensureRendererBuilt();

  const events = new EventStream();
  const dialogs = new HarnessDialogs(flags.dialogDir);
  const services = createAppServices({
    vaultDir: flags.vaultDir,
    dialogs,
    emit: (event, payload) => events.send(event, payload),
    ...(flags.testKdf ? { kdfCost: TEST_KDF_COST } : {}),
    ...(flags.backupScryptLogN !== null ? { backupScryptLogN: flags.backupScryptLogN } : {}),
  });
  const token = randomBytes(24).toString('base64url');
  const server = createHarnessServer({
    rendererDir: rendererOutDir(),
    token,
    dispatch: services.dispatch,
    dialogs,
    events,
    apiScript: await buildApiScript(),
    // The same calls the shell makes: os-lock.ts locks with 'system' on suspend and lock-screen, and
    // the vault's IdleLock locks with 'idle'. The services then push vaultStateChanged as usual.
    osEvent: (event) => {
      services.vault.lock(event === 'idle' ? 'idle' : 'system');
    },
  });
  const port = await listen(server, flags.port);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[harness] ${signal}: locking the vault and stopping.\n`);
    // As the app does on quit: the automatic backup if one is due, then the vault is locked (the
    // database closed) before the process ends.
    void services.shutdown().then(
      () => 0,
      (error: unknown) => {
        process.stderr.write(`[harness] could not lock the vault: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
      },
    ).then((exitCode) => {
      events.close();
      server.close(() => process.exit(exitCode));
      server.closeAllConnections(); // idle keep-alive sockets would otherwise hold close() open
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stdout.write(`HARNESS_URL=http://127.0.0.1:${port}/?token=${token}\n`);
  process.stderr.write(`[harness] serving ${rendererOutDir()} with the vault folder ${flags.vaultDir}\n`);
  if (flags.testKdf || flags.backupScryptLogN !== null) {
    process.stderr.write(`[harness] test costs: Argon2id ${flags.testKdf ? '64 MiB, 1 pass' : 'tuned'}, backup scrypt 2^${flags.backupScryptLogN ?? BACKUP_SCRYPT_LOG_N}\n`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`[harness] could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
