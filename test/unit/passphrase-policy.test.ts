import { describe, expect, it } from 'vitest';
import { assessPassphrase } from '../../shared/passphrase-policy';

describe('passphrase policy', () => {
  it('refuses short passphrases, saying how long they must be', () => {
    const result = assessPassphrase('Tr0ub4dor');
    expect(result.acceptable).toBe(false);
    expect(result.reason).toMatch(/at least 10 characters/);
  });

  it('refuses long but guessable passphrases with a reason', () => {
    for (const weak of ['password1234', 'qwertyuiopasdf', 'aaaaaaaaaaaaaaaa', '1234567890123']) {
      const result = assessPassphrase(weak);
      expect(result.acceptable, weak).toBe(false);
      expect(result.reason, weak).toMatch(/too easy to guess/);
    }
  });

  it('accepts a few unrelated words, in any script', () => {
    expect(assessPassphrase('maple orbit lantern quietly 47')).toMatchObject({ acceptable: true, reason: null });
    expect(assessPassphrase('Zoë Ødegaard sykler til fjellet 1987').acceptable).toBe(true);
    expect(assessPassphrase('王小明喜欢在雨天读书和喝茶').acceptable).toBe(true);
  });
});
