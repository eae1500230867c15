/** Table types for Kysely; one interface per table created in migrations/. */
import type { ColumnType, Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

export interface ClientsTable {
  id: string;
  code: string;
  legal_name: string;
  preferred_name: string;
  pronouns: string;
  date_of_birth: string | null;
  phone: string;
  email: string;
  address: string;
  emergency_name: string;
  emergency_relation: string;
  emergency_phone: string;
  intake_date: string | null;
  referral_source: string;
  status: 'active' | 'paused' | 'discharged';
  discharge_date: string | null;
  discharge_reason: string;
  /** Tiptap JSON, or null when empty. */
  presenting_concerns: string | null;
  private_remarks: string;
  review_date: string | null;
  created_at: string;
  updated_at: string;
  /** How a discharged client's therapy ended (migration 0012); null while active or not recorded. */
  discharge_kind: ColumnType<'planned' | 'unplanned' | null, 'planned' | 'unplanned' | null | undefined, 'planned' | 'unplanned' | null>;
}

export interface ClientTagsTable {
  client_id: string;
  tag: string;
}

export interface DiagnosesTable {
  id: string;
  client_id: string;
  code: string;
  label: string;
  date_added: string;
  date_removed: string | null;
  created_at: string;
}

export interface GoalsTable {
  id: string;
  client_id: string;
  text: string;
  objective: string;
  status: 'active' | 'achieved' | 'revised' | 'discontinued';
  date_set: string;
  target_date: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface GoalStatusChangesTable {
  id: Generated<number>;
  goal_id: string;
  from_status: string | null;
  to_status: string;
  effective_date: string;
  recorded_at: string;
}

export interface SessionsTable {
  id: string;
  client_id: string;
  session_date: string;
  created_at: string;
  /** `HH:MM`, local time. */
  start_time: string | null;
  duration_minutes: number | null;
  modality: Generated<'in_person' | 'video' | 'phone'>;
  type: Generated<'intake' | 'individual' | 'couple' | 'family' | 'group'>;
  attendance: Generated<'attended' | 'late_cancellation' | 'no_show'>;
  service_code: Generated<string>;
}

export interface NoteTemplatesTable {
  id: string;
  version: number;
  name: string;
  /** JSON array of template sections. */
  sections: string;
  created_at: string;
}

export interface NotesTable {
  id: string;
  session_id: string;
  client_id: string;
  template_id: string;
  template_version: number;
  /** JSON of the whole template the note was written with. */
  template_json: string;
  status: 'draft' | 'signed';
  /** JSON of NoteContent. */
  content: string;
  /** Tiptap JSON of the private process note, or null. */
  process_note: string | null;
  revision: number;
  saved_at: string;
  signed_at: string | null;
  signer_name: string | null;
  signer_credentials: string | null;
  content_hash: string | null;
  /**
   * The note's key for life. Up to migration 0003 its rowid in search_index; since 0004 its parts' rows
   * are at rowids derived from it (see note-search-parts.ts).
   */
  search_rowid: number;
  created_at: string;
}

export interface NoteAddendaTable {
  id: string;
  note_id: string;
  /** Tiptap JSON. */
  text: string;
  signed_at: string;
  signer_name: string;
  signer_credentials: string;
  hash: string;
  /** A correction, or the addendum that voided its note (migration 0008). */
  kind: Generated<'correction' | 'void'>;
}

export interface NoteGoalProgressTable {
  note_id: string;
  goal_id: string;
  progress: 'worse' | 'no_change' | 'some_progress' | 'achieved';
}

export interface ActivityLogTable {
  seq: Generated<number>;
  at: string;
  action: string;
  record_type: string;
  record_id: string;
  client_id: string | null;
  /** JSON array of field names; never values. */
  fields: string;
  prev_hash: string;
  hash: string;
  /**
   * Canonical JSON of a small object (the hash a signature recorded, a measure name, a session date;
   * never values or note text), or null. Added by 0009; older entries have none.
   */
  detail: ColumnType<string | null, string | null | undefined, never>;
}

export interface SearchIndexTable {
  rowid?: number;
  kind: string;
  record_id: string;
  client_id: string | null;
  title: string;
  body: string;
}

/**
 * What search_index indexes (an external-content FTS5 table): the app writes here, triggers fold the text
 * and keep the index in step. Notes have negative ids (one row per part), clients and goals positive ones.
 */
export interface SearchContentTable {
  id: number;
  kind: string;
  record_id: string;
  client_id: string;
  title: string;
  body: string;
}

/** The rowids of the client and goal rows of search_index, by client. */
export interface SearchIndexClientRowsTable {
  fts_rowid: number;
  client_id: string;
}

export interface MeasureDefinitionsTable {
  id: string;
  version: number;
  definition: string;
  created_at: string;
}

export interface MeasureResultsTable {
  id: string;
  client_id: string;
  session_id: string | null;
  measure_id: string;
  measure_version: number;
  taken_on: string;
  responses: string;
  total: number | null;
  subscales: string;
  flags: string;
  created_at: string;
  /** A late entry: the addendum to a signed session's note it was entered with (migration 0008). */
  addendum_id: string | null;
  /** A result struck out as recorded in error: the addendum that struck it, and why. */
  struck_addendum_id: string | null;
  struck_reason: string | null;
}

export interface AlertAcknowledgementsTable {
  id: string;
  client_id: string;
  alert_key: string;
  note: string;
  acknowledged_at: string;
}

/** Alerts derived from a client's history (migration 0010); open while no acknowledgement has their key. */
export interface AlertEventsTable {
  id: string;
  client_id: string;
  alert_key: string;
  kind: string;
  measure_id: string;
  measure_name: string;
  rater: string;
  severity: string;
  reason: string;
  event_date: string;
  /** JSON: [{ sessionId, noteId, date }]. */
  sessions: string;
  subject: string | null;
  raised_at: string;
}

export interface BackupHistoryTable {
  id: string;
  kind: 'manual' | 'automatic';
  created_at: string;
  folder: string;
  file_name: string;
  file_bytes: number;
  database_bytes: number;
  file_sha256: string;
  /** JSON: table name → rows. */
  counts: string;
  verified_at: string | null;
}

/** Clients being erased, listed only within the erasure's transaction (migration 0008). */
export interface ClientErasuresTable {
  client_id: string;
}

export interface MedicationsTable {
  id: string;
  client_id: string;
  name: string;
  created_at: string;
}

export interface MedicationEventsTable {
  id: string;
  medication_id: string;
  client_id: string;
  kind: string;
  event_date: string;
  reason: string;
  dose: string;
  form_route: string;
  schedule: string;
  as_needed: number;
  doses_per_day: number | null;
  prescriber: string;
  prescriber_name: string;
  indication: string;
  session_id: string | null;
  note_id: string | null;
  seq: number;
  recorded_at: string;
}

export interface AllergiesTable {
  id: string;
  client_id: string;
  substance: string;
  reaction: string;
  kind: string;
  recorded_on: string;
  removed_on: string | null;
  removed_reason: string | null;
  created_at: string;
}

/** The session frequency agreed with a client (migration 0012). */
export interface FollowUpPlansTable {
  client_id: string;
  frequency: 'weekly' | 'fortnightly' | 'monthly' | 'every_n_days' | 'as_needed';
  every_days: number | null;
  agreed_on: string;
  updated_at: string;
}

/** A no-show or late cancellation: an attendance record, not a session (migration 0012). */
export interface AttendanceRecordsTable {
  id: string;
  client_id: string;
  record_date: string;
  start_time: string | null;
  kind: 'no_show' | 'late_cancellation';
  remark: string;
  created_at: string;
}

export interface AppointmentsTable {
  id: string;
  client_id: string;
  appointment_date: string;
  /** `HH:MM`, local time. */
  start_time: string;
  duration_minutes: number;
  place: 'in_person' | 'video' | 'phone';
  series_id: string | null;
  session_id: string | null;
  attendance_id: string | null;
  created_at: string;
}

/** Outreach and contacts between sessions (migration 0012). */
export interface ContactsTable {
  id: string;
  client_id: string;
  contact_date: string;
  start_time: string | null;
  kind: 'phone' | 'message' | 'letter' | 'email' | 'other';
  direction: 'to_client' | 'from_client' | 'with_professional';
  professional: string;
  note: string;
  created_at: string;
}

export interface VaultSchema {
  settings: SettingsTable;
  schema_migrations: SchemaMigrationsTable;
  clients: ClientsTable;
  client_tags: ClientTagsTable;
  diagnoses: DiagnosesTable;
  goals: GoalsTable;
  goal_status_changes: GoalStatusChangesTable;
  sessions: SessionsTable;
  note_templates: NoteTemplatesTable;
  notes: NotesTable;
  note_addenda: NoteAddendaTable;
  note_goal_progress: NoteGoalProgressTable;
  activity_log: ActivityLogTable;
  search_index: SearchIndexTable;
  search_content: SearchContentTable;
  search_index_client_rows: SearchIndexClientRowsTable;
  follow_up_plans: FollowUpPlansTable;
  attendance_records: AttendanceRecordsTable;
  appointments: AppointmentsTable;
  contacts: ContactsTable;
  measure_definitions: MeasureDefinitionsTable;
  measure_results: MeasureResultsTable;
  alert_acknowledgements: AlertAcknowledgementsTable;
  alert_events: AlertEventsTable;
  backup_history: BackupHistoryTable;
  client_erasures: ClientErasuresTable;
  medications: MedicationsTable;
  medication_events: MedicationEventsTable;
  allergies: AllergiesTable;
}
