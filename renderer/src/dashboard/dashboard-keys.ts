/**
 * The query key for `listUnsignedNotes`. Exported on its own (no hooks, no zod) so that whatever signs or
 * creates a note can mark the Dashboard's "Needs signing" list stale without loading the Dashboard.
 */
export const UNSIGNED_NOTES_QUERY_KEY = ['unsignedNotes'] as const;
