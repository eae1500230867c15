import type { NoteContent, SessionApproach } from '../../../../shared/notes';

/** The structured parts of a note besides its rich text: what the goals, tasks, bond and risk panels edit. */
export type NoteExtras = Pick<NoteContent, 'goalProgress' | 'homeworkReview' | 'rupture' | 'risk'> & { approaches: SessionApproach[] };

export const extrasOf = ({ goalProgress, homeworkReview, approaches, rupture, risk }: NoteContent): NoteExtras => ({
  goalProgress,
  homeworkReview,
  approaches: approaches ?? [],
  rupture,
  risk,
});

/**
 * The extras as note content. No approach chosen is left out rather than stored as [], so a note
 * that never used the field keeps the shape (and, once signed, the hash) notes had before it existed.
 */
export const contentExtras = ({ approaches, ...rest }: NoteExtras): Omit<NoteContent, 'sections'> =>
  approaches.length > 0 ? { ...rest, approaches } : rest;

/** Why a note cannot be signed yet, by field; the service checks the same rule. */
export function riskActionMissing(risk: NoteExtras['risk']): boolean {
  return risk.level === 'high' && risk.action.trim() === '';
}

export const RISK_ACTION_NEEDED = 'A high risk level needs the action taken before the note can be signed.';
