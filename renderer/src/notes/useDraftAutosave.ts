import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Note, NoteContent } from '../../../shared/notes';
import type { RichTextNode } from '../../../shared/rich-text';
import { ApiError, call, errorMessage } from '../api';
import { DraftSaver, type SaveStatus } from './draft-saver';
import { registerPendingSave } from '../lib/pending-saves';

export interface DraftSnapshot {
  content: NoteContent;
  processNote: RichTextNode | null;
}

const describeFailure = (error: unknown): { message: string; retry: boolean } => {
  if (error instanceof ApiError && error.code === 'CONFLICT') {
    return { message: `${error.message} Your latest typing is still on screen; copy it before reloading.`, retry: false };
  }
  if (error instanceof ApiError && (error.code === 'VALIDATION' || error.code === 'NOT_FOUND' || error.code === 'VAULT_LOCKED')) {
    return { message: error.message, retry: false };
  }
  return { message: errorMessage(error), retry: true };
};

/**
 * Autosaves a draft while it is on screen: about a second after typing pauses, and at once on blur,
 * on leaving the page, before the vault locks and when the window closes. `collect` reads the current
 * content only when a save starts.
 */
export function useDraftAutosave(note: Note, collect: () => DraftSnapshot): DraftSaver {
  const collectRef = useRef(collect);
  collectRef.current = collect;
  const [saver] = useState(
    () =>
      new DraftSaver({
        revision: note.revision,
        savedAt: note.savedAt,
        persist: (baseRevision) => call('saveNoteDraft', { noteId: note.id, baseRevision, ...collectRef.current() }),
        describeFailure,
      }),
  );

  useEffect(() => {
    const unregister = registerPendingSave(() => saver.flush());
    // Closing the window cannot wait for a promise; the save call is sent before the page goes away.
    const onUnload = () => void saver.flush();
    window.addEventListener('beforeunload', onUnload);
    window.addEventListener('pagehide', onUnload);
    return () => {
      unregister();
      window.removeEventListener('beforeunload', onUnload);
      window.removeEventListener('pagehide', onUnload);
      // Leaving the page saves what is left. (No stop(): StrictMode mounts the same saver again.)
      void saver.flush();
    };
  }, [saver]);

  return saver;
}

/** The save status of a draft; re-renders only the component that shows it. */
export function useSaveStatus(saver: DraftSaver): SaveStatus {
  return useSyncExternalStore(saver.subscribe, saver.getStatus);
}
