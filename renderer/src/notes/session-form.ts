import { sessionDateProblem } from '../../../shared/date-rules';
import { localIsoDate } from '../../../shared/dates';
import { sessionFieldsSchema, type SessionFields } from '../../../shared/notes';
import { typedDateProblem } from '../components/typed-date';

/** What the session form edits: text boxes hold strings, so empty means "not entered". */
export interface SessionFormValues {
  date: string;
  startTime: string;
  durationMinutes: number | string;
  modality: SessionFields['modality'];
  type: SessionFields['type'];
  attendance: SessionFields['attendance'];
  serviceCode: string;
}

export const newSessionValues = (isFirstSession: boolean): SessionFormValues => ({
  date: localIsoDate(),
  startTime: '',
  durationMinutes: 50,
  modality: 'in_person',
  type: isFirstSession ? 'intake' : 'individual',
  attendance: 'attended',
  serviceCode: '',
});

export const sessionToValues = (session: SessionFields): SessionFormValues => ({
  date: session.date,
  startTime: session.startTime ?? '',
  durationMinutes: session.durationMinutes ?? '',
  modality: session.modality,
  type: session.type,
  attendance: session.attendance,
  serviceCode: session.serviceCode,
});

export const valuesToSession = (values: SessionFormValues): SessionFields => ({
  date: values.date,
  startTime: values.startTime === '' ? null : values.startTime,
  durationMinutes: values.durationMinutes === '' ? null : Number(values.durationMinutes),
  modality: values.modality,
  type: values.type,
  attendance: values.attendance,
  serviceCode: values.serviceCode.trim(),
});

/**
 * The contract's own rules and the date rule, as field messages for the form (the service checks them
 * again with its own clock). `today` is this computer's date; `dateOfBirth` the client's, if known.
 */
export function sessionValueProblems(values: SessionFormValues, today: string, dateOfBirth: string | null): Record<string, string> {
  const unreadable = typedDateProblem(values.date);
  if (unreadable) return { date: unreadable };
  if (values.date === '') return { date: 'Enter the date of the session.' };
  const session = valuesToSession(values);
  const problems: Record<string, string> = {};
  const parsed = sessionFieldsSchema.safeParse(session);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? 'date')] ??= issue.message;
  }
  const dateProblem = sessionDateProblem(values.date, today, dateOfBirth);
  if (dateProblem) problems.date ??= dateProblem;
  return problems;
}

/** Field messages from the service carry the input's path (`session.date`); the form knows `date`. */
export const sessionFieldErrors = (fieldErrors: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(fieldErrors).map(([path, message]) => [path.replace(/^session\./, ''), message]));
