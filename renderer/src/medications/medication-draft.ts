import type { MedicationEventKind, PrescriberKind, Regimen } from '../../../shared/medications';
import { ApiError, errorMessage } from '../api';
import { typedDateProblem } from '../components/typed-date';

/**
 * What the Start medication form and the change forms hold while they are being filled in: strings
 * as typed (so a refused value stays on screen), turned into the contract's input only on submit.
 */
export interface RegimenDraft {
  dose: string;
  formRoute: string;
  schedule: string;
  asNeeded: boolean;
  /** As the number field gives it: a number, '' when empty, or text it could not read. */
  dosesPerDay: number | string;
  prescriber: PrescriberKind;
  prescriberName: string;
  indication: string;
}

export interface MedicationDraft extends RegimenDraft {
  name: string;
  date: string;
  reason: string;
}

export type DraftField = keyof MedicationDraft;

/**
 * Each draft field under the key the server names it by in a VALIDATION error's fieldErrors, so a
 * message lands under the control it is about.
 */
export const FIELD_PATHS: Record<DraftField, string> = {
  name: 'name',
  date: 'date',
  reason: 'reason',
  dose: 'regimen.dose',
  formRoute: 'regimen.formRoute',
  schedule: 'regimen.schedule',
  asNeeded: 'regimen.asNeeded',
  dosesPerDay: 'regimen.dosesPerDay',
  prescriber: 'regimen.prescriber',
  prescriberName: 'regimen.prescriberName',
  indication: 'regimen.indication',
};

export const emptyRegimenDraft = (): RegimenDraft => ({
  dose: '',
  formRoute: '',
  schedule: '',
  asNeeded: false,
  dosesPerDay: '',
  prescriber: 'me',
  prescriberName: '',
  indication: '',
});

export const regimenDraftOf = (regimen: Regimen): RegimenDraft => ({ ...regimen, dosesPerDay: regimen.dosesPerDay ?? '' });

/** The regimen to send; the doses a day as typed when it is not a number, so the server's message names it. */
export function regimenOf(draft: RegimenDraft): Regimen {
  return {
    dose: draft.dose,
    formRoute: draft.formRoute,
    schedule: draft.schedule,
    asNeeded: draft.asNeeded,
    dosesPerDay: draft.dosesPerDay === '' ? null : (draft.dosesPerDay as number),
    prescriber: draft.prescriber,
    // A name left in the field after switching back to "me" is not kept.
    prescriberName: draft.prescriber === 'other' ? draft.prescriberName : '',
    indication: draft.indication,
  };
}

/** What the form can tell before sending: a date the browser could not read or none, unreadable doses a day. */
export function draftProblems(draft: Pick<MedicationDraft, 'date' | 'dosesPerDay'>): Record<string, string> {
  const problems: Record<string, string> = {};
  const unreadable = typedDateProblem(draft.date);
  if (unreadable) problems.date = unreadable;
  else if (draft.date === '') problems.date = 'Enter the date.';
  if (typeof draft.dosesPerDay === 'string' && draft.dosesPerDay !== '') problems['regimen.dosesPerDay'] = 'Enter the doses a day as a number, or leave it empty.';
  return problems;
}

/**
 * A refused save split into what the shown fields can carry and what only the alert above the form
 * can (a message about the kind of change, or any other failure).
 */
export function splitError(caught: unknown, shown: readonly string[]): { atFields: Record<string, string>; above: string | null } {
  if (!(caught instanceof ApiError) || caught.code !== 'VALIDATION') return { atFields: {}, above: errorMessage(caught) };
  const atFields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [key, message] of Object.entries(caught.fieldErrors)) {
    if (shown.includes(key)) atFields[key] = message;
    else rest.push(message);
  }
  const above = rest.length > 0 ? rest.join(' ') : Object.keys(atFields).length === 0 ? caught.message : null;
  return { atFields, above };
}

export const EVENT_FORM_TITLES: Record<MedicationEventKind, string> = {
  start: 'Start medication',
  dose_change: 'Change dose',
  schedule_change: 'Change schedule',
  stop: 'Stop',
  restart: 'Restart',
};
