import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { AppError } from './errors';

/**
 * One rule for both sides: the renderer uses it for the strength meter and the main side refuses what
 * it rejects, so a passphrase cannot be weaker than the screen said. zxcvbn estimates guesses from
 * dictionaries, keyboard patterns and dates; score 3 means "safely unguessable" (about 10^8 guesses+).
 */
export const MIN_PASSPHRASE_LENGTH = 10;
export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | null = null;
const estimator = (): ZxcvbnFactory =>
  (factory ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  }));

export interface PassphraseAssessment {
  acceptable: boolean;
  /** 0 (very weak) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Why it is refused, in one sentence; null when acceptable. */
  reason: string | null;
  suggestions: string[];
}

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

export function assessPassphrase(passphrase: string): PassphraseAssessment {
  const length = [...passphrase].length;
  const result = estimator().check(passphrase);
  const score = result.score;
  const suggestions = result.feedback.suggestions;
  if (length < MIN_PASSPHRASE_LENGTH) {
    return {
      acceptable: false,
      score: Math.min(score, 2) as PassphraseAssessment['score'],
      reason: `Use at least ${MIN_PASSPHRASE_LENGTH} characters (this one has ${length}). A few unrelated words work well.`,
      suggestions,
    };
  }
  if (score < MIN_SCORE) {
    const warning = result.feedback.warning;
    return {
      acceptable: false,
      score,
      reason: `This passphrase is too easy to guess${warning ? `: ${warning.replace(/\.$/, '')}` : ''}. Add another uncommon word or two.`,
      suggestions,
    };
  }
  return { acceptable: true, score, reason: null, suggestions };
}

/** Throws WEAK_PASSPHRASE with the reason when the passphrase is refused. */
export function assertAcceptablePassphrase(passphrase: string): void {
  const assessment = assessPassphrase(passphrase);
  if (!assessment.acceptable) throw new AppError('WEAK_PASSPHRASE', assessment.reason ?? 'Choose a stronger passphrase.');
}
