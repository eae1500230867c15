import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { AddendumKind } from '../../../shared/notes';
import { isRichTextEmpty, type RichTextNode } from '../../../shared/rich-text';
import type { Settings } from '../../../shared/contract';
import { appendActivity } from '../activity/activity-log';
import { invalid } from '../clients/service-context';
import type { VaultSchema } from '../database/schema';
import { addendaOf, insertAddendum, isVoided } from './addenda.repository';
import { addendumHash, type SignedLateEntry, type Signer } from './note-hash';
import { sessionRow } from './sessions.repository';
import { addendumInput } from './signed-records.repository';
import { medicationNamesOf, noteSearchParts, writeNoteIndex } from './note-index';
import { parseContent, parseTemplate, voidedConflict } from './note-store';
import { noteRowOrThrow } from './notes.repository';

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
  const stored = {
    id,
    note_id: row.id,
    kind: addendum.kind,
    text: JSON.stringify(addendum.text),
    signed_at: signedAt.toISOString(),
    signer_name: signer.name,
    signer_credentials: signer.credentials,
  };
  // The same builder "Verify records" uses, over the row and results as they will be stored.
  const hash = addendumHash(addendumInput(stored, row.content_hash, { lateEntries: addendum.lateEntries ?? [], struckOut: addendum.struckOut ?? [] }));
  await insertAddendum(trx, { ...stored, hash });
  const addenda = (await addendaOf(trx, row.id)).map((existing) => existing.text);
  const content = parseContent(row.content);
  const parts = noteSearchParts(parseTemplate(row.template_json), content, addenda, 'signed', await medicationNamesOf(trx, row.client_id, content));
  await writeNoteIndex(trx, { noteKey: row.search_rowid, noteId: row.id, clientId: row.client_id, parts });
  const session = await sessionRow(trx, row.session_id);
  // The hash goes into the log too, so replacing the addendum and its stored hash together still shows.
  await appendActivity(
    trx,
    {
      action: addendum.kind === 'void' ? 'void' : 'create',
      recordType: 'addendum',
      recordId: id,
      clientId: row.client_id,
      fields: [],
      detail: { hash, sessionDate: session.session_date },
    },
    signedAt,
  );
  return id;
}

