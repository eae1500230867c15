import type { BackupProgress } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';

/** Backups, verifications and restores each read or write a whole vault; one at a time. */
export class OneAtATime {
  private running: Promise<unknown> | null = null;

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running) {
      return Promise.reject(new AppError('CONFLICT', 'Another backup, verification or restore is still running. Try again when it has finished.'));
    }
    const run = task();
    this.running = run;
    const clear = () => {
      if (this.running === run) this.running = null;
    };
    run.then(clear, clear);
    return run;
  }
}

/** At most ten updates a second per phase: a progress bar needs no more, and each crosses IPC. */
export function throttledProgress(emit: (progress: BackupProgress) => void): (operation: BackupProgress['operation'], phase: string, fraction: number | null) => void {
  let last: { phase: string; at: number } | null = null;
  return (operation, phase, fraction) => {
    const at = Date.now();
    if (last && last.phase === phase && fraction !== null && fraction < 1 && at - last.at < 100) return;
    last = { phase, at };
    emit({ operation, phase, fraction });
  };
}
