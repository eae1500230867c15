import type { Insertable, Selectable } from 'kysely';
import type { ClientFields } from '../../../shared/clients';
import { richTextDocSchema, type RichTextDoc } from '../../../shared/rich-text';
import type { ClientsTable } from '../database/schema';

export type ClientRow = Selectable<ClientsTable>;

/** Column values for the fields the form edits (without id, code and timestamps). */
export function fieldsToColumns(fields: ClientFields): Omit<Insertable<ClientsTable>, 'id' | 'code' | 'created_at' | 'updated_at'> {
  const discharged = fields.status === 'discharged';
  return {
    legal_name: fields.legalName,
    preferred_name: fields.preferredName,
    pronouns: fields.pronouns,
    date_of_birth: fields.dateOfBirth,
    phone: fields.phone,
    email: fields.email,
    address: fields.address,
    emergency_name: fields.emergencyContact.name,
    emergency_relation: fields.emergencyContact.relation,
    emergency_phone: fields.emergencyContact.phone,
    intake_date: fields.intakeDate,
    referral_source: fields.referralSource,
    status: fields.status,
    // Discharge details only mean something while discharged; reactivating clears them.
    discharge_date: discharged ? fields.dischargeDate : null,
    discharge_reason: discharged ? fields.dischargeReason : '',
    discharge_kind: discharged ? fields.dischargeKind : null,
    presenting_concerns: fields.presentingConcerns ? JSON.stringify(fields.presentingConcerns) : null,
    private_remarks: fields.privateRemarks,
    review_date: fields.reviewDate,
  };
}

/** The form's fields as stored, for diffing an update against what is saved. */
export function rowToFields(row: ClientRow, tags: string[]): ClientFields {
  return {
    legalName: row.legal_name,
    preferredName: row.preferred_name,
    pronouns: row.pronouns,
    dateOfBirth: row.date_of_birth,
    code: row.code,
    phone: row.phone,
    email: row.email,
    address: row.address,
    emergencyContact: { name: row.emergency_name, relation: row.emergency_relation, phone: row.emergency_phone },
    intakeDate: row.intake_date,
    referralSource: row.referral_source,
    status: row.status,
    dischargeDate: row.discharge_date,
    dischargeReason: row.discharge_reason,
    dischargeKind: row.discharge_kind,
    presentingConcerns: parseRichText(row.presenting_concerns),
    tags,
    privateRemarks: row.private_remarks,
    reviewDate: row.review_date,
  };
}

function parseRichText(text: string | null): RichTextDoc | null {
  if (text === null) return null;
  try {
    const parsed = richTextDocSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as RichTextDoc) : null;
  } catch {
    return null;
  }
}

/** Names of the form fields whose stored values differ; tags compare as sets, text as written. */
export function changedFields(before: ClientFields, after: ClientFields): string[] {
  const changed: string[] = [];
  const keys = Object.keys(after) as (keyof ClientFields)[];
  for (const key of keys) {
    if (key === 'emergencyContact') {
      for (const part of ['name', 'relation', 'phone'] as const) {
        if (before.emergencyContact[part] !== after.emergencyContact[part]) changed.push(`emergencyContact.${part}`);
      }
    } else if (key === 'tags') {
      const a = [...before.tags].sort().join('\u0000');
      const b = [...after.tags].sort().join('\u0000');
      if (a !== b) changed.push('tags');
    } else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changed.push(key);
    }
  }
  return changed;
}
