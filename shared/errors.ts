/**
 * The closed list of error codes that may cross the contract boundary. The renderer switches on these;
 * messages are written for a practitioner and never carry stack traces or note content.
 */
export const errorCodes = [
  'VALIDATION',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'WEAK_PASSPHRASE',
  'RATE_LIMITED',
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'VAULT_MISSING',
  'VAULT_DAMAGED',
  'VAULT_TOO_NEW',
  'NOT_FOUND',
  'CONFLICT',
  'IO_ERROR',
  'BACKUP_CORRUPT',
  'FORBIDDEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** For RATE_LIMITED: how long until another attempt is accepted. */
  retryAfterMs?: number;
}

/** An error a service throws on purpose; its code and message are safe to show to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs?: number;

  constructor(code: ErrorCode, message: string, options: { retryAfterMs?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  toShape(): AppErrorShape {
    return this.retryAfterMs === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterMs: this.retryAfterMs };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
