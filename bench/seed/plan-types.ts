import type { ClientFields, GoalStatus } from '../../shared/clients';
import type { Appointment, AttendanceRecord, Contact, FollowUpPlan } from '../../shared/engagement';
import type { MedicationReview } from '../../shared/medication-review';
import type { Allergy, MedicationEventKind, Regimen } from '../../shared/medications';
import type { MeasureScore } from '../../shared/measures';
import type { NoteTemplate } from '../../shared/note-templates';
import type { GoalProgressMark, RiskLevel, SessionFields } from '../../shared/notes';
import type { PersonName } from './names';
import type { Pronoun } from './note-content';
import type { Ending } from './people';
import type { Rng } from './prng';
import type { ClinicalProfile } from './profiles';
import type { ClientRole, Rhythm } from './schedule';
import type { OutcomeCourseModel } from './scores';

/** The shapes of a planned practice (practice-plan.ts): what is decided before anything is written. */

export interface PlannedGoal {
  id: string;
  text: string;
  objective: string;
  position: number;
  dateSet: string;
  targetDate: string | null;
  createdAt: number;
  status: GoalStatus;
  updatedAt: number;
  history: { from: GoalStatus | null; to: GoalStatus; date: string; at: number }[];
  /** Sessions (by index) in which a note may mark progress on it, and the session where it ended, if any. */
  firstSession: number;
  endSession: number | null;
}

export interface PlannedDiagnosis {
  id: string;
  code: string;
  label: string;
  dateAdded: string;
  dateRemoved: string | null;
  createdAt: number;
  removedAt: number | null;
}

export interface PlannedMeasure {
  id: string;
  measureId: string;
  measureVersion: number;
  takenOn: string;
  responses: Record<string, number>;
  score: MeasureScore;
  createdAt: number;
  sessionId: string | null;
}

export interface PlannedSession {
  client: PlannedClient;
  index: number;
  id: string;
  noteId: string;
  /** The note's key for life (search rows derive from it): creation order across the practice. */
  noteKey: number;
  fields: SessionFields;
  createdAt: number;
  template: NoteTemplate;
  status: 'draft' | 'signed';
  /** A draft whose later sections are still empty. */
  unfinished: boolean;
  signedAt: number | null;
  savedAt: number;
  revision: number;
  rupture: boolean;
  /** A repair of a rupture was worked on (notes with a Bond section only). */
  repaired: boolean;
  risk: RiskLevel;
  measures: PlannedMeasure[];
  goalMarks: { goalId: string; text: string; progress: GoalProgressMark }[];
  addendum: { id: string; at: number } | null;
  processNote: boolean;
  nextAppointment: string | null;
  /** A medication-management visit's review (with the changes decided in it, when signed). */
  medicationReview: MedicationReview | null;
  /** The stream this session's note text is drawn from. */
  rng: Rng;
}

export interface PlannedClient {
  index: number;
  role: ClientRole;
  id: string;
  code: string;
  name: PersonName;
  pronoun: Pronoun;
  profile: ClinicalProfile;
  ending: Ending;
  fields: ClientFields;
  createdAt: number;
  updatedAt: number;
  /** Pause or discharge after the last session: when, and the form fields it changed. */
  statusChange: { at: number; before: ClientFields } | null;
  rhythm: Rhythm;
  template: NoteTemplate;
  goals: PlannedGoal[];
  diagnoses: PlannedDiagnosis[];
  /** Questionnaires filled in before the first session, not tied to a session. */
  intakeMeasures: PlannedMeasure[];
  sessions: PlannedSession[];
  outcome: OutcomeCourseModel;
  medications: PlannedMedication[];
  allergies: PlannedAllergy[];
  engagement: PlannedEngagement;
}

/** Follow-up records as the engagement service stores them (plan-engagement.ts). */
export interface PlannedEngagement {
  plan: FollowUpPlan | null;
  appointments: Appointment[];
  missed: AttendanceRecord[];
  contacts: Contact[];
}

export interface PlannedMedicationEvent {
  id: string;
  kind: MedicationEventKind;
  date: string;
  reason: string;
  regimen: Regimen;
  /** The visit it was decided in (applied when its note was signed), or null when entered on the list. */
  sessionId: string | null;
  noteId: string | null;
  at: number;
}

export interface PlannedMedication {
  id: string;
  name: string;
  events: PlannedMedicationEvent[];
}

export interface PlannedAllergy extends Omit<Allergy, 'clientId'> {
  createdAt: number;
  /** When the removal was recorded. */
  removedAt: number | null;
}

export interface PracticePlan {
  seed: number;
  /** In the order they were created (codes count up in this order). */
  clients: PlannedClient[];
  /** Every session, in the order they were recorded. */
  sessions: PlannedSession[];
  signer: { name: string; credentials: string };
  practice: { practiceName: string; licenceNumber: string; practiceContact: string };
}
