/**
 * The query key for `listNoteTemplates`, shared by every screen that lists templates (Settings, the
 * Search page's Template filter), so saving a template refreshes them all. No zod here: the Search
 * page imports it.
 */
export const TEMPLATES_QUERY_KEY = ['noteTemplates'] as const;
