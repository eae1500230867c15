import { AppError } from '../../../shared/errors';

/**
 * Counts failed unlock attempts in a row (passphrase and recovery key alike) and, from the fifth on,
 * asks the user to wait before the next one: 5 s, then doubling up to 5 minutes. Kept in memory only,
 * because writing it into the vault folder would change vault files on a wrong passphrase; the real
 * protection against guessing is the Argon2id cost, this only slows a person at the keyboard.
 */
export const FREE_ATTEMPTS = 5;
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 5 * 60_000;

export class UnlockThrottle {
  private failures = 0;
  private blockedUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until another attempt is accepted; 0 when one may be made now. */
  retryAfterMs(): number {
    return Math.max(0, this.blockedUntil - this.now());
  }

  recordFailure(): void {
    this.failures += 1;
    if (this.failures >= FREE_ATTEMPTS) {
      const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (this.failures - FREE_ATTEMPTS));
      this.blockedUntil = this.now() + delay;
    }
  }

  recordSuccess(): void {
    this.failures = 0;
    this.blockedUntil = 0;
  }

  /** Refuses an attempt made while the user is asked to wait, saying how long. */
  assertReady(): void {
    const wait = this.retryAfterMs();
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `Too many wrong attempts. Try again in ${Math.ceil(wait / 1000)} s.`, { retryAfterMs: wait });
    }
  }

  /** Counts a wrong passphrase or recovery key and refuses it, adding the wait that now applies. */
  fail(code: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_KEY', message: string): never {
    this.recordFailure();
    const wait = this.retryAfterMs();
    throw new AppError(code, wait > 0 ? `${message} Wait ${Math.ceil(wait / 1000)} s before the next try.` : message, {
      ...(wait > 0 ? { retryAfterMs: wait } : {}),
    });
  }
}
