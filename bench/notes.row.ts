import { practiceSession } from './practice-session';
import type { BenchRow } from './rows';
import { benchNoteContent, benchPara, benchTypedWords, NOTES_SEED, seededNotesVault } from './notes-vault.seed';
import { searchInputSchema, type NoteContent } from '../shared/notes';
import type { Sqlite } from '../electron/services/database/open-database';
import { partRowidRange } from '../electron/services/notes/note-search-parts';
import { assertSame, rawBeside } from './raw/beside';
import { measurePair, ratioNote } from './raw/interleave';

const note = `seeded practice: ${NOTES_SEED.clients} clients, ${NOTES_SEED.notes.toLocaleString('en')} notes of ~2 KB in five templates; service call, no IPC`;

/** The draft's stored state that a save decides: content, revision and its index rows (not the save time). */
function draftState(db: Sqlite, noteId: string): unknown {
  const row = db.prepare('SELECT content, process_note, revision, search_rowid FROM notes WHERE id = ?').get(noteId) as { search_rowid: number };
  const { first, last } = partRowidRange(row.search_rowid);
  const parts = db.prepare('SELECT id, kind, record_id, client_id, title, body FROM search_content WHERE id BETWEEN ? AND ? ORDER BY id').all(first, last);
  const progress = db.prepare('SELECT goal_id, progress FROM note_goal_progress WHERE note_id = ? ORDER BY goal_id').all(noteId);
  return { row, parts, progress };
}

/**
 * Times a sequence of saves of the same draft on the vault and on its plain copy, interleaved: save `i`
 * stores `contentAt(i)` on both sides, so the two drafts stay identical (checked at the end).
 */
async function timeSaves(contentAt: (i: number) => NoteContent, options: { warmUp: number; runs: number }) {
  const { notes, draftNoteId } = await seededNotesVault();
  const { raw, copy, vault } = await rawBeside(() => notes.getNote(draftNoteId));
  let revision = (await notes.getNote(draftNoteId)).revision;
  let rawRevision = (copy.db.prepare('SELECT revision FROM notes WHERE id = ?').pluck().get(draftNoteId) as number);
  assertSame('draft before saving', draftState(vault, draftNoteId), draftState(copy.db, draftNoteId));
  const pair = await measurePair(
    async (i) => {
      revision = (await notes.saveDraft({ noteId: draftNoteId, baseRevision: revision, content: contentAt(i), processNote: null })).revision;
    },
    (i) => {
      rawRevision = raw.saveDraft({ noteId: draftNoteId, baseRevision: rawRevision, content: contentAt(i), processNote: null }).revision;
    },
    options,
  );
  assertSame('draft after saving', draftState(vault, draftNoteId), draftState(copy.db, draftNoteId));
  return pair;
}

/**
 * One autosave of a ~2 KB draft as the editor sends it: about a second of typing since the last save, so
 * two words appended to one section (rotating through the sections), the rest unchanged. Each save stores
 * the note row, its goal-progress rows and the index row of the section that changed, in one
 * synchronous=FULL commit with secure-delete on. Beside it, the same writes hand-written on a plain copy.
 */
export const autosaveRow: BenchRow = {
  name: 'autosave',
  async run() {
    const { notes, draftNoteId } = await seededNotesVault();
    const start = await notes.getNote(draftNoteId);
    // The draft keeps its own rupture flag: a flag that changes is a signal write (the client's alerts
    // are recomputed), which the raw side does not mirror, so later rows would read alerts the plain
    // copy does not have.
    const base = { ...benchNoteContent(100_000), rupture: start.content.rupture };
    const keys = start.template.sections.map((section) => section.key);
    const typed = new Map(keys.map((key) => [key, (base.sections[key]?.content?.[0]?.content?.[0]?.text ?? '').replace(/\.$/, '')]));
    // Both sides save the same content at step i; the typing advances once per step.
    let at = -1;
    let content = base;
    const contentAt = (i: number): NoteContent => {
      if (i !== at) {
        at = i;
        const key = keys[i % keys.length]!;
        typed.set(key, `${typed.get(key)} ${benchTypedWords(i)}`);
        content = { ...base, sections: Object.fromEntries(keys.map((k) => [k, benchPara(typed.get(k)!)])) };
      }
      return content;
    };
    const pair = await timeSaves(contentAt, { warmUp: 10, runs: 200 });
    const timing = pair.ours;
    return { row: this.name, ...timing, target: 'p95 ≤ 5 ms', met: timing.p95_ms <= 5, ratio_vs_raw: pair.ratio, note: `${note}; each save appends two words to one section; ${ratioNote(pair)}` };
  },
};

/** The worst case, reported but without a target: every section of the draft replaced at once (a paste over the whole note). */
export const autosaveWholeNoteRow: BenchRow = {
  name: 'autosave, whole note replaced',
  async run() {
    const { notes, draftNoteId } = await seededNotesVault();
    // The draft's own rupture flag is kept (see autosaveRow).
    const { rupture: stored } = (await notes.getNote(draftNoteId)).content;
    const contents = new Map<number, NoteContent>();
    const contentAt = (i: number): NoteContent => {
      let content = contents.get(i);
      if (!content) {
        contents.clear();
        content = { ...benchNoteContent(200_000 + i), rupture: stored };
        contents.set(i, content);
      }
      return content;
    };
    const pair = await timeSaves(contentAt, { warmUp: 10, runs: 200 });
    const timing = pair.ours;
    return { row: this.name, ...timing, target: 'none (worst case)', met: true, ratio_vs_raw: pair.ratio, note: `${note}; every section changes on every save; ${ratioNote(pair)}` };
  },
};

// One- and two-word queries, common and rare, the last word typed partly (prefix match).
const QUERIES = ['anxiety', 'sleep', 'panic', 'work stress', 'mother walk', 'breath', 'homework diary', 'grief', 'exposure avoid', 'w12345', 'trust', 'partner sch'];
const inputs = QUERIES.map((query) => searchInputSchema.parse({ query }));

/** Search with snippets, best match first, 30 results. */
export const searchRow: BenchRow = {
  name: 'search',
  async run() {
    const { notes } = await seededNotesVault();
    const { raw } = await rawBeside(() => notes.listTemplates());
    for (const input of inputs) assertSame(`search "${input.query}"`, await notes.search(input), raw.search(input));
    const pair = await measurePair(
      (i) => notes.search(inputs[i % inputs.length]!),
      (i) => raw.search(inputs[i % inputs.length]!),
      { warmUp: QUERIES.length, runs: 120 },
    );
    const timing = pair.ours;
    return { row: this.name, ...timing, target: 'p95 ≤ 25 ms', met: timing.p95_ms <= 25, ratio_vs_raw: pair.ratio, note: `${note}; one- and two-word queries, snippets, limit 30; ${ratioNote(pair)}` };
  },
};

/** The timeline of the practice's busiest client (170 sessions in the seed-42 practice). */
export const timelineRow: BenchRow = {
  name: 'open client timeline',
  async run() {
    const { notes, busyClientId, dispose } = await seededNotesVault();
    const { raw, copy } = await rawBeside(() => notes.listTemplates());
    try {
      assertSame('timeline', await notes.listSessions(busyClientId), raw.timeline(busyClientId));
      const pair = await measurePair(
        () => notes.listSessions(busyClientId),
        () => raw.timeline(busyClientId),
        { warmUp: 5, runs: 100 },
      );
      const timing = pair.ours;
      return { row: this.name, ...timing, target: 'p95 ≤ 20 ms', met: timing.p95_ms <= 20, ratio_vs_raw: pair.ratio, note: `${note}; the busiest client, ${(await practiceSession()).manifest.landmarks.busyClient.sessions} sessions; ${ratioNote(pair)}` };
    } finally {
      copy.dispose();
      dispose();
    }
  },
};
