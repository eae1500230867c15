/** Messages used by more than one form, kept in one place so they read the same everywhere. */
export const MISMATCH_MESSAGE = 'The two passphrases do not match.';
export const WEAK_FALLBACK_MESSAGE = 'Choose a stronger passphrase.';
