import { z } from 'zod';
import { idSchema } from '../clients';
import { noteTemplateSchema } from '../note-templates';
import {
  noteContentSchema,
  noteSchema,
  saveTemplateInputSchema,
  searchInputSchema,
  searchResultSchema,
  sessionApproachRowSchema,
  sessionFieldsSchema,
  sessionSummarySchema,
  unsignedNoteSchema,
  voidNoteInputSchema,
} from '../notes';
import { richTextDocSchema } from '../rich-text';
import { method, noInput } from './method';

/** Sessions, their notes and templates, and search. */
export const notesMethods = {
  /** The latest version of every template, built-in ones first. */
  listNoteTemplates: method(noInput, z.strictObject({ templates: z.array(noteTemplateSchema) })),
  /** Saves a copy (id null) or a new version of a custom template; built-in templates are read-only. */
  saveNoteTemplate: method(saveTemplateInputSchema, noteTemplateSchema),
  /** Records a session and starts its note as a draft (homework pre-filled from the previous note). */
  createSession: method(
    z.strictObject({
      clientId: idSchema,
      session: sessionFieldsSchema,
      templateId: z.string().min(1).max(64),
      /** The appointment the session was booked as: it then shows as held, linked to this session. */
      appointmentId: idSchema.nullable().default(null),
    }),
    noteSchema,
  ),
  /** Corrects date, time and the like while the note is a draft; CONFLICT once signed. */
  updateSession: method(z.strictObject({ noteId: idSchema, session: sessionFieldsSchema }), noteSchema),
  /** A client's sessions, newest first: the client timeline. */
  listSessions: method(z.strictObject({ clientId: idSchema }), z.strictObject({ sessions: z.array(sessionSummarySchema) })),
  /** The approach recorded in each of a client's notes, oldest session first (voided sessions left out). */
  listSessionApproaches: method(z.strictObject({ clientId: idSchema }), z.strictObject({ sessions: z.array(sessionApproachRowSchema) })),
  getNote: method(z.strictObject({ noteId: idSchema }), noteSchema),
  /** Autosave. CONFLICT when the note is signed or `baseRevision` is not the saved one. */
  saveNoteDraft: method(
    z.strictObject({
      noteId: idSchema,
      baseRevision: z.number().int().nonnegative(),
      content: noteContentSchema,
      processNote: richTextDocSchema.nullable(),
    }),
    z.strictObject({ revision: z.number().int(), savedAt: z.string() }),
  ),
  /** Signs with the name and credentials from Settings; the note is read-only afterwards. */
  signNote: method(z.strictObject({ noteId: idSchema, baseRevision: z.number().int().nonnegative() }), noteSchema),
  /** A dated, signed correction appended to a signed note; the original never changes. */
  addAddendum: method(z.strictObject({ noteId: idSchema, text: richTextDocSchema }), noteSchema),
  /** Deletes a session created by mistake, with its draft note and results; CONFLICT once signed. */
  deleteDraftSession: method(z.strictObject({ noteId: idSchema }), z.strictObject({})),
  /** Voids a signed note with a reason (a signed addendum): kept, but out of charts, alerts and counts. */
  voidNote: method(voidNoteInputSchema, noteSchema),
  /** Drafts older than three days, oldest first, for the Dashboard. */
  listUnsignedNotes: method(noInput, z.strictObject({ notes: z.array(unsignedNoteSchema) })),
  /** Full-text search over notes, client names and codes, goals and tags, with highlighted snippets. */
  search: method(searchInputSchema, z.strictObject({ results: z.array(searchResultSchema) })),
} as const;
