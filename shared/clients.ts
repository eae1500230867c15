import { z } from 'zod';
import { EARLIEST_PLAUSIBLE_DATE, dateOfBirthProblem, intakeDateProblem, reviewDateProblem } from './date-rules';
import { isIsoDate } from './dates';
import { richTextDocSchema } from './rich-text';
import { activityDetailSchema, recordMismatchSchema } from './record-verification';

/**
 * Client records, treatment goals, diagnoses and the activity log as they cross the contract. Strings are
 * NFC-normalised and trimmed on the way in, so "Zoë" typed on two keyboards is one name.
 */
const text = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} can be at most ${max.toLocaleString('en')} characters.`)
    .transform((value) => value.normalize('NFC').trim());

export const isoDateSchema = z.string().refine(isIsoDate, 'Enter a real date (YYYY-MM-DD).');
const optionalDate = isoDateSchema.nullable();
export const idSchema = z.uuid('That record id is not valid.');

export const clientStatuses = ['active', 'paused', 'discharged'] as const;
/** How therapy ended: planned (agreed, goals met) or unplanned (the client stopped coming): a drop-out. */
export const dischargeKinds = ['planned', 'unplanned'] as const;
export type DischargeKind = (typeof dischargeKinds)[number];
export const dischargeKindSchema = z.enum(dischargeKinds);
export const clientStatusSchema = z.enum(clientStatuses);
export const goalStatuses = ['active', 'achieved', 'revised', 'discontinued'] as const;
export const goalStatusSchema = z.enum(goalStatuses);

/** Codes are ASCII so they are safe in file names and readable on any screen; shown instead of names. */
export const CLIENT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,15}$/;
export const clientCodeSchema = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => CLIENT_CODE_PATTERN.test(value), 'A client code is 2–16 letters (A–Z), digits or hyphens, like AB-0042.');

const tagSchema = z
  .string()
  .transform((value) => value.normalize('NFC').trim())
  .refine((value) => value.length > 0, 'A tag cannot be empty.')
  .refine((value) => value.length <= 40, 'A tag can be at most 40 characters.');

export const emailSchema = z
  .string()
  // 254 is the longest address mail can deliver (RFC 5321); without a limit any length passed the format check.
  .max(254, 'An email address can be at most 254 characters.')
  .transform((value) => value.trim())
  .refine((value) => value === '' || z.email().safeParse(value).success, 'Enter a valid email address, like name@example.org.');

/**
 * A phone number as people write one: digits with spaces, + - ( ) . between them, and an optional
 * extension ("ext 12", "x12"). Letters or too few digits are a typo, and a wrong number is worse
 * than none when someone needs to be reached.
 */
export const PHONE_MIN_DIGITS = 5;
const PHONE_EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*\d{1,6}$/i;
const PHONE_BODY = /^\+?[\d\s().-]+$/;
export function phoneProblem(value: string): string | null {
  if (value === '') return null;
  const body = value.replace(PHONE_EXTENSION, '');
  if (!PHONE_BODY.test(body)) return 'Enter a phone number using digits, spaces, + - ( ).';
  if ((body.match(/\d/g) ?? []).length < PHONE_MIN_DIGITS) return `A phone number has at least ${PHONE_MIN_DIGITS} digits.`;
  return null;
}
const phone = (label: string) =>
  text(50, label).superRefine((value, context) => {
    const problem = phoneProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const emergencyContactSchema = z.strictObject({
  name: text(200, 'Emergency contact name'),
  relation: text(100, 'Relation'),
  phone: phone('Emergency contact phone'),
});

/** Everything the client form edits. An empty `code` on create means "generate one". */
export const clientFieldsSchema = z.strictObject({
  legalName: text(200, 'Legal name').refine((value) => value.length > 0, "Enter the client's legal name."),
  preferredName: text(200, 'Preferred name'),
  pronouns: text(50, 'Pronouns'),
  dateOfBirth: optionalDate,
  code: z.union([z.literal(''), clientCodeSchema]),
  phone: phone('Phone'),
  email: emailSchema,
  address: text(500, 'Address'),
  emergencyContact: emergencyContactSchema,
  intakeDate: optionalDate,
  referralSource: text(200, 'Referral source'),
  status: clientStatusSchema,
  dischargeDate: optionalDate,
  dischargeReason: text(500, 'Discharge reason'),
  /** Null while not discharged, or when how it ended was not recorded (vaults before migration 0012). */
  dischargeKind: dischargeKindSchema.nullable().default(null),
  presentingConcerns: richTextDocSchema.nullable(),
  tags: z
    .array(tagSchema)
    .max(20, 'A client can have at most 20 tags.')
    .transform((tags) => dedupeTags(tags)),
  privateRemarks: text(5000, 'Private remarks'),
  reviewDate: optionalDate,
});
export type ClientFieldsInput = z.input<typeof clientFieldsSchema>;
export type ClientFields = z.output<typeof clientFieldsSchema>;

/** Keeps the first spelling of each tag, comparing without case. */
export function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Field path (as the form names it) → what is wrong with it. */
export type FieldProblems = Record<string, string>;

/**
 * Rules that involve more than one field or today's date. The form runs them for inline messages and
 * the service runs them again, with its own clock, before anything is written.
 */
export function clientFieldProblems(fields: ClientFields, today: string): FieldProblems {
  const problems: FieldProblems = {};
  const { dateOfBirth, intakeDate, dischargeDate, reviewDate, status } = fields;
  const birthProblem = dateOfBirthProblem(dateOfBirth, today);
  if (birthProblem) problems.dateOfBirth = birthProblem;
  const intakeProblem = intakeDateProblem(intakeDate, today);
  if (intakeProblem) problems.intakeDate = intakeProblem;
  else if (intakeDate && dateOfBirth && intakeDate < dateOfBirth) problems.intakeDate = 'Intake date cannot be before the date of birth.';
  if (status === 'discharged') {
    if (!dischargeDate) problems.dischargeDate = 'Enter the discharge date.';
    else if (dischargeDate > today) problems.dischargeDate = 'Discharge date cannot be in the future.';
    else if (dischargeDate < EARLIEST_PLAUSIBLE_DATE) problems.dischargeDate = 'Check the year: a discharge date cannot be before 1900.';
    else if (intakeDate && dischargeDate < intakeDate) {
      problems.dischargeDate = `Discharge date cannot be before the intake date (${intakeDate}).`;
    }
  }
  const reviewProblem = reviewDateProblem(reviewDate, today);
  if (reviewProblem) problems.reviewDate = reviewProblem;
  else if (reviewDate && intakeDate && reviewDate < intakeDate) problems.reviewDate = 'Plan review date cannot be before the intake date.';
  return problems;
}

export const diagnosisSchema = z.strictObject({
  id: idSchema,
  code: z.string(),
  label: z.string(),
  dateAdded: isoDateSchema,
  dateRemoved: isoDateSchema.nullable(),
});

export const goalStatusChangeSchema = z.strictObject({
  fromStatus: goalStatusSchema.nullable(),
  toStatus: goalStatusSchema,
  /** The day the change took effect, as the practitioner entered it. */
  date: isoDateSchema,
  /** When it was recorded. */
  recordedAt: z.string(),
});

export const goalSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  text: z.string(),
  objective: z.string(),
  status: goalStatusSchema,
  dateSet: isoDateSchema,
  targetDate: isoDateSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** False once a session note refers to the goal: it can then only be discontinued, never deleted. */
  deletable: z.boolean(),
  history: z.array(goalStatusChangeSchema),
});

export const clientSchema = z.strictObject({
  id: idSchema,
  code: z.string(),
  legalName: z.string(),
  preferredName: z.string(),
  pronouns: z.string(),
  dateOfBirth: isoDateSchema.nullable(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  emergencyContact: z.strictObject({ name: z.string(), relation: z.string(), phone: z.string() }),
  intakeDate: isoDateSchema.nullable(),
  referralSource: z.string(),
  status: clientStatusSchema,
  dischargeDate: isoDateSchema.nullable(),
  dischargeReason: z.string(),
  dischargeKind: dischargeKindSchema.nullable(),
  presentingConcerns: richTextDocSchema.nullable(),
  tags: z.array(z.string()),
  privateRemarks: z.string(),
  reviewDate: isoDateSchema.nullable(),
  reviewDue: z.boolean(),
  lastSessionDate: isoDateSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  diagnoses: z.array(diagnosisSchema),
  goals: z.array(goalSchema),
});

export const clientListItemSchema = clientSchema.pick({
  id: true,
  code: true,
  legalName: true,
  preferredName: true,
  pronouns: true,
  status: true,
  dateOfBirth: true,
  tags: true,
  reviewDate: true,
  reviewDue: true,
  lastSessionDate: true,
});

/** `current` is active and paused together: the caseload a practitioner works with this month. */
export const clientFilterStatuses = ['current', 'active', 'paused', 'discharged', 'all'] as const;
export const clientSortOrders = ['name', 'lastSession', 'nextReview'] as const;

const localeSchema = z
  .string()
  .max(35)
  .refine((value) => {
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  }, 'That is not a language tag such as en-GB.');

export const listClientsInputSchema = z.strictObject({
  query: z.string().max(200, 'Search for at most 200 characters.').default(''),
  status: z.enum(clientFilterStatuses).default('current'),
  tag: tagSchema.nullable().default(null),
  sort: z.enum(clientSortOrders).default('name'),
  /** The display language, for sorting names the way the practitioner reads them. */
  locale: localeSchema.optional(),
});

export const listClientsOutputSchema = z.strictObject({
  clients: z.array(clientListItemSchema),
  /** Every tag in use, for the tag filter. */
  tags: z.array(z.string()),
  counts: z.strictObject({
    current: z.number().int(),
    active: z.number().int(),
    paused: z.number().int(),
    discharged: z.number().int(),
    all: z.number().int(),
  }),
});

export const activityActions = ['create', 'update', 'delete', 'erase', 'sign', 'export', 'restore', 'void', 'strike'] as const;
export const activityEntrySchema = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  action: z.enum(activityActions),
  recordType: z.string(),
  recordId: z.string(),
  clientId: z.string().nullable(),
  /** The client's current code; null once the client has been permanently deleted. */
  clientCode: z.string().nullable(),
  /** Names of the fields that changed, never their contents. */
  fields: z.array(z.string()),
  /** The hash a signature recorded, a measure's name or a session's date; null on older entries. */
  detail: activityDetailSchema.nullable(),
});

export const activityLogVerdictSchema = z.strictObject({
  intact: z.boolean(),
  entriesChecked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  message: z.string(),
  /** The sentence about the log's chain when it is broken (part of `message`); null when it is whole. */
  logProblem: z.string().nullable(),
  /** Signed notes and addenda whose hashes were recomputed from what is stored. */
  notesChecked: z.number().int().nonnegative(),
  addendaChecked: z.number().int().nonnegative(),
  /** The signed records that do not match, by client code and session date (the first MAX_LISTED_MISMATCHES). */
  mismatches: z.array(recordMismatchSchema),
  mismatchCount: z.number().int().nonnegative(),
});

export const goalInputSchema = z.strictObject({
  text: text(1000, 'A goal').refine((value) => value.length > 0, "Write the goal, in the client's own words."),
  objective: text(1000, 'The objective'),
  targetDate: optionalDate,
});

export type ClientStatus = z.output<typeof clientStatusSchema>;
export type GoalStatus = z.output<typeof goalStatusSchema>;
export type Client = z.output<typeof clientSchema>;
export type ClientListItem = z.output<typeof clientListItemSchema>;
export type ClientListQuery = z.output<typeof listClientsInputSchema>;
export type ClientList = z.output<typeof listClientsOutputSchema>;
export type Goal = z.output<typeof goalSchema>;
export type Diagnosis = z.output<typeof diagnosisSchema>;
export type ActivityEntry = z.output<typeof activityEntrySchema>;
export type ActivityAction = (typeof activityActions)[number];
export type ActivityLogVerdict = z.output<typeof activityLogVerdictSchema>;
