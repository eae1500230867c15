import { z } from 'zod';
import { idSchema, isoDateSchema } from './clients';

/**
 * What a PDF progress summary may carry. Each part is off unless the practitioner ticks it, so a
 * summary holds only what was chosen. Process notes are a separate, explicit choice: they are the
 * practitioner's private working notes and are excluded from every export unless ticked here.
 */
export const summarySectionKeys = [
  'diagnoses',
  'medications',
  'goals',
  'allianceChart',
  'outcomeChart',
  'measuresTable',
  'attendance',
  'contacts',
  'sessionList',
  'noteExcerpts',
] as const;
export type SummarySectionKey = (typeof summarySectionKeys)[number];

/**
 * Parts offered only to prescribers (Settings → "I prescribe"): not offered otherwise, and left out of
 * the document even if asked for, while the records themselves are kept.
 */
export const PRESCRIBER_SECTIONS: readonly SummarySectionKey[] = ['medications'];

export const SUMMARY_SECTION_LABELS: Record<SummarySectionKey, string> = {
  diagnoses: 'Diagnoses',
  medications: 'Medications: list, changes, allergies and adherence',
  goals: 'Treatment goals with status and progress',
  allianceChart: 'Alliance chart',
  outcomeChart: 'Outcome chart',
  measuresTable: 'Measures table',
  attendance: 'Attendance summary',
  contacts: 'Contacts between sessions',
  sessionList: 'Session list',
  noteExcerpts: 'Note excerpts',
};

/** `full`: name, date of birth and contact details; `codeOnly`: the client code and nothing that names them. */
export const summaryIdentities = ['full', 'codeOnly'] as const;
export type SummaryIdentity = (typeof summaryIdentities)[number];

export const paperSizes = ['A4', 'Letter'] as const;
export type PaperSize = (typeof paperSizes)[number];

const sectionKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'That is not a note section.');

export const progressSummaryOptionsSchema = z
  .strictObject({
    clientId: idSchema,
    from: isoDateSchema,
    to: isoDateSchema,
    identity: z.enum(summaryIdentities),
    sections: z
      .array(z.enum(summarySectionKeys))
      .max(summarySectionKeys.length)
      .transform((keys) => [...new Set(keys)]),
    /** Template section keys whose text is quoted from each signed note, e.g. `plan` and `goals`. */
    excerptSections: z
      .array(sectionKeySchema)
      .max(24, 'Choose at most 24 note sections.')
      .default([])
      .transform((keys) => [...new Set(keys)]),
    includeProcessNotes: z.boolean().default(false),
  })
  .superRefine((options, context) => {
    if (options.to < options.from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'The end date must be on or after the start date.' });
    }
    if (options.sections.includes('noteExcerpts') && options.excerptSections.length === 0 && !options.includeProcessNotes) {
      context.addIssue({ code: 'custom', path: ['excerptSections'], message: 'Choose which note sections to quote, or untick note excerpts.' });
    }
  });

export type ProgressSummaryOptionsInput = z.input<typeof progressSummaryOptionsSchema>;
export type ProgressSummaryOptions = z.output<typeof progressSummaryOptionsSchema>;

/** What the export dialog offers for one client: the record's date span and the note sections in use. */
export const summaryChoicesSchema = z.strictObject({
  firstSessionDate: isoDateSchema.nullable(),
  lastSessionDate: isoDateSchema.nullable(),
  /** Sections of the templates this client's notes were written with, in template order. */
  noteSections: z.array(z.strictObject({ key: z.string(), label: z.string() })),
  hasProcessNotes: z.boolean(),
  /** Settings → "I prescribe": the Medications part is offered, and ticked at first, only then. */
  prescriber: z.boolean(),
  paperSize: z.enum(paperSizes),
});
export type SummaryChoices = z.output<typeof summaryChoicesSchema>;

export const summaryPreviewSchema = z.strictObject({
  /** The whole document, base64-encoded; the dialog draws its first page. */
  pdfBase64: z.string(),
  pageCount: z.number().int().positive(),
});

export const summaryExportSchema = z.strictObject({
  /** false when the save dialog was cancelled; nothing was written then. */
  saved: z.boolean(),
  path: z.string().nullable(),
  pageCount: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type SummaryExport = z.output<typeof summaryExportSchema>;
