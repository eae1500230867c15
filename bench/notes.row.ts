import { measure } from './measure';
import type { BenchRow } from './rows';
import { benchNoteContent, benchPara, benchTypedWords, NOTES_SEED, seededNotesVault } from './notes-vault.seed';
import { searchInputSchema } from '../shared/notes';

const note = `${NOTES_SEED.clients} clients, ${NOTES_SEED.notes.toLocaleString('en')} notes of ~2 KB; service call, no IPC`;

/**
 * One autosave of a ~2 KB draft as the editor sends it: about a second of typing since the last save, so
 * two words appended to one section (rotating through the sections), the rest unchanged. Each save stores
 * the note row, its goal-progress rows and the index row of the section that changed, in one
 * synchronous=FULL commit with secure-delete on.
 */
export const autosaveRow: BenchRow = {
  name: 'autosave',
  async run() {
    const { notes, draftNoteId } = await seededNotesVault();
    const start = await notes.getNote(draftNoteId);
    let revision = start.revision;
    const base = benchNoteContent(100_000);
    const keys = start.template.sections.map((section) => section.key);
    const typed = new Map(keys.map((key) => [key, (base.sections[key]?.content?.[0]?.content?.[0]?.text ?? '').replace(/\.$/, '')]));
    let n = 0;
    const timing = await measure(
      async () => {
        const key = keys[n % keys.length]!;
        typed.set(key, `${typed.get(key)} ${benchTypedWords(n++)}`);
        const content = { ...base, sections: Object.fromEntries(keys.map((k) => [k, benchPara(typed.get(k)!)])) };
        const saved = await notes.saveDraft({ noteId: draftNoteId, baseRevision: revision, content, processNote: null });
        revision = saved.revision;
      },
      { warmUp: 10, runs: 200 },
    );
    return { row: this.name, ...timing, target: 'p95 ≤ 5 ms', met: timing.p95_ms <= 5, note: `${note}; each save appends two words to one section` };
  },
};

/** The worst case, reported but without a target: every section of the draft replaced at once (a paste over the whole note). */
export const autosaveWholeNoteRow: BenchRow = {
  name: 'autosave, whole note replaced',
  async run() {
    const { notes, draftNoteId } = await seededNotesVault();
    let revision = (await notes.getNote(draftNoteId)).revision;
    let n = 0;
    const timing = await measure(
      async () => {
        const saved = await notes.saveDraft({ noteId: draftNoteId, baseRevision: revision, content: benchNoteContent(200_000 + n++), processNote: null });
        revision = saved.revision;
      },
      { warmUp: 10, runs: 200 },
    );
    return { row: this.name, ...timing, target: 'none (worst case)', met: true, note: `${note}; every section changes on every save` };
  },
};

// One- and two-word queries, common and rare, the last word typed partly (prefix match).
const QUERIES = ['anxiety', 'sleep', 'panic', 'work stress', 'mother walk', 'breath', 'homework diary', 'grief', 'exposure avoid', 'w12345', 'trust', 'partner sch'];

/** Search with snippets, best match first, 30 results. */
export const searchRow: BenchRow = {
  name: 'search',
  async run() {
    const { notes } = await seededNotesVault();
    let i = 0;
    const timing = await measure(
      async () => {
        await notes.search(searchInputSchema.parse({ query: QUERIES[i++ % QUERIES.length] }));
      },
      { warmUp: QUERIES.length, runs: 120 },
    );
    return { row: this.name, ...timing, target: 'p95 ≤ 25 ms', met: timing.p95_ms <= 25, note: `${note}; one- and two-word queries, snippets, limit 30` };
  },
};

/** The timeline of a client with 150 sessions. */
export const timelineRow: BenchRow = {
  name: 'open client timeline',
  async run() {
    const { notes, busyClientId, dispose } = await seededNotesVault();
    try {
      const timing = await measure(
        async () => {
          await notes.listSessions(busyClientId);
        },
        { warmUp: 5, runs: 100 },
      );
      return { row: this.name, ...timing, target: 'p95 ≤ 20 ms', met: timing.p95_ms <= 20, note: `${note}; ${NOTES_SEED.busyClientSessions + 1} sessions` };
    } finally {
      dispose();
    }
  },
};
