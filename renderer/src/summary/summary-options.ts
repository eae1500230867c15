import { isIsoDate, localIsoDate } from '../../../shared/dates';
import {
  PRESCRIBER_SECTIONS,
  type ProgressSummaryOptionsInput,
  type SummaryChoices,
  type SummaryIdentity,
  type SummarySectionKey,
  summarySectionKeys,
} from '../../../shared/progress-summary';

/** What the export dialog edits; `from`/`to` are the date inputs' text, so '' means "not entered". */
export interface SummaryFormValues {
  from: string;
  to: string;
  identity: SummaryIdentity;
  sections: SummarySectionKey[];
  excerptSections: string[];
  includeProcessNotes: boolean;
}

/** Problems the dialog names before asking the service (which checks the same rules again). */
export type SummaryFieldErrors = Partial<Record<'from' | 'to' | 'excerptSections', string>>;

/**
 * The parts a first-time summary carries: the plan, both charts and attendance; nothing that quotes
 * notes. A prescriber's summary carries the Medications part too.
 */
export const DEFAULT_SECTIONS: readonly SummarySectionKey[] = ['goals', 'allianceChart', 'outcomeChart', 'attendance'];

/** The parts the dialog offers: the prescriber's parts only with Settings → "I prescribe" on. */
export const offeredSections = (choices: Pick<SummaryChoices, 'prescriber'>): SummarySectionKey[] =>
  summarySectionKeys.filter((key) => choices.prescriber || !PRESCRIBER_SECTIONS.includes(key));
const DEFAULT_EXCERPTS: readonly string[] = ['plan', 'goals'];

/**
 * Starting values: the whole record so far (first session, else intake, else today, up to today or the
 * last booked session), the client code only (the safer identity) and the default parts.
 */
export function initialValues(choices: SummaryChoices, intakeDate: string | null, today: string = localIsoDate()): SummaryFormValues {
  const to = choices.lastSessionDate !== null && choices.lastSessionDate > today ? choices.lastSessionDate : today;
  const start = choices.firstSessionDate ?? intakeDate ?? today;
  const offered = new Set(choices.noteSections.map((section) => section.key));
  return {
    from: start > to ? to : start,
    to,
    identity: 'codeOnly',
    sections: summarySectionKeys.filter((key) => DEFAULT_SECTIONS.includes(key) || (choices.prescriber && PRESCRIBER_SECTIONS.includes(key))),
    excerptSections: DEFAULT_EXCERPTS.filter((key) => offered.has(key)),
    includeProcessNotes: false,
  };
}

/** The same rules as `progressSummaryOptionsSchema`, phrased for the field they belong to. */
export function validate(values: SummaryFormValues): SummaryFieldErrors {
  const errors: SummaryFieldErrors = {};
  if (!isIsoDate(values.from)) errors.from = 'Enter a start date.';
  if (!isIsoDate(values.to)) errors.to = 'Enter an end date.';
  if (!errors.from && !errors.to && values.to < values.from) errors.to = 'The end date must be on or after the start date.';
  if (values.sections.includes('noteExcerpts') && values.excerptSections.length === 0 && !values.includeProcessNotes) {
    errors.excerptSections = 'Choose which note sections to quote, or untick note excerpts.';
  }
  return errors;
}

/**
 * The call's input. Excerpt sections and process notes only travel with "Note excerpts" ticked, so an
 * unticked part can never leak into the document through a choice left behind in the form.
 */
export function toOptions(clientId: string, values: SummaryFormValues, hasProcessNotes: boolean): ProgressSummaryOptionsInput {
  const quoting = values.sections.includes('noteExcerpts');
  return {
    clientId,
    from: values.from,
    to: values.to,
    identity: values.identity,
    sections: values.sections,
    excerptSections: quoting ? values.excerptSections : [],
    includeProcessNotes: quoting && hasProcessNotes && values.includeProcessNotes,
  };
}
