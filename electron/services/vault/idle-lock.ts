/** The timer functions the idle lock uses, injectable so tests can drive it with a fake clock. */
export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // The idle timer alone must not keep a Node process (test host, tests) alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Fires `onIdle` once when `touch()` has not been called for `timeoutMs`. Re-arming on every touch is
 * cheap because the renderer reports activity at most every few seconds.
 */
export class IdleLock {
  private handle: unknown = null;

  constructor(
    private timeoutMs: number,
    private readonly onIdle: () => void,
    private readonly timers: Timers = realTimers,
  ) {}

  start(): void {
    this.arm();
  }

  touch(): void {
    if (this.handle !== null) this.arm();
  }

  setTimeoutMs(timeoutMs: number): void {
    this.timeoutMs = timeoutMs;
    if (this.handle !== null) this.arm();
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  private arm(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      this.onIdle();
    }, this.timeoutMs);
  }
}
