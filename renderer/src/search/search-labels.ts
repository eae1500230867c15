import type { SearchResult } from '../../../shared/notes';

/**
 * Labels and links for search results. Only types come from shared/notes here, so this module adds no
 * zod to the bundle that has to load before the unlock screen.
 */
export type NoteStatus = NonNullable<SearchResult['status']>;

export const KIND_LABELS: Record<SearchResult['kind'], string> = { note: 'Note', client: 'Client', goal: 'Goal', contact: 'Contact', missed: 'Missed' };
export const STATUS_LABELS: Record<NoteStatus, string> = { draft: 'Draft', signed: 'Signed' };
export const STATUS_COLORS: Record<NoteStatus, string> = { draft: 'yellow', signed: 'teal' };

/**
 * Where a result leads: a note opens itself; a contact or a missed session opens the client's timeline
 * (the Sessions tab), where it sits between sessions; a client or one of their goals opens the client's page.
 */
export function resultPath(result: SearchResult): string {
  if (result.kind === 'note' && result.noteId !== null) return `/clients/${result.clientId}/notes/${result.noteId}`;
  if (result.kind === 'contact' || result.kind === 'missed') return `/clients/${result.clientId}/sessions`;
  return `/clients/${result.clientId}`;
}

export interface KeyedResult {
  /** Stable across keystrokes for the same hit, so the highlighted row does not jump to another one. */
  id: string;
  result: SearchResult;
}

/** Gives each result a key; goals, contacts and missed sessions carry no id of their own, so repeats for one client are numbered. */
export function keyResults(results: readonly SearchResult[]): KeyedResult[] {
  const seen = new Map<string, number>();
  return results.map((result) => {
    const base = `${result.kind}-${result.noteId ?? result.clientId}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return { id: count === 0 ? base : `${base}-${count}`, result };
  });
}
