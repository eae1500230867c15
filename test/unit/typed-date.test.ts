import { describe, expect, it } from 'vitest';
import { readTypedDate, UNREADABLE_DATE } from '../../renderer/src/components/typed-date';

describe('reading a typed date', () => {
  it('reads a real day as YYYY-MM-DD, with or without leading zeros', () => {
    expect(readTypedDate('2026-03-14')).toBe('2026-03-14');
    expect(readTypedDate(' 2026-3-4 ')).toBe('2026-03-04');
    expect(readTypedDate('2024-02-29')).toBe('2024-02-29');
    expect(readTypedDate('0099-12-31')).toBe('0099-12-31');
  });

  it('never rolls a day that does not exist over to another day', () => {
    for (const text of ['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00']) {
      expect(readTypedDate(text), text).toBe(UNREADABLE_DATE);
    }
  });

  it('calls a date with a part left out, or in another order, unreadable rather than empty', () => {
    for (const text of ['2026-02', '2026-02-', '26-02-14', '14/03/2026', 'March 14, 2026', '2026-03-14x']) {
      expect(readTypedDate(text), text).toBe(UNREADABLE_DATE);
    }
  });

  it('reads an empty field as no date', () => {
    expect(readTypedDate('')).toBe('');
    expect(readTypedDate('   ')).toBe('');
  });
});
