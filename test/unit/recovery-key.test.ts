import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeRecoveryKey, encodeRecoveryKey, normaliseRecoveryKey } from '../../shared/recovery-key';

describe('recovery key format', () => {
  it('round-trips 160 random bits as 8 groups of 4 characters without I, L, O or U', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = randomBytes(20);
      const key = encodeRecoveryKey(bytes);
      expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(Buffer.from(decodeRecoveryKey(key) ?? [])).toEqual(bytes);
    }
  });

  it('accepts what a person types: lower case, spaces, and O/I/L for 0/1', () => {
    expect(normaliseRecoveryKey('abcd efgh jkmn pqrs tvwx yz01 2345 6789')).toBe('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
    expect(normaliseRecoveryKey('oooo-iiii-llll-0000-1111-2222-3333-4444')).toBe('0000-1111-1111-0000-1111-2222-3333-4444');
  });

  it('rejects text that cannot be a key', () => {
    expect(normaliseRecoveryKey('ABCD-EFGH')).toBeNull();
    expect(normaliseRecoveryKey('UUUU-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789')).toBeNull();
    expect(decodeRecoveryKey('')).toBeNull();
  });
});
