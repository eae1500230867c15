/**
 * Autosave for one draft, without React: debounced after the last change, flushed on demand (blur,
 * navigation, lock, window close), and strictly one save at a time so each names the revision the
 * previous one returned. Content is collected when a save starts, so a save always carries the
 * newest text and a burst of keystrokes costs one save.
 */
export type SaveStatus =
  | { state: 'saved'; savedAt: string }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'failed'; message: string; retrying: boolean };

export interface SaveOutcome {
  revision: number;
  savedAt: string;
}

export interface DraftSaverOptions {
  revision: number;
  savedAt: string;
  /** Writes the current content as a new revision on top of `baseRevision`. */
  persist: (baseRevision: number) => Promise<SaveOutcome>;
  onStatus?: (status: SaveStatus) => void;
  /** Turns a failure into a message, and says whether trying again could help. */
  describeFailure: (error: unknown) => { message: string; retry: boolean };
  /** Wait after the last change before saving. */
  debounceMs?: number;
  /** Longest a change may stay unsaved while typing goes on without a pause (a crash loses at most this). */
  maxWaitMs?: number;
  retryMs?: number;
}

export class DraftSaver {
  private revision: number;
  private dirty = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  /** When the oldest change not yet being saved was made. */
  private unsavedSince: number | null = null;
  private readonly options: DraftSaverOptions;
  private status: SaveStatus;
  private readonly listeners = new Set<() => void>();

  constructor(options: DraftSaverOptions) {
    this.options = options;
    this.revision = options.revision;
    this.status = { state: 'saved', savedAt: options.savedAt };
  }

  /**
   * The status as a tiny store (for useSyncExternalStore): only the status line re-renders when it
   * changes, never the editors, so a save does not cost the keystroke that coincides with it a frame.
   */
  readonly getStatus = (): SaveStatus => this.status;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The revision the last successful save returned: what signing must name. */
  get currentRevision(): number {
    return this.revision;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  /** Something changed: save shortly after the typing pauses. */
  changed(): void {
    if (this.stopped) return;
    if (!this.dirty && !this.running) this.report({ state: 'unsaved' });
    this.dirty = true;
    const now = Date.now();
    this.unsavedSince ??= now;
    const untilMaxWait = this.unsavedSince + (this.options.maxWaitMs ?? 1000) - now;
    this.schedule(Math.max(0, Math.min(this.options.debounceMs ?? 600, untilMaxWait)));
  }

  /** Saves now if anything is unsaved, after any save already under way; resolves when done. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.running) await this.running;
    if (!this.dirty || this.stopped) return;
    this.dirty = false;
    this.unsavedSince = null;
    this.report({ state: 'saving' });
    this.running = this.saveOnce();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  /** No more saves (the note was signed or the editor closed for good). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private async saveOnce(): Promise<void> {
    try {
      const outcome = await this.options.persist(this.revision);
      this.revision = outcome.revision;
      this.report(this.dirty ? { state: 'unsaved' } : { state: 'saved', savedAt: outcome.savedAt });
    } catch (error) {
      // Keep the change marked unsaved: nothing typed is dropped because one save failed.
      this.dirty = true;
      const { message, retry } = this.options.describeFailure(error);
      this.report({ state: 'failed', message, retrying: retry });
      if (retry) this.schedule(this.options.retryMs ?? 3000);
      else this.stop();
    }
  }

  private report(status: SaveStatus): void {
    this.status = status;
    this.options.onStatus?.(status);
    this.listeners.forEach((listener) => listener());
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
