import { spawn } from 'node:child_process';

/*
 * A separate process that looks for a canary in plaintext on disk while this process writes a backup.
 * It runs outside this process's event loop (scrypt blocks that loop for a second), every few ms:
 * - every file in the watched folders (the backup folder), whatever its name;
 * - every entry created in os.tmpdir() meanwhile (inotify through fs.watch), folders recursively;
 * - on Linux, every regular file the backup process has open, read through /proc/<pid>/fd, which also
 *   sees temporary files that were unlinked right after they were opened (SQLite's own temp files).
 * A file is read again only when its size or mtime changed.
 */
const SCANNER = String.raw`
import { readdirSync, readFileSync, statSync, watch, readlinkSync } from 'node:fs';
import path from 'node:path';
const [canaryHex, pidText, tmp, ...folders] = process.argv.slice(1);
const canary = Buffer.from(canaryHex, 'hex');
const pid = Number(pidText);
const seen = new Map();
const hits = new Set();
const created = new Set();
let scans = 0;
const check = (file, label = file) => {
  let stat;
  try { stat = statSync(file); } catch { return; }
  if (!stat.isFile() || stat.size > 512 * 1024 * 1024) return;
  const stamp = stat.size + ':' + stat.mtimeMs;
  if (seen.get(label) === stamp) return;
  seen.set(label, stamp);
  try { if (readFileSync(file).includes(canary)) hits.add(label); } catch {}
};
const walk = (entry, depth = 0) => {
  let stat;
  try { stat = statSync(entry); } catch { return; }
  if (stat.isDirectory()) {
    if (depth > 6) return;
    let names = [];
    try { names = readdirSync(entry); } catch {}
    for (const name of names) walk(path.join(entry, name), depth + 1);
  } else check(entry);
};
const watcher = watch(tmp, (_event, name) => { if (name) created.add(path.join(tmp, name)); });
const scan = () => {
  scans += 1;
  for (const folder of folders) walk(folder);
  for (const entry of created) walk(entry);
  if (process.platform === 'linux') {
    let fds = [];
    try { fds = readdirSync('/proc/' + pid + '/fd'); } catch {}
    for (const fd of fds) {
      const link = '/proc/' + pid + '/fd/' + fd;
      let target = '';
      try { target = readlinkSync(link); } catch { continue; }
      if (!target.startsWith('/')) continue;
      check(link, target);
    }
  }
};
const timer = setInterval(scan, 3);
process.stdin.on('data', () => {
  clearInterval(timer);
  scan();
  watcher.close();
  process.stdout.write(JSON.stringify({ scans, hits: [...hits] }) + '\n');
  process.exit(0);
});
process.stdout.write('ready\n');
`;

export interface CanaryScan {
  stop(): Promise<{ scans: number; hits: string[] }>;
}

export async function startCanaryScan(canary: string, options: { tmp: string; folders: string[]; pid?: number }): Promise<CanaryScan> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', SCANNER, Buffer.from(canary).toString('hex'), String(options.pid ?? process.pid), options.tmp, ...options.folders],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (text: string) => {
      output += text;
      if (output.includes('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`scanner exited early (${code})`)));
  });
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        child.once('exit', () => {
          const line = output.split('\n').find((text) => text.startsWith('{'));
          if (line) resolve(JSON.parse(line) as { scans: number; hits: string[] });
          else reject(new Error('scanner gave no report'));
        });
        child.stdin.write('stop\n');
      }),
  };
}
