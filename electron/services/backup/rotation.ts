import { promises as fs } from 'node:fs';
import path from 'node:path';
import { format, startOfISOWeek } from 'date-fns';
import { BACKUP_FILE_PATTERN, BACKUP_KEEP } from '../../../shared/backup';

export interface RotationCandidate {
  name: string;
  createdAt: Date;
  verified: boolean;
}

export interface RotationKeep {
  daily: number;
  weekly: number;
}

/** A backup this young may still be being written (by this or another machine's app): rotation never touches it. */
const SETTLING_MS = 60_000;

/**
 * Which automatic backups to keep: the newest of each of the last `keep.daily` local calendar days
 * that have a backup, and the newest of each of the last `keep.weekly` ISO weeks that have one (a file
 * can be both). Counting days and weeks that have backups, not days back from `now`, means a machine
 * that was off for a month still keeps its older history instead of rotating down to nothing.
 *
 * Safety rules on top: files newer than a minute before `now` (being written, or dated ahead by a
 * wrong clock) are kept and take no day's or week's place; if no kept file is verified, the newest
 * verified one is kept too, so rotation never deletes the only copy known to be readable; a name that
 * does not match BACKUP_FILE_PATTERN is in neither list, because nothing else in the folder is ours.
 */
export function planRotation(files: readonly RotationCandidate[], now: Date, keep: RotationKeep = BACKUP_KEEP): { keep: string[]; remove: string[] } {
  const ours = files.filter((file) => BACKUP_FILE_PATTERN.test(file.name));
  // Newest first; equal times by name, so the plan does not depend on the order the folder was listed in.
  const newestFirst = [...ours].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.name < b.name ? 1 : -1));
  const kept = new Set<string>();
  const settledBefore = now.getTime() - SETTLING_MS;
  const settled: RotationCandidate[] = [];
  for (const file of newestFirst) {
    const time = file.createdAt.getTime();
    // An unreadable time cannot be placed in a day, so it cannot be judged superseded either.
    if (Number.isNaN(time) || time > settledBefore) kept.add(file.name);
    else settled.push(file);
  }

  const newestPerBucket = (bucket: (date: Date) => string, limit: number) => {
    const seen = new Set<string>();
    for (const file of settled) {
      const key = bucket(file.createdAt);
      if (seen.has(key)) continue;
      if (seen.size >= limit) break;
      seen.add(key);
      kept.add(file.name);
    }
  };
  newestPerBucket((date) => format(date, 'yyyy-MM-dd'), keep.daily);
  newestPerBucket((date) => format(startOfISOWeek(date), 'yyyy-MM-dd'), keep.weekly);

  if (!newestFirst.some((file) => file.verified && kept.has(file.name))) {
    const newestVerified = newestFirst.find((file) => file.verified);
    if (newestVerified) kept.add(newestVerified.name);
  }
  return {
    keep: newestFirst.filter((file) => kept.has(file.name)).map((file) => file.name),
    remove: newestFirst.filter((file) => !kept.has(file.name)).map((file) => file.name),
  };
}

/**
 * The local time a backup's name records (`alliance-backup-YYYYMMDD-HHMMSS.age`), or null for any other
 * name or an impossible date (a file named by hand, or by something else, is then left alone).
 */
export function backupTimeFromName(name: string): Date | null {
  const match = BACKUP_FILE_PATTERN.exec(name);
  if (!match) return null;
  const [, day = '', time = ''] = match;
  const part = (text: string, from: number, to: number) => Number(text.slice(from, to));
  const [year, month, date] = [part(day, 0, 4), part(day, 4, 6), part(day, 6, 8)];
  const [hours, minutes, seconds] = [part(time, 0, 2), part(time, 2, 4), part(time, 4, 6)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const at = new Date(year, month - 1, date, hours, minutes, seconds);
  // Only the calendar date is compared: a time in a daylight-saving gap (02:30 on the spring-forward
  // night) is real in the file name but moves by an hour in Date, and must not make the file unknown.
  const sameDate = new Date(year, month - 1, date);
  if (sameDate.getFullYear() !== year || sameDate.getMonth() !== month - 1 || sameDate.getDate() !== date) return null;
  return at;
}

/**
 * Applies planRotation to a backup folder: lists it, reads each backup's time from its name, and deletes
 * what the plan removes. Only regular files with a backup's name are considered. A file already gone
 * (another rotation, or the practitioner) is not an error. Returns the names removed.
 */
export async function rotateBackupFolder(folder: string, verifiedNames: ReadonlySet<string>, now: Date): Promise<{ removed: string[] }> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const files: RotationCandidate[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const createdAt = backupTimeFromName(entry.name);
    if (createdAt) files.push({ name: entry.name, createdAt, verified: verifiedNames.has(entry.name) });
  }
  const { remove } = planRotation(files, now);
  for (const name of remove) {
    try {
      await fs.unlink(path.join(folder, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return { removed: remove };
}
