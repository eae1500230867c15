import type { notesMethods } from '../../../shared/contract/notes';
import type { HandlersOf } from '../ipc/dispatch';
import type { NotesService } from './notes.service';

/** Sessions, notes, templates and search. Inputs arrive already validated. */
export function notesHandlers({ notes }: { notes: NotesService }): HandlersOf<typeof notesMethods> {
  return {
    listNoteTemplates: async () => ({ templates: await notes.listTemplates() }),
    saveNoteTemplate: (input) => notes.saveTemplate(input),
    createSession: (input) => notes.createSession(input),
    updateSession: (input) => notes.updateSession(input),
    listSessions: async ({ clientId }) => ({ sessions: await notes.listSessions(clientId) }),
    listSessionApproaches: async ({ clientId }) => ({ sessions: await notes.listApproaches(clientId) }),
    getNote: ({ noteId }) => notes.getNote(noteId),
    saveNoteDraft: (input) => notes.saveDraft(input),
    signNote: (input) => notes.sign(input),
    addAddendum: (input) => notes.addAddendum(input),
    deleteDraftSession: async (input) => {
      await notes.deleteDraftSession(input);
      return {};
    },
    voidNote: (input) => notes.voidNote(input),
    listUnsignedNotes: async () => ({ notes: await notes.listUnsigned() }),
    search: async (input) => ({ results: await notes.search(input) }),
  };
}
