import type { MedicationReview } from '../../../../shared/medication-review';
import type { NoteContent, SessionApproach } from '../../../../shared/notes';

/** The structured parts of a note besides its rich text: what the goals, tasks, bond, risk and medication panels edit. */
export type NoteExtras = Pick<NoteContent, 'goalProgress' | 'homeworkReview' | 'rupture' | 'risk'> & {
  approaches: SessionApproach[];
  /** Only in a note whose template has a medication review section. */
  medicationReview: MedicationReview | undefined;
};

export const extrasOf = ({ goalProgress, homeworkReview, approaches, rupture, risk, medicationReview }: NoteContent): NoteExtras => ({
  goalProgress,
  homeworkReview,
  approaches: approaches ?? [],
  rupture,
  risk,
  medicationReview,
});

/**
 * The extras as note content. No approach chosen, and no medication review, are left out rather than
 * stored empty, so a note that never used them keeps the shape (and, once signed, the hash) notes had
 * before they existed.
 */
export const contentExtras = ({ approaches, medicationReview, ...rest }: NoteExtras): Omit<NoteContent, 'sections'> => ({
  ...rest,
  ...(approaches.length > 0 ? { approaches } : {}),
  ...(medicationReview ? { medicationReview } : {}),
});

/** Why a note cannot be signed yet, by field; the service checks the same rule. */
export function riskActionMissing(risk: NoteExtras['risk']): boolean {
  return risk.level === 'high' && risk.action.trim() === '';
}

export const RISK_ACTION_NEEDED = 'A high risk level needs the action taken before the note can be signed.';
