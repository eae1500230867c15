import type { ActivityAction, ClientStatus, GoalStatus } from '../../../shared/clients';
import { CONTACT_KIND_LABELS, FREQUENCY_WORDS, MISSED_LABELS } from '../../../shared/engagement-labels';
import { MODALITY_LABELS } from '../../../shared/note-labels';

/**
 * Labels and formats for client screens. Only types and zod-free label modules come from shared/ here,
 * so this module adds no zod to whichever bundle imports it.
 */
export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  discharged: 'Discharged',
};

export const CLIENT_STATUS_COLORS: Record<ClientStatus, string> = {
  active: 'teal',
  paused: 'yellow',
  discharged: 'gray',
};

export { GOAL_STATUS_LABELS } from '../../../shared/note-labels';

export const GOAL_STATUS_COLORS: Record<GoalStatus, string> = {
  active: 'blue',
  achieved: 'teal',
  revised: 'violet',
  discontinued: 'gray',
};

export const ACTIVITY_ACTION_LABELS: Record<ActivityAction, string> = {
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
  erase: 'Permanently deleted',
  sign: 'Signed',
  void: 'Voided',
  strike: 'Struck out',
  export: 'Exported',
  restore: 'Restored',
};

const RECORD_LABELS: Record<string, string> = {
  client: 'Client record',
  goal: 'Goal',
  diagnosis: 'Diagnosis',
  note: 'Session note',
  session: 'Session',
  addendum: 'Addendum',
  measure: 'Measure',
  alert: 'Alert',
  summary: 'Progress summary',
  data: 'Data export',
  vault: 'Vault',
  medication: 'Medication',
  allergy: 'Allergy',
  follow_up: 'Session frequency',
  appointment: 'Appointment',
  attendance: 'Missed session',
  contact: 'Contact between sessions',
};

const FIELD_LABELS: Record<string, string> = {
  legalName: 'Legal name',
  preferredName: 'Preferred name',
  pronouns: 'Pronouns',
  dateOfBirth: 'Date of birth',
  code: 'Client code',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  emergencyContact: 'Emergency contact',
  'emergencyContact.name': 'Emergency contact name',
  'emergencyContact.relation': 'Relation',
  'emergencyContact.phone': 'Emergency contact phone',
  intakeDate: 'Intake date',
  referralSource: 'Referral source',
  status: 'Status',
  dischargeDate: 'Discharge date',
  dischargeReason: 'Discharge reason',
  presentingConcerns: 'Presenting concerns',
  tags: 'Tags',
  privateRemarks: 'Private remarks',
  reviewDate: 'Plan review date',
  text: 'Goal text',
  objective: 'Objective',
  targetDate: 'Target date',
  dateSet: 'Date set',
  dateAdded: 'Date added',
  dateRemoved: 'Date removed',
  label: 'Diagnosis',
  date: 'Date',
  startTime: 'Start time',
  durationMinutes: 'Length',
  modality: 'Modality',
  type: 'Type',
  attendance: 'Attendance',
  serviceCode: 'Service code',
  removedOn: 'Date removed',
  removedReason: 'Reason removed',
  frequency: 'Frequency',
  dischargeKind: 'Planned or unplanned ending',
  names: 'Client names',
  codes: 'Client codes',
};

/** What an entry's `kind` means for each record type: never content, only a word from a fixed list. */
const KIND_WORDS: Record<string, Record<string, string>> = {
  follow_up: FREQUENCY_WORDS,
  appointment: Object.fromEntries(Object.entries(MODALITY_LABELS).map(([key, label]) => [key, label.toLowerCase()])),
  attendance: Object.fromEntries(Object.entries(MISSED_LABELS).map(([key, label]) => [key, label.toLowerCase()])),
  contact: Object.fromEntries(Object.entries(CONTACT_KIND_LABELS).map(([key, label]) => [key, label.toLowerCase()])),
};

/** An entry's kind in words ("weekly", "video", "no-show", "phone"); unknown kinds as they are stored. */
export const activityKindWords = (recordType: string, kind: string): string => KIND_WORDS[recordType]?.[kind] ?? humanize(kind).toLowerCase();

const COUNTED: Record<string, readonly [one: string, many: string]> = { appointment: ['appointment', 'appointments'] };

/** "3 appointments", "1 record" (a client import says its count itself). */
export function activityCountWords(recordType: string, count: number): string {
  const [one, many] = COUNTED[recordType] ?? ['record', 'records'];
  return `${count} ${count === 1 ? one : many}`;
}

/** "reviewDate" → "Review date" for names this file does not know yet. */
function humanize(name: string): string {
  const words = name
    .replace(/[._-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const recordTypeLabel = (recordType: string): string => RECORD_LABELS[recordType] ?? humanize(recordType);
export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? humanize(field);

/** "34 years", "1 year", "Under 1 year". */
export function formatAge(years: number): string {
  if (years < 1) return 'Under 1 year';
  return years === 1 ? '1 year' : `${years} years`;
}
