import { AppError } from '../../../shared/errors';
import type { Note } from '../../../shared/notes';
import { isRichTextEmpty, paragraphsDoc, type RichTextNode } from '../../../shared/rich-text';
import { appendActivity } from '../activity/activity-log';
import { invalid, type ServiceContext } from '../clients/service-context';
import { readSettings } from '../database/settings.repository';
import { refreshClientAlerts } from '../measures/client-alerts';
import { applyReviewChanges, reviewSigningProblems, type SigningReview } from '../medications/note-medication-changes';
import { appendAddendum, signerOf } from './addenda';
import { canonicalJson, noteHash, type Json } from './note-hash';
import { medicationNamesOf, noteSearchParts, writeNoteIndex } from './note-index';
import { signingProblems } from './note-rules';
import { staleConflict } from './note-store';
import { loadNote, markSigned, noteRowOrThrow } from './notes.repository';
import { sessionRow } from './sessions.repository';
import { signedNoteInput } from './signed-records.repository';

/**
 * Signing and addenda: the two ways a note becomes, and stays, a signed record. A signature hashes
 * the canonical content; an addendum hashes its own text together with the note's hash.
 */
/** Signs with the name and credentials from Settings and stores the SHA-256 of the canonical content. */
export async function signNote(ctx: ServiceContext, input: { noteId: string; baseRevision: number }): Promise<Note> {
  const db = ctx.db();
  const settings = await readSettings(db);
  const signedAt = ctx.now();
  await ctx.transaction(async (trx) => {
    const row = await noteRowOrThrow(trx, input.noteId);
    if (row.status === 'signed') throw new AppError('CONFLICT', 'This note is already signed.');
    const note = await loadNote(trx, input.noteId);
    const session = await sessionRow(trx, row.session_id);
    const review: SigningReview | null = note.content.medicationReview && note.template.sections.some((section) => section.kind === 'medication')
      ? { clientId: row.client_id, noteId: row.id, sessionId: row.session_id, sessionDate: session.session_date, review: note.content.medicationReview, today: ctx.today() }
      : null;
    const problems = { ...signingProblems(note.content, settings.practitionerName), ...(review ? await reviewSigningProblems(trx, review) : {}) };
    if (Object.keys(problems).length > 0) throw invalid(problems);
    if (row.revision !== input.baseRevision) throw staleConflict();
    // The content is stored as canonical JSON from now on (the same document, keys in order), so
    // "Verify records" can hash it as stored instead of parsing and rebuilding every note.
    const signed = {
      content: canonicalJson(JSON.parse(row.content) as Json),
      signed_at: signedAt.toISOString(),
      signer_name: settings.practitionerName.trim(),
      signer_credentials: settings.credentials.trim(),
    };
    // The same builder "Verify records" uses, over the row as it will be stored.
    const hash = noteHash(signedNoteInput({ ...row, ...signed }, session));
    await markSigned(trx, input.noteId, { ...signed, content_hash: hash });
    // The changes decided in the visit reach the medication list now, never before, and only once.
    if (review) {
      await applyReviewChanges(trx, review, signedAt);
      await refreshClientAlerts(trx, row.client_id, signedAt);
    }
    // From now on the note is one index row: it will not be typed in again.
    const parts = noteSearchParts(note.template, note.content, [], 'signed', await medicationNamesOf(trx, row.client_id, note.content));
    await writeNoteIndex(trx, { noteKey: row.search_rowid, noteId: row.id, clientId: row.client_id, parts });
    // The hash goes into the log too, so replacing the note and its stored hash together still shows.
    await appendActivity(
      trx,
      { action: 'sign', recordType: 'note', recordId: input.noteId, clientId: row.client_id, fields: [], detail: { hash, sessionDate: session.session_date } },
      signedAt,
    );
  });
  return loadNote(db, input.noteId);
}

/** Appends a dated, signed correction to a signed note; the note itself and its hash never change. */
export async function addAddendum(ctx: ServiceContext, input: { noteId: string; text: RichTextNode }): Promise<Note> {
  const settings = await readSettings(ctx.db());
  const problems: Record<string, string> = {};
  if (settings.practitionerName.trim() === '') problems.practitionerName = 'Add your name in Settings before signing.';
  if (isRichTextEmpty(input.text)) problems.text = 'Write the addendum before signing it.';
  await ctx.transaction(async (trx) => {
    // A draft or voided note is refused before any field problem: the form cannot fix that.
    const row = await noteRowOrThrow(trx, input.noteId);
    if (row.status !== 'signed') throw new AppError('CONFLICT', 'Only a signed note takes addenda; edit the draft itself instead.');
    if (Object.keys(problems).length > 0) throw invalid(problems);
    await appendAddendum(trx, { noteId: input.noteId, kind: 'correction', text: input.text }, signerOf(settings), ctx.now());
  });
  return loadNote(ctx.db(), input.noteId);
}

/** Voids a signed note created by mistake: the reason is a signed addendum; the note stays, struck through. */
export async function voidNote(ctx: ServiceContext, input: { noteId: string; reason: string }): Promise<Note> {
  const settings = await readSettings(ctx.db());
  await ctx.transaction(async (trx) => {
    const row = await noteRowOrThrow(trx, input.noteId);
    if (row.status !== 'signed') throw new AppError('CONFLICT', 'A draft is not voided: delete the session instead.');
    await appendAddendum(trx, { noteId: input.noteId, kind: 'void', text: paragraphsDoc(input.reason) }, signerOf(settings), ctx.now());
    // A voided session's results and rupture flag no longer count: what they raised is withdrawn.
    await refreshClientAlerts(trx, row.client_id, ctx.now());
  });
  return loadNote(ctx.db(), input.noteId);
}
