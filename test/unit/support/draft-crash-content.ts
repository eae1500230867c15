import type { NoteContent } from '../../../shared/notes';
import { allianceContent, doc, withTasks } from './notes-vault';

/**
 * The draft the crash child saves at each revision: derived from the revision number alone, so after a
 * crash the parent can tell exactly what the stored revision must contain. About 2 KB, like a real note.
 */
export function draftForRevision(revision: number): NoteContent {
  const words = Array.from({ length: 40 }, (_, i) => `word${(revision * 31 + i) % 997}`).join(' ');
  return allianceContent(
    {
      goals: doc(`Revision ${revision} goals. ${words}`),
      tasks: withTasks(`Revision ${revision} tasks.`, [`Homework r${revision}`]),
      bond: doc(`Revision ${revision} bond. ${words}`),
      plan: doc(`marker${revision} plan ${words}`),
    },
    { rupture: { noted: revision % 2 === 0, description: `rupture ${revision}` } },
  );
}
