import type { FormErrors } from '@mantine/form';
import { clientFieldProblems, clientFieldsSchema, type Client, type ClientFields, type ClientStatus, type DischargeKind } from '../../../../shared/clients';
import { isRichTextEmpty, type RichTextNode } from '../../../../shared/rich-text';
import { typedDateProblem } from '../../components/typed-date';

/**
 * The client form's values. Dates are the native date input's strings ('' when empty); everything is
 * turned into the contract's `fields` only when validating or saving, so the form always shows exactly
 * what was typed, even when it is wrong.
 */
export interface ClientFormValues {
  legalName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  code: string;
  phone: string;
  email: string;
  address: string;
  emergencyContact: { name: string; relation: string; phone: string };
  intakeDate: string;
  referralSource: string;
  status: ClientStatus;
  dischargeDate: string;
  dischargeReason: string;
  /** '' while not recorded. */
  dischargeKind: DischargeKind | '';
  presentingConcerns: RichTextNode | null;
  tags: string[];
  privateRemarks: string;
  reviewDate: string;
}

export function emptyClientFormValues(code: string, today: string): ClientFormValues {
  return {
    legalName: '',
    preferredName: '',
    pronouns: '',
    dateOfBirth: '',
    code,
    phone: '',
    email: '',
    address: '',
    emergencyContact: { name: '', relation: '', phone: '' },
    intakeDate: today,
    referralSource: '',
    status: 'active',
    dischargeDate: '',
    dischargeReason: '',
    dischargeKind: '',
    presentingConcerns: null,
    tags: [],
    privateRemarks: '',
    reviewDate: '',
  };
}

export function clientToFormValues(client: Client): ClientFormValues {
  return {
    legalName: client.legalName,
    preferredName: client.preferredName,
    pronouns: client.pronouns,
    dateOfBirth: client.dateOfBirth ?? '',
    code: client.code,
    phone: client.phone,
    email: client.email,
    address: client.address,
    emergencyContact: { ...client.emergencyContact },
    intakeDate: client.intakeDate ?? '',
    referralSource: client.referralSource,
    status: client.status,
    dischargeDate: client.dischargeDate ?? '',
    dischargeReason: client.dischargeReason,
    dischargeKind: client.dischargeKind ?? '',
    presentingConcerns: client.presentingConcerns,
    tags: [...client.tags],
    privateRemarks: client.privateRemarks,
    reviewDate: client.reviewDate ?? '',
  };
}

const dateOrNull = (value: string): string | null => (value === '' ? null : value);

/** The contract's `fields`, as typed (the service trims and normalises them again). */
export function formValuesToFields(values: ClientFormValues): ClientFields {
  const discharged = values.status === 'discharged';
  return {
    ...values,
    dateOfBirth: dateOrNull(values.dateOfBirth),
    intakeDate: dateOrNull(values.intakeDate),
    emergencyContact: { ...values.emergencyContact },
    // Discharge details belong to a discharged record only; the form hides them otherwise.
    dischargeDate: discharged ? dateOrNull(values.dischargeDate) : null,
    dischargeReason: discharged ? values.dischargeReason : '',
    dischargeKind: discharged && values.dischargeKind !== '' ? values.dischargeKind : null,
    presentingConcerns: isRichTextEmpty(values.presentingConcerns) ? null : values.presentingConcerns,
    tags: [...values.tags],
    reviewDate: dateOrNull(values.reviewDate),
  };
}

/** A contract field path ("tags.3", "presentingConcerns.content.0") as the form names its control. */
export function formPath(path: string): string {
  const [head = '', second] = path.split('.');
  if (head === 'emergencyContact' && second) return `emergencyContact.${second}`;
  return head;
}

/** Turns field errors keyed by contract paths (from zod or from the service) into form errors. */
export function toFormErrors(fieldErrors: Record<string, string>): FormErrors {
  const errors: FormErrors = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const key = formPath(path);
    if (!(key in errors)) errors[key] = message;
  }
  return errors;
}

/**
 * The same rules the service applies: the contract schema (lengths, email, code format) and the rules
 * that involve several fields or today's date. Each field gets its first problem.
 */
export function validateClientForm(values: ClientFormValues, today: string): FormErrors {
  const unreadable: Record<string, string> = {};
  for (const path of ['dateOfBirth', 'intakeDate', 'reviewDate', 'dischargeDate'] as const) {
    const problem = typedDateProblem(values[path]);
    if (problem) unreadable[path] = problem;
  }
  const fields = formValuesToFields(values);
  const parsed = clientFieldsSchema.safeParse(fields);
  const problems: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      if (!(key in problems)) problems[key] = issue.message;
    }
  }
  const crossField = clientFieldProblems(parsed.success ? parsed.data : fields, today);
  return { ...toFormErrors(crossField), ...toFormErrors(problems), ...unreadable };
}
