import { spawn, spawnSync } from 'node:child_process';

export const hasTool = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * Runs `age -d` as a person would. age reads a passphrase only from the terminal (never from stdin or
 * the environment), so it runs under util-linux `script`, which gives it a pseudo-terminal and copies
 * our stdin into it: the passphrase line is waiting in the terminal's input when age asks. The
 * terminal echoes what was typed before age turned echo off, so the output is not returned.
 */
export function ageDecryptWithCli(input: string, output: string, passphrase: string): { status: number | null } {
  const result = spawnSync('script', ['-qec', `age -d -o ${shellQuote(output)} ${shellQuote(input)}`, '/dev/null'], {
    input: `${passphrase}\n`,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, TERM: 'dumb' },
  });
  return { status: result.status };
}

/** `sqlite3 -batch` on a file, rows as `a|b` lines. */
export function sqlite3(file: string, sql: string): string {
  const result = spawnSync('sqlite3', ['-batch', '-noheader', file, sql], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
  return result.stdout.trim();
}

/*
 * Another process writing to the vault while a backup is taken: real concurrency, unlike a loop in this
 * process, which scrypt and serialize() block. It opens vault.db as the app does (SQLCipher 4, raw key)
 * and inserts settings rows, one transaction each, about every millisecond until told to stop.
 */
const INSERTER = String.raw`
import Database from 'better-sqlite3-multiple-ciphers';
const [file] = process.argv.slice(1);
let keyHex = '';
process.stdin.setEncoding('utf8');
process.stdin.once('data', (line) => {
  keyHex = line.trim();
  const db = new Database(file, { fileMustExist: true });
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma('key="x\'' + keyHex + '\'"');
  db.pragma('journal_mode=WAL');
  db.pragma('synchronous=FULL');
  db.pragma('busy_timeout=10000');
  const insert = db.prepare("INSERT INTO settings (key, value) VALUES (?, '1')");
  let count = 0;
  let stop = false;
  process.stdin.on('data', () => { stop = true; });
  const step = () => {
    if (stop) {
      db.close();
      process.stdout.write('inserted ' + count + '\n');
      process.exit(0);
    }
    insert.run('test.concurrent.' + process.pid + '.' + count);
    count += 1;
    if (count === 1) process.stdout.write('started\n');
    // A pause between commits leaves the CPU to the backup being tested; every commit still lands at a random point of it.
    setTimeout(step, 1);
  };
  step();
});
`;

export interface Inserter {
  stop(): Promise<number>;
}

export async function startInserter(databaseFile: string, dataKey: Buffer, cwd: string): Promise<Inserter> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', INSERTER, databaseFile], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (text: string) => {
      output += text;
      if (output.includes('started\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`inserter exited (${code})`)));
  });
  child.stdin.write(`${dataKey.toString('hex')}\n`);
  await started;
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        child.once('exit', () => {
          const match = /inserted (\d+)/.exec(output);
          if (match) resolve(Number(match[1]));
          else reject(new Error('inserter gave no count'));
        });
        child.stdin.write('stop\n');
      }),
  };
}
