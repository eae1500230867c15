import { z } from 'zod';
import { idSchema, isoDateSchema } from './clients';
import { noteTemplateSchema, templateSectionsSchema } from './note-templates';
import { medicationReviewSchema } from './medication-review';
import { richTextDocSchema } from './rich-text';

/** Sessions, their notes (draft → signed → addenda), and full-text search, as they cross the contract. */
export const modalities = ['in_person', 'video', 'phone'] as const;
export const sessionTypes = ['intake', 'individual', 'couple', 'family', 'group'] as const;
export const attendances = ['attended', 'late_cancellation', 'no_show'] as const;
export const goalProgressMarks = ['worse', 'no_change', 'some_progress', 'achieved'] as const;
export const riskLevels = ['none', 'low', 'moderate', 'high'] as const;
/** The practitioner's stance in a session (CLINICAL.md), recorded in the Tasks section. */
export const sessionApproaches = ['directive', 'nondirective', 'facilitative', 'supportive', 'task_oriented'] as const;
export const noteStatuses = ['draft', 'signed'] as const;
/** Ten hours: longer is a typo (10,000 for 100), never a session. */
export const MAX_SESSION_MINUTES = 600;

export const sessionFieldsSchema = z.strictObject({
  date: isoDateSchema,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time such as 14:30.').nullable(),
  durationMinutes: z
    .number()
    .int('Enter the length in whole minutes.')
    .min(1, 'A session lasts at least a minute.')
    .max(MAX_SESSION_MINUTES, 'A session can last at most 10 hours (600 minutes).')
    .nullable(),
  modality: z.enum(modalities),
  type: z.enum(sessionTypes),
  attendance: z.enum(attendances),
  serviceCode: z.string().trim().max(20, 'A service code can be at most 20 characters.'),
});

export const noteContentSchema = z.strictObject({
  /** Section key (from the note's template) → rich text, or null while empty. */
  sections: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), richTextDocSchema.nullable()),
  /** Goals section: treatment-plan goals worked on, each with a progress mark. */
  goalProgress: z.array(z.strictObject({ goalId: idSchema, progress: z.enum(goalProgressMarks) })).max(50),
  /** Tasks section: last session's homework, pre-filled from the previous note, ticked off here. */
  homeworkReview: z.array(z.strictObject({ text: z.string().max(500), done: z.boolean() })).max(50),
  /**
   * Tasks section: the approach(es) taken in the session. Optional, and absent rather than empty in
   * notes written before it existed, so their stored content (and the hash signed over it) is unchanged.
   */
  approaches: z
    .array(z.enum(sessionApproaches))
    .max(sessionApproaches.length)
    .refine((list) => new Set(list).size === list.length, 'Choose each approach once.')
    .optional(),
  /** Bond section: the practitioner's own rupture flag, which charts mark. */
  rupture: z.strictObject({
    noted: z.boolean(),
    description: z.string().max(500, 'Keep the rupture description to 500 characters.'),
    /**
     * A repair of a rupture (this session's or an earlier one) was worked on in this session. Present only
     * when true, so notes written before it existed keep their stored content and hash.
     */
    repaired: z.literal(true).optional(),
  }),
  /** Risk section: a high level cannot be signed without the action taken. */
  risk: z.strictObject({ level: z.enum(riskLevels).nullable(), action: z.string().max(2000) }),
  /**
   * Medication review section: adherence, side effects and the shared decision per medication, and the
   * changes applied to the list at signing. Absent in notes without that section, so older notes'
   * stored content (and the hash signed over it) is unchanged.
   */
  medicationReview: medicationReviewSchema.optional(),
});

export const signerSchema = z.strictObject({ name: z.string(), credentials: z.string() });

/** A correction, or the addendum that voided its note (its text is the reason). */
export const addendumKinds = ['correction', 'void'] as const;

export const addendumSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(addendumKinds),
  text: richTextDocSchema,
  signedAt: z.string(),
  signedBy: signerSchema,
  /** SHA-256 (hex) of the addendum's canonical content, shown so a printed copy can be checked. */
  hash: z.string(),
});

export const sessionSchema = sessionFieldsSchema.extend({ id: idSchema, clientId: idSchema });

/** A signed note voided as created by mistake: kept, struck through, left out of charts and counts. */
export const voidedSchema = z.strictObject({ at: z.string(), reason: z.string() });

export const noteSchema = z.strictObject({
  id: idSchema,
  session: sessionSchema,
  clientId: idSchema,
  status: z.enum(noteStatuses),
  /** The template version the note was written with, even if the template changed since. */
  template: noteTemplateSchema,
  content: noteContentSchema,
  /** Private process notes: kept apart, never in search results or exports unless chosen. */
  processNote: richTextDocSchema.nullable(),
  /** Increases with every saved draft; a save must name the revision it started from. */
  revision: z.number().int().nonnegative(),
  savedAt: z.string(),
  signedAt: z.string().nullable(),
  signedBy: signerSchema.nullable(),
  /** SHA-256 (hex) over the canonical content at signing. */
  contentHash: z.string().nullable(),
  addenda: z.array(addendumSchema),
  voided: voidedSchema.nullable(),
});

export const sessionSummarySchema = z.strictObject({
  session: sessionSchema,
  noteId: idSchema,
  status: z.enum(noteStatuses),
  templateName: z.string(),
  ruptureNoted: z.boolean(),
  riskLevel: z.enum(riskLevels).nullable(),
  signedAt: z.string().nullable(),
  addendaCount: z.number().int().nonnegative(),
  voided: voidedSchema.nullable(),
});

/** The approach recorded in one session's note ([] when none), for the strip under the alliance chart. */
export const sessionApproachRowSchema = z.strictObject({
  sessionId: idSchema,
  noteId: idSchema,
  date: isoDateSchema,
  approaches: z.array(z.enum(sessionApproaches)),
});

export const unsignedNoteSchema = z.strictObject({
  noteId: idSchema,
  clientId: idSchema,
  clientCode: z.string(),
  sessionDate: isoDateSchema,
  daysOld: z.number().int(),
});

/** A snippet as plain segments, so the renderer highlights matches without ever parsing HTML. */
export const snippetSchema = z.array(z.strictObject({ text: z.string(), match: z.boolean() }));

export const searchResultSchema = z.strictObject({
  /** 'contact': a contact between sessions; 'missed': a missed session's remark. Both are dated by `sessionDate`. */
  kind: z.enum(['note', 'client', 'goal', 'contact', 'missed']),
  clientId: idSchema,
  clientCode: z.string(),
  clientName: z.string(),
  noteId: idSchema.nullable(),
  sessionDate: isoDateSchema.nullable(),
  status: z.enum(noteStatuses).nullable(),
  snippet: snippetSchema,
});

export const searchInputSchema = z.strictObject({
  query: z.string().trim().min(1, 'Type something to search for.').max(200, 'Search for at most 200 characters.'),
  clientId: idSchema.nullable().default(null),
  from: isoDateSchema.nullable().default(null),
  to: isoDateSchema.nullable().default(null),
  templateId: z.string().max(64).nullable().default(null),
  status: z.enum(noteStatuses).nullable().default(null),
  ruptureOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(30),
});

const reasonSchema = (what: string) =>
  z.string().trim().min(1, `Give the reason ${what}.`).max(500, 'Keep the reason to 500 characters.');

/** Voids a signed note: the reason becomes a signed addendum of kind 'void'. */
export const voidNoteInputSchema = z.strictObject({ noteId: idSchema, reason: reasonSchema('the note is void') });

/** Strikes out a result of a signed session recorded in error, through a signed addendum. */
export const strikeOutResultInputSchema = z.strictObject({ resultId: idSchema, reason: reasonSchema('the result was recorded in error') });

export const saveTemplateInputSchema = z.strictObject({
  /** null makes a new template (a copy); a custom template's id saves a new version of it. */
  id: z.string().max(64).nullable(),
  name: z.string().trim().min(1, 'Give the template a name.').max(80, 'A template name can be at most 80 characters.'),
  sections: templateSectionsSchema,
});

export type SessionFields = z.output<typeof sessionFieldsSchema>;
export type Session = z.output<typeof sessionSchema>;
export type NoteContent = z.output<typeof noteContentSchema>;
export type Note = z.output<typeof noteSchema>;
export type Addendum = z.output<typeof addendumSchema>;
export type AddendumKind = (typeof addendumKinds)[number];
export type Voided = z.output<typeof voidedSchema>;
export type SessionSummary = z.output<typeof sessionSummarySchema>;
export type UnsignedNote = z.output<typeof unsignedNoteSchema>;
export type SearchResult = z.output<typeof searchResultSchema>;
export type SearchInput = z.output<typeof searchInputSchema>;
export type Snippet = z.output<typeof snippetSchema>;
export type RiskLevel = (typeof riskLevels)[number];
export type GoalProgressMark = (typeof goalProgressMarks)[number];
export type SessionApproach = (typeof sessionApproaches)[number];
export type SessionApproachRow = z.output<typeof sessionApproachRowSchema>;

/** An empty note body for a template: every section empty, nothing flagged. */
export function emptyNoteContent(sectionKeys: readonly string[]): NoteContent {
  return {
    sections: Object.fromEntries(sectionKeys.map((key) => [key, null])),
    goalProgress: [],
    homeworkReview: [],
    rupture: { noted: false, description: '' },
    risk: { level: null, action: '' },
  };
}

/** Days after which an unsigned note is listed as "needs signing". */
export const NEEDS_SIGNING_AFTER_DAYS = 3;
