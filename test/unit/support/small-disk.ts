import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, statfsSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Small, real file systems for "disk full" and "read-only drive" tests. We run as root, and a
 * chmod'ed folder does not stop root from writing, so the tests mount a tmpfs instead: a size
 * limit gives a genuine ENOSPC, a read-only remount a genuine EROFS, from the kernel itself.
 */

export interface MountProbe {
  allowed: boolean;
  /** Why mount-based tests are skipped, for the test report; empty when allowed. */
  reason: string;
}

const mounted = new Set<string>();

function run(command: string, args: readonly string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) return { ok: false, output: result.error.message };
  return { ok: result.status === 0, output: `${result.stderr}${result.stdout}`.trim() };
}

/** Tries a tiny mount once, so a machine without mount rights skips the tests instead of failing them. */
export function probeMounting(): MountProbe {
  const reason = (detail: string) =>
    `mounting a tmpfs is not permitted on this machine (needs Linux and root with CAP_SYS_ADMIN): ${detail}`;
  if (process.platform !== 'linux') return { allowed: false, reason: reason(`platform is ${process.platform}`) };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alliance-mount-probe-'));
  try {
    const attempt = run('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', dir]);
    if (!attempt.ok) return { allowed: false, reason: reason(attempt.output || 'mount failed') };
    if (!run('umount', [dir]).ok) run('umount', ['-l', dir]);
    return { allowed: true, reason: '' };
  } finally {
    rmdirSync(dir);
  }
}

export class SmallDisk {
  private constructor(readonly dir: string) {}

  /** A fresh tmpfs of (at least, tmpfs rounds up to whole pages) this many bytes, owner-only. */
  static mount(bytes: number): SmallDisk {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alliance-small-disk-'));
    const result = run('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil(bytes)},mode=0700`, 'tmpfs', dir]);
    if (!result.ok) {
      rmdirSync(dir);
      throw new Error(`mounting a ${bytes}-byte tmpfs failed: ${result.output}`);
    }
    mounted.add(dir);
    return new SmallDisk(dir);
  }

  /** Bytes an unprivileged writer could still use; tmpfs reserves nothing for root, so root sees the same. */
  freeBytes(): number {
    const stats = statfsSync(this.dir);
    return stats.bavail * stats.bsize;
  }

  /**
   * Fills the disk with a file of zeros at the top of the mount, leaving about `leaveBytes` free
   * (to the page), the way a drive fills with other files. Returns the filler's path.
   */
  fillLeaving(leaveBytes: number, name = 'other-files.bin'): string {
    const file = path.join(this.dir, name);
    let remaining = this.freeBytes() - leaveBytes;
    if (remaining <= 0) throw new Error(`only ${this.freeBytes()} bytes free; cannot leave ${leaveBytes}`);
    const piece = Buffer.alloc(1024 * 1024);
    const fd = openSync(file, 'wx', 0o600);
    try {
      while (remaining > 0) remaining -= writeSync(fd, piece, 0, Math.min(piece.length, remaining));
    } finally {
      closeSync(fd);
    }
    return file;
  }

  /** The drive turns read-only, as a write-protected USB stick would: every write now fails with EROFS, even for root. */
  remountReadOnly(): void {
    const result = run('mount', ['-o', 'remount,ro', this.dir]);
    if (!result.ok) throw new Error(`remounting ${this.dir} read-only failed: ${result.output}`);
  }

  /** Idempotent. */
  unmount(): void {
    release(this.dir);
  }
}

/** For afterAll: whatever a test mounted is unmounted and its mount point removed, pass or fail. */
export function unmountAll(): void {
  for (const dir of [...mounted]) release(dir);
}

function release(dir: string): void {
  if (!mounted.has(dir)) return;
  // A lazy unmount as the fallback, so a file a failed test left open cannot pin the mount.
  if (!run('umount', [dir]).ok) run('umount', ['-l', dir]);
  mounted.delete(dir);
  rmdirSync(dir);
}
