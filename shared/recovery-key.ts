/**
 * Recovery keys are 160 random bits written as 32 Crockford base-32 characters in 8 groups of 4,
 * so they can be read aloud and typed back without ambiguity (no I, L, O or U).
 */
export const RECOVERY_KEY_BYTES = 20;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 4;
const CHARS = (RECOVERY_KEY_BYTES * 8) / 5;

export function encodeRecoveryKey(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_KEY_BYTES) throw new Error('recovery key must be 20 bytes');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return groupRecoveryKey(out);
}

export function groupRecoveryKey(chars: string): string {
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += GROUP) groups.push(chars.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * Accepts what a person types: any case, spaces or dashes between groups, and the letters people
 * confuse with digits (O for 0, I and L for 1). Returns null when it cannot be a recovery key.
 */
export function normaliseRecoveryKey(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== CHARS) return null;
  for (const ch of compact) if (!ALPHABET.includes(ch)) return null;
  return groupRecoveryKey(compact);
}

export function decodeRecoveryKey(typed: string): Uint8Array | null {
  const normal = normaliseRecoveryKey(typed);
  if (normal === null) return null;
  const compact = normal.replace(/-/g, '');
  const out = new Uint8Array(RECOVERY_KEY_BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const ch of compact) {
    value = (value << 5) | ALPHABET.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out[index++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return out;
}
