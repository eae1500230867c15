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
  /** The file is not an Alliance Notes backup (another file type, or age encrypted to a key). */
  'NOT_A_BACKUP',
  /** Made by a newer version of the app; restoring it could lose data this version does not know. */
  'BACKUP_TOO_NEW',
  /** Something must be set first (a backup passphrase or folder); the message says what and where. */
  'NEEDS_SETUP',
  'FORBIDDEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** For RATE_LIMITED: how long until another attempt is accepted. */
  retryAfterMs?: number;
  /** For VALIDATION: field path (such as `dateOfBirth` or `emergencyContact.phone`) → message, for inline display. */
  fieldErrors?: Record<string, string>;
}

/** An error a service throws on purpose; its code and message are safe to show to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs?: number;
  readonly fieldErrors?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { retryAfterMs?: number; fieldErrors?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.fieldErrors !== undefined) this.fieldErrors = options.fieldErrors;
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.retryAfterMs !== undefined) shape.retryAfterMs = this.retryAfterMs;
    if (this.fieldErrors !== undefined) shape.fieldErrors = this.fieldErrors;
    return shape;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
