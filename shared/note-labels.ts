import type { GoalStatus } from './clients';
import type { attendances, goalProgressMarks, modalities, riskLevels, sessionApproaches, sessionTypes } from './notes';

/** Labels for session and note fields. Types only from shared/notes, so no zod comes with them. */
export const MODALITY_LABELS: Record<(typeof modalities)[number], string> = {
  in_person: 'In person',
  video: 'Video',
  phone: 'Phone',
};

export const SESSION_TYPE_LABELS: Record<(typeof sessionTypes)[number], string> = {
  intake: 'Intake',
  individual: 'Individual',
  couple: 'Couple',
  family: 'Family',
  group: 'Group',
};

export const ATTENDANCE_LABELS: Record<(typeof attendances)[number], string> = {
  attended: 'Attended',
  late_cancellation: 'Late cancellation',
  no_show: 'No-show',
};

export const ATTENDANCE_COLORS: Record<(typeof attendances)[number], string> = {
  attended: 'teal',
  late_cancellation: 'yellow',
  no_show: 'orange',
};

export const PROGRESS_LABELS: Record<(typeof goalProgressMarks)[number], string> = {
  worse: 'Worse',
  no_change: 'No change',
  some_progress: 'Some progress',
  achieved: 'Achieved',
};

export const RISK_LABELS: Record<(typeof riskLevels)[number], string> = {
  none: 'None',
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
};

export const RISK_COLORS: Record<(typeof riskLevels)[number], string> = {
  none: 'gray',
  low: 'yellow',
  moderate: 'orange',
  high: 'red',
};

type Approach = (typeof sessionApproaches)[number];

/** In the order a practitioner reads them, from leading to following the client. */
export const APPROACH_LABELS: Record<Approach, string> = {
  directive: 'Directive',
  nondirective: 'Nondirective',
  facilitative: 'Facilitative',
  supportive: 'Supportive',
  task_oriented: 'Task-oriented',
};

/** Lower-case, for sentences and accessible names ("7 Dec 2026: supportive, task-oriented"). */
export const approachWords = (approaches: readonly Approach[]): string => approaches.map((approach) => APPROACH_LABELS[approach].toLowerCase()).join(', ');

/** Two or three letters for the strip under the alliance chart, where a whole word does not fit. */
export const APPROACH_SHORT: Record<Approach, string> = {
  directive: 'Dir',
  nondirective: 'ND',
  facilitative: 'Fac',
  supportive: 'Sup',
  task_oriented: 'Task',
};

/** Mantine colour names, one per approach, told apart by letters too (never by colour alone). */
export const APPROACH_COLORS: Record<Approach, string> = {
  directive: 'indigo',
  nondirective: 'teal',
  facilitative: 'grape',
  supportive: 'orange',
  task_oriented: 'cyan',
};

/** "Mon 15 Jun 2026 · 14:30 · 50 min" style summary parts, leaving out what was not entered. */
export function sessionTimeParts(startTime: string | null, durationMinutes: number | null): string[] {
  const parts: string[] = [];
  if (startTime) parts.push(startTime);
  if (durationMinutes) parts.push(`${durationMinutes} min`);
  return parts;
}

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  active: 'Active',
  achieved: 'Achieved',
  revised: 'Revised',
  discontinued: 'Discontinued',
};
