import type { PassphraseAssessment } from '../../shared/passphrase-policy';

export type { PassphraseAssessment };
type Policy = typeof import('../../shared/passphrase-policy');

let loading: Promise<Policy> | null = null;

/**
 * The policy carries zxcvbn's dictionaries (about a megabyte), so it is loaded on demand by the
 * screens that set a passphrase, keeping the unlock screen quick to appear.
 */
export function loadPassphrasePolicy(): Promise<Policy> {
  loading ??= import('../../shared/passphrase-policy');
  return loading;
}

/** The same verdict the main side will give, for checking before a call. */
export async function assessPassphrase(passphrase: string): Promise<PassphraseAssessment> {
  return (await loadPassphrasePolicy()).assessPassphrase(passphrase);
}
