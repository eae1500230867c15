import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { backupTimeFromName, planRotation, rotateBackupFolder, type RotationCandidate } from '../../electron/services/backup/rotation';
import { BACKUP_FILE_PATTERN } from '../../shared/backup';
import { removeDir, tempDir } from './support/temp-vault';

/** Monday 15 June 2026, noon local time: the first day of an ISO week, so week boundaries are easy to see. */
const NOW = new Date(2026, 5, 15, 12, 0, 0);

const nameAt = (date: Date): string => `alliance-backup-${format(date, 'yyyyMMdd-HHmmss')}.age`;
const at = (month: number, day: number, hours = 2, minutes = 0, seconds = 0) => new Date(2026, month - 1, day, hours, minutes, seconds);
const file = (date: Date, verified = true): RotationCandidate => ({ name: nameAt(date), createdAt: date, verified });

/** One automatic backup at 02:00 on each of the 30 days up to today, plus extra runs on the last two days. */
function thirtyDays(verified = true): RotationCandidate[] {
  const files: RotationCandidate[] = [];
  for (let back = 0; back < 30; back += 1) files.push(file(new Date(2026, 5, 15 - back, 2, 0, 0), verified));
  files.push(file(at(6, 15, 8), verified), file(at(6, 15, 11), verified), file(at(6, 14, 23, 30), verified));
  return files;
}

/** Newest first: the last 7 days with backups (each its newest file), then the newest of the two older ISO weeks. */
const EXPECTED_KEEP = [
  'alliance-backup-20260615-110000.age', // today, newest of three; also ISO week 25
  'alliance-backup-20260614-233000.age', // Sunday, newest of two; also ISO week 24 (8–14 June)
  'alliance-backup-20260613-020000.age',
  'alliance-backup-20260612-020000.age',
  'alliance-backup-20260611-020000.age',
  'alliance-backup-20260610-020000.age',
  'alliance-backup-20260609-020000.age',
  'alliance-backup-20260607-020000.age', // ISO week 23 (1–7 June)
  'alliance-backup-20260531-020000.age', // ISO week 22 (25–31 May)
];

/** Deterministic shuffle, so the plan is shown not to depend on the order the folder lists files in. */
const shuffled = <T,>(items: readonly T[]): T[] => items.map((item, i) => ({ item, k: (i * 7919) % 101 })).sort((a, b) => a.k - b.k).map(({ item }) => item);

describe('planRotation', () => {
  it('keeps the newest backup of each of the last 7 days and of each of the last 4 ISO weeks, and removes the rest', () => {
    const files = thirtyDays();
    const plan = planRotation(shuffled(files), NOW);
    expect(plan.keep).toEqual(EXPECTED_KEEP);
    expect(plan.remove).toHaveLength(files.length - EXPECTED_KEEP.length);
    expect(new Set([...plan.keep, ...plan.remove])).toEqual(new Set(files.map((f) => f.name)));
    expect(plan.remove).toContain('alliance-backup-20260615-080000.age');
    expect(plan.remove).toContain('alliance-backup-20260615-020000.age');
    expect(plan.remove).toContain('alliance-backup-20260608-020000.age');
    expect(plan.remove).toContain('alliance-backup-20260517-020000.age');
  });

  it('counts days and weeks that have backups, so a long gap keeps older history', () => {
    // Backups only on three days in April and two in January, then nothing for two months.
    const files = [at(4, 20), at(4, 20, 9), at(4, 14), at(4, 2), at(1, 10), at(1, 3)].map((date) => file(date));
    expect(planRotation(files, NOW).keep).toEqual([
      'alliance-backup-20260420-090000.age',
      'alliance-backup-20260414-020000.age',
      'alliance-backup-20260402-020000.age',
      'alliance-backup-20260110-020000.age',
      'alliance-backup-20260103-020000.age',
    ]);
  });

  it('takes other limits', () => {
    const plan = planRotation(thirtyDays(), NOW, { daily: 2, weekly: 1 });
    expect(plan.keep).toEqual(['alliance-backup-20260615-110000.age', 'alliance-backup-20260614-233000.age']);
  });

  it('keeps the newest verified backup when none of the kept ones is verified', () => {
    const files = thirtyDays(false);
    const verifiedOld = nameAt(at(5, 20));
    const verifiedOlder = nameAt(at(5, 18));
    const withVerified = files.map((f) => (f.name === verifiedOld || f.name === verifiedOlder ? { ...f, verified: true } : f));
    const plan = planRotation(withVerified, NOW);
    expect(plan.keep).toEqual([...EXPECTED_KEEP, verifiedOld]);
    expect(plan.remove).toContain(verifiedOlder);

    // When a kept file is verified already, no extra copy is kept.
    const keptVerified = withVerified.map((f) => (f.name === EXPECTED_KEEP[3] ? { ...f, verified: true } : f));
    expect(planRotation(keptVerified, NOW).keep).toEqual(EXPECTED_KEEP);
    // Nothing verified at all: the usual plan.
    expect(planRotation(files, NOW).keep).toEqual(EXPECTED_KEEP);
  });

  it('never considers a file whose name is not a backup name', () => {
    const others: RotationCandidate[] = [
      { name: 'notes.txt', createdAt: at(5, 1), verified: false },
      { name: 'alliance-backup-20260501-020000.age.partial', createdAt: at(5, 1), verified: false },
      { name: 'alliance-backup-2026-05-01.age', createdAt: at(5, 1), verified: false },
      { name: 'ALLIANCE-BACKUP-20260501-020000.AGE', createdAt: at(5, 1), verified: false },
    ];
    const plan = planRotation([...thirtyDays(), ...others], NOW);
    expect(plan.keep).toEqual(EXPECTED_KEEP);
    for (const other of others) {
      expect(plan.keep).not.toContain(other.name);
      expect(plan.remove).not.toContain(other.name);
    }
  });

  it('keeps files from the last minute or the future without letting them take a day’s place', () => {
    const beingWritten = file(new Date(NOW.getTime() - 30_000), false);
    const future = file(at(6, 18), false);
    const plan = planRotation([...thirtyDays(), beingWritten, future], NOW);
    expect(plan.keep).toEqual([future.name, beingWritten.name, ...EXPECTED_KEEP]);
    // A file exactly a minute old is settled and judged like any other.
    const settled = file(new Date(NOW.getTime() - 60_000));
    expect(planRotation([...thirtyDays(), settled], NOW).keep[0]).toBe(settled.name);
    expect(planRotation([...thirtyDays(), settled], NOW).remove).toContain(EXPECTED_KEEP[0]);
  });

  it('is fine with nothing, or a single unverified file', () => {
    expect(planRotation([], NOW)).toEqual({ keep: [], remove: [] });
    const only = file(at(1, 1), false);
    expect(planRotation([only], NOW)).toEqual({ keep: [only.name], remove: [] });
  });
});

describe('backupTimeFromName', () => {
  it('reads the local time from a backup name and nothing from other names', () => {
    expect(backupTimeFromName('alliance-backup-20260615-071503.age')).toEqual(new Date(2026, 5, 15, 7, 15, 3));
    expect(backupTimeFromName('alliance-backup-20260230-020000.age')).toBeNull();
    expect(backupTimeFromName('alliance-backup-20261301-020000.age')).toBeNull();
    expect(backupTimeFromName('alliance-backup-20260615-246000.age')).toBeNull();
    expect(backupTimeFromName('alliance-backup-20260615-020000.age.tmp')).toBeNull();
    expect(backupTimeFromName('vault.db')).toBeNull();
    for (const f of thirtyDays()) expect(BACKUP_FILE_PATTERN.test(f.name) && backupTimeFromName(f.name)).toEqual(f.createdAt);
  });
});

describe('rotateBackupFolder', () => {
  let dir: string;
  afterEach(async () => {
    await removeDir(dir);
  });

  it('deletes exactly what the plan removes from a real folder and leaves everything else', async () => {
    dir = tempDir('alliance-rotation-');
    const files = thirtyDays(false);
    for (const f of files) writeFileSync(path.join(dir, f.name), '');
    const unrelated = ['notes.txt', 'alliance-backup-20260501-020000.age.partial', 'alliance-backup-20260230-020000.age'];
    for (const name of unrelated) writeFileSync(path.join(dir, name), 'keep me');
    // A folder with a backup's name is not a backup either.
    mkdirSync(path.join(dir, 'alliance-backup-20260401-020000.age'));
    const verified = new Set([nameAt(at(5, 25))]);

    const { removed } = await rotateBackupFolder(dir, verified, NOW);
    expect(removed).toEqual(planRotation(files.map((f) => ({ ...f, verified: verified.has(f.name) })), NOW).remove);
    expect(removed).toHaveLength(files.length - EXPECTED_KEEP.length - 1);
    expect(readdirSync(dir).sort()).toEqual(
      [...EXPECTED_KEEP, nameAt(at(5, 25)), ...unrelated, 'alliance-backup-20260401-020000.age'].sort(),
    );
    // Running again finds nothing more to do.
    expect(await rotateBackupFolder(dir, verified, NOW)).toEqual({ removed: [] });
  });

  it('is fine with an empty folder', async () => {
    dir = tempDir('alliance-rotation-');
    expect(await rotateBackupFolder(dir, new Set(), NOW)).toEqual({ removed: [] });
    expect(readdirSync(dir)).toEqual([]);
  });
});
