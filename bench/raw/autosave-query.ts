import type { NoteTemplate } from '../../shared/note-templates';
import type { NoteContent } from '../../shared/notes';
import type { Sqlite } from '../../electron/services/database/open-database';
import { noteSearchParts, partRowid, partRowidRange, slotOfRowid } from '../../electron/services/notes/note-search-parts';
import type { Prepare } from './statements';

/**
 * The writes of one autosave, in one transaction (BEGIN … COMMIT, as Kysely's): read the note's state,
 * update it if the revision matches, rewrite its goal-progress rows, and rewrite the index rows of the
 * parts whose text changed (the triggers on search_content keep the FTS5 index in step).
 */
export function rawSaveDraft(
  db: Sqlite,
  stmt: Prepare,
  input: { noteId: string; baseRevision: number; content: NoteContent; processNote: unknown },
  savedAt = new Date().toISOString(),
): { revision: number; savedAt: string } {
  return db.transaction(() => {
    const row = stmt('SELECT client_id, status, revision, template_json, search_rowid FROM notes WHERE id = ?').get(input.noteId) as
      | { client_id: string; status: string; revision: number; template_json: string; search_rowid: number }
      | undefined;
    if (!row || row.status !== 'draft' || row.revision !== input.baseRevision) throw new Error('raw autosave: note missing, signed or stale');
    const template = JSON.parse(row.template_json) as NoteTemplate;
    const marks = input.content.goalProgress;
    if (marks.length > 0) {
      const own = stmt('SELECT count(*) FROM goals WHERE client_id = ? AND id IN (SELECT value FROM json_each(?))').pluck().get(row.client_id, JSON.stringify(marks.map((mark) => mark.goalId)));
      if (own !== marks.length) throw new Error("raw autosave: a goal is not this client's");
    }
    const content: NoteContent = { ...input.content, sections: Object.fromEntries(template.sections.map((section) => [section.key, input.content.sections[section.key] ?? null])) };
    const revision = row.revision + 1;
    const updated = stmt(`UPDATE notes SET content = ?, process_note = ?, revision = ?, saved_at = ? WHERE id = ? AND status = 'draft' AND revision = ?`)
      .run(JSON.stringify(content), input.processNote === null ? null : JSON.stringify(input.processNote), revision, savedAt, input.noteId, input.baseRevision);
    if (updated.changes !== 1) throw new Error('raw autosave: stale');
    stmt('DELETE FROM note_goal_progress WHERE note_id = ?').run(input.noteId);
    for (const mark of marks) stmt('INSERT INTO note_goal_progress (note_id, goal_id, progress) VALUES (?, ?, ?)').run(input.noteId, mark.goalId, mark.progress);

    const parts = noteSearchParts(template, content, [], 'draft');
    const { first, last } = partRowidRange(row.search_rowid);
    const current = new Map(
      (stmt('SELECT id, body FROM search_content WHERE id BETWEEN ? AND ?').all(first, last) as { id: number; body: string }[]).map((part) => [part.id, part.body]),
    );
    for (const id of current.keys()) if (!parts.has(slotOfRowid(id))) stmt('DELETE FROM search_content WHERE id = ?').run(id);
    for (const [slot, body] of parts) {
      const id = partRowid(row.search_rowid, slot);
      if (current.get(id) === body) continue;
      if (current.has(id)) stmt('DELETE FROM search_content WHERE id = ?').run(id);
      stmt(`INSERT INTO search_content (id, kind, record_id, client_id, title, body) VALUES (?, 'note', ?, ?, '', ?)`).run(id, input.noteId, row.client_id, body);
    }
    return { revision, savedAt };
  })();
}
