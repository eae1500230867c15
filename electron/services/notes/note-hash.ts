import { createHash } from 'node:crypto';
import type { NoteContent, SessionFields } from '../../../shared/notes';
import type { RichTextNode } from '../../../shared/rich-text';

/**
 * The fingerprints shown under a signed note and each addendum. Canonical JSON (object keys sorted at
 * every depth, no whitespace) makes the hash depend only on the content, never on the order in which
 * keys happened to be written, so it can be recomputed from a printout or an export years later.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as Json)}`).join(',')}}`;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface Signer {
  name: string;
  credentials: string;
}

/**
 * What a note's signature covers. The private process note is not part of the progress note. Built
 * from stored rows by signed-records.repository.ts, for signing and for verifying alike.
 */
export interface SignedNoteContent {
  noteId: string;
  clientId: string;
  session: SessionFields;
  template: { id: string; version: number };
  content: NoteContent;
  signedAt: string;
  signer: Signer;
}

export function noteHash(note: SignedNoteContent): string {
  return sha256(canonicalJson(toJson(note)));
}

/** A measure result entered late with an addendum, as the addendum's signature covers it. */
export interface SignedLateEntry {
  resultId: string;
  measureId: string;
  measureVersion: number;
  takenOn: string;
  responses: Record<string, number | null>;
}

/** Where the content goes in the canonical text of a note; no field of a note can hold this string. */
const CONTENT_SLOT = '\u0000stored content\u0000';

/**
 * noteHash for content given as its canonical JSON text (as signed notes store it): the rest of the
 * note is made canonical around a placeholder and the text goes in its place, so the content, most of
 * a note, is hashed without being parsed and rebuilt. Equals noteHash exactly when `contentText` is
 * canonicalJson of the content; any other text gives another hash.
 */
export function noteHashOfContentText(note: Omit<SignedNoteContent, 'content'>, contentText: string): string {
  const framed = canonicalJson(toJson({ ...note, content: CONTENT_SLOT }));
  return sha256(framed.replace(JSON.stringify(CONTENT_SLOT), () => contentText));
}

/** What an addendum's signature covers; built from stored rows by signed-records.repository.ts. */
export interface AddendumContent {
  addendumId: string;
  noteId: string;
  noteHash: string;
  text: RichTextNode;
  signedAt: string;
  signer: Signer;
  /**
   * Present only when they apply, so an ordinary correction hashes exactly as addenda always have:
   * 'void' for the addendum that voids its note, the results it entered late and the results it struck
   * out (each list ordered by result id).
   */
  kind?: 'void';
  lateEntries?: SignedLateEntry[];
  struckOut?: { resultId: string; reason: string }[];
}

/** An addendum's hash covers the note's hash too, so it is tied to the note it corrects. */
export function addendumHash(addendum: AddendumContent): string {
  return sha256(canonicalJson(toJson(addendum)));
}

// Contract values are plain JSON already (validated by zod on the way in); this only re-types them.
const toJson = (value: object): Json => JSON.parse(JSON.stringify(value)) as Json;
