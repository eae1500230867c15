import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { AddendumKind } from '../../../shared/notes';
import { isRichTextEmpty, type RichTextNode } from '../../../shared/rich-text';
import type { Settings } from '../../../shared/contract';
import { appendActivity } from '../activity/activity-log';
import { invalid } from '../clients/service-context';
import type { VaultSchema } from '../database/schema';
import { insertAddendum, isVoided } from './addenda.repository';
import { addendumHash, type SignedLateEntry, type Signer } from './note-hash';
import { noteSearchParts, writeNoteIndex } from './note-index';
import { addendaOf, noteRowOrThrow, parseContent, parseTemplate, voidedConflict } from './note-store';

/**
 * Every change to a signed session goes through here: a signed, dated addendum to its note, which may
 * also void the note, enter measure results late or strike results out. The addendum's hash covers
 * those too, so the signature vouches for exactly what changed.
 */
export interface NewAddendum {
  noteId: string;
  kind: AddendumKind;
  text: RichTextNode;
  lateEntries?: SignedLateEntry[];
  struckOut?: { resultId: string; reason: string }[];
}

/** The signer from Settings, or the field problem that stops any signature. */
export function signerOf(settings: Settings): Signer {
  if (settings.practitionerName.trim() === '') throw invalid({ practitionerName: 'Add your name in Settings before signing.' });
  return { name: settings.practitionerName.trim(), credentials: settings.credentials.trim() };
}

/** Signs and stores the addendum in the caller's transaction; returns its id. */
export async function appendAddendum(trx: Kysely<VaultSchema>, addendum: NewAddendum, signer: Signer, signedAt: Date): Promise<string> {
  if (isRichTextEmpty(addendum.text)) throw invalid({ text: 'Write the addendum before signing it.' });
  const row = await noteRowOrThrow(trx, addendum.noteId);
  if (row.status !== 'signed' || row.content_hash === null) {
    throw new AppError('CONFLICT', 'Only a signed note takes addenda; edit the draft itself instead.');
  }
  if (await isVoided(trx, row.id)) throw voidedConflict();
  const id = randomUUID();
  const at = signedAt.toISOString();
  const hash = addendumHash({
    addendumId: id,
    noteId: row.id,
    noteHash: row.content_hash,
    text: addendum.text,
    signedAt: at,
    signer,
    ...(addendum.kind === 'void' ? { kind: 'void' as const } : {}),
    ...(addendum.lateEntries?.length ? { lateEntries: sortById(addendum.lateEntries) } : {}),
    ...(addendum.struckOut?.length ? { struckOut: sortById(addendum.struckOut) } : {}),
  });
  await insertAddendum(trx, { id, noteId: row.id, kind: addendum.kind, text: addendum.text, signedAt: at, signer, hash });
  const addenda = (await addendaOf(trx, row.id)).map((stored) => stored.text);
  const parts = noteSearchParts(parseTemplate(row.template_json), parseContent(row.content), addenda, 'signed');
  await writeNoteIndex(trx, { noteKey: row.search_rowid, noteId: row.id, clientId: row.client_id, parts });
  await appendActivity(
    trx,
    { action: addendum.kind === 'void' ? 'void' : 'create', recordType: 'addendum', recordId: id, clientId: row.client_id, fields: [] },
    signedAt,
  );
  return id;
}

const sortById = <T extends { resultId: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.resultId < b.resultId ? -1 : a.resultId > b.resultId ? 1 : 0));
