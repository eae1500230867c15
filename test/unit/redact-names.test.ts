import { describe, expect, it } from 'vitest';
import { nameRedactor } from '../../electron/services/summary/redact-names';

describe('names in quoted note text, for a "client code only" summary', () => {
  it('replaces whole names and each part of them, in any case, and only as whole words', () => {
    const redact = nameRedactor({ legalName: 'Ann Ødegaard-Lie', preferredName: 'Annie' });
    expect(redact('ann said Annie was tired; ØDEGAARD-LIE family announced a move; Lie down.')).toBe(
      '[client] said [client] was tired; [client]-[client] family announced a move; [client] down.',
    );
    // Decomposed input (as some keyboards type it) is matched after normalising.
    expect(redact('Ødegaard'.normalize('NFD'))).toBe('[client]');
  });

  it('matches names in scripts written without spaces anywhere in the text', () => {
    const redact = nameRedactor({ legalName: '王小明', preferredName: '' });
    expect(redact('今天王小明说他睡得更好了')).toBe('今天[client]说他睡得更好了');
  });

  it('leaves text alone when there is no name, and skips one-letter parts', () => {
    expect(nameRedactor({ legalName: 'J Smith', preferredName: '' })('J. said Smith-like things')).toBe('J. said [client]-like things');
    expect(nameRedactor({ legalName: '', preferredName: '' })('anything')).toBe('anything');
  });
});
