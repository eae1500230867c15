import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Note } from '../../../shared/notes';
import { call } from '../api';
import { activityKeys, engagementKeys, measureKeys, noteKeys, TEMPLATES_QUERY_KEY } from '../lib/query-keys';

export function useNote(noteId: string) {
  // Always read fresh: a stale copy would carry an old revision and make the first autosave conflict.
  return useQuery({ queryKey: noteKeys.note(noteId), queryFn: () => call('getNote', { noteId }), staleTime: 0, gcTime: 0 });
}

export function useSessions(clientId: string) {
  return useQuery({ queryKey: noteKeys.sessions(clientId), queryFn: () => call('listSessions', { clientId }) });
}

export function useNoteTemplates() {
  return useQuery({ queryKey: TEMPLATES_QUERY_KEY, queryFn: () => call('listNoteTemplates') });
}

/**
 * After a session was created, signed or changed: the timeline, the Dashboard and the log are stale, and
 * so are the engagement flag (an attended session ends a run of missed ones) and the appointments.
 */
export function useNoteChanged(): (note: Note) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (note: Note) => {
      queryClient.setQueryData(noteKeys.note(note.id), note);
      void queryClient.invalidateQueries({ queryKey: noteKeys.sessions(note.clientId) });
      void queryClient.invalidateQueries({ queryKey: measureKeys.alerts(note.clientId) });
      void queryClient.invalidateQueries({ queryKey: engagementKeys.of(note.clientId) });
      void queryClient.invalidateQueries({ queryKey: noteKeys.unsigned });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    },
    [queryClient],
  );
}

/** After a session was deleted: its client's timeline, the Dashboard, measures and the log are stale. */
export function useSessionDeleted(): (clientId: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (clientId: string) => {
      void queryClient.invalidateQueries({ queryKey: noteKeys.sessions(clientId) });
      void queryClient.invalidateQueries({ queryKey: noteKeys.unsigned });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: measureKeys.all });
    },
    [queryClient],
  );
}
