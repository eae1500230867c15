import { sideEffectWords, type MedicationReview } from '../../../shared/medication-review';
import type { NoteTemplate } from '../../../shared/note-templates';
import type { NoteContent } from '../../../shared/notes';
import { richTextToPlain, type RichTextNode } from '../../../shared/rich-text';

/** The characters `search` asks FTS5's snippet() to put around a match; never left in indexed text. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * A draft is indexed in parts, one `search_index` row each, so an autosave rewrites only the part that
 * changed: with secure-delete on, removing a row's words is most of what a save costs. The slots: one per
 * template section (at most 12), the extras, all addenda together, and the medication review. A signed note does not change
 * (an addendum is rare), so it is indexed as one row of its whole text in WHOLE_SLOT: that keeps ranking
 * as cheap as one row per note for most of a vault, and ranks a signed note on its whole text at once.
 * A row lives at rowid -(noteKey × PART_STRIDE + slot): negative, so it never meets the rowids SQLite
 * hands out to client and goal rows, and the note is found from the rowid by arithmetic alone.
 */
export const PART_STRIDE = 16;
export const EXTRAS_SLOT = 12;
export const ADDENDA_SLOT = 13;
export const MEDICATION_SLOT = 14;
export const WHOLE_SLOT = 15;

export const partRowid = (noteKey: number, slot: number): number => -(noteKey * PART_STRIDE + slot);
export const noteKeyOfRowid = (rowid: number): number => Math.floor(-rowid / PART_STRIDE);
export const slotOfRowid = (rowid: number): number => -rowid % PART_STRIDE;
/** The rowid range holding every part of a note, for `rowid BETWEEN first AND last`. */
export const partRowidRange = (noteKey: number): { first: number; last: number } => ({
  first: partRowid(noteKey, PART_STRIDE - 1),
  last: partRowid(noteKey, 0),
});

const clean = (parts: readonly string[]): string =>
  parts
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join('\n')
    .replaceAll(MATCH_START, ' ')
    .replaceAll(MATCH_END, ' ');

/**
 * The medication review in words: the names of the medications reviewed and changed (from the client's
 * list by id; a start's own name), the side effects the client has (rated above none), and every free
 * text: side-effect notes, how well it works, the shared decision and the reasons for the changes.
 */
export function medicationReviewText(review: MedicationReview | undefined, names: ReadonlyMap<string, string>): string {
  if (!review) return '';
  const nameOf = (id: string | null) => (id === null ? '' : (names.get(id) ?? ''));
  return clean([
    ...review.items.flatMap((item) => [
      nameOf(item.medicationId),
      item.sideEffects.filter((entry) => entry.severity !== 'none').map((entry) => sideEffectWords[entry.effect]).join(', '),
      item.sideEffectNotes,
      item.working,
      item.options,
      item.preference,
      item.decision,
    ]),
    ...review.changes.flatMap((change) => [change.kind === 'start' ? change.name : nameOf(change.medicationId), change.reason]),
  ]);
}

/**
 * The searchable text of a note by slot: every section, the extras (homework review, rupture description,
 * action taken on risk), the addenda and the medication review (`medicationNames` by id: the client's
 * list), or all of it in WHOLE_SLOT once signed. Never the private process note. Empty parts have no row.
 */
export function noteSearchParts(
  template: NoteTemplate,
  content: NoteContent,
  addenda: readonly RichTextNode[],
  status: 'draft' | 'signed',
  medicationNames: ReadonlyMap<string, string> = new Map(),
): Map<number, string> {
  const parts = new Map<number, string>();
  const add = (slot: number, text: string) => {
    if (text.length > 0) parts.set(slot, text);
  };
  template.sections.forEach((section, slot) => add(slot, clean([richTextToPlain(content.sections[section.key])])));
  add(EXTRAS_SLOT, clean([...content.homeworkReview.map((item) => item.text), content.rupture.description, content.risk.action]));
  add(ADDENDA_SLOT, clean(addenda.map((text) => richTextToPlain(text))));
  add(MEDICATION_SLOT, medicationReviewText(content.medicationReview, medicationNames));
  if (status === 'draft') return parts;
  const whole = [...parts.values()].join('\n');
  return new Map(whole.length > 0 ? [[WHOLE_SLOT, whole]] : []);
}
