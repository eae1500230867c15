import type { NoteContent } from '../../../../shared/notes';

/** The structured parts of a note besides its rich text: what the goals, tasks, bond and risk panels edit. */
export type NoteExtras = Pick<NoteContent, 'goalProgress' | 'homeworkReview' | 'rupture' | 'risk'>;

export const extrasOf = ({ goalProgress, homeworkReview, rupture, risk }: NoteContent): NoteExtras => ({
  goalProgress,
  homeworkReview,
  rupture,
  risk,
});

/** Why a note cannot be signed yet, by field; the service checks the same rule. */
export function riskActionMissing(risk: NoteExtras['risk']): boolean {
  return risk.level === 'high' && risk.action.trim() === '';
}

export const RISK_ACTION_NEEDED = 'A high risk level needs the action taken before the note can be signed.';
