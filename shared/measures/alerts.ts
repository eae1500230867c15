import { format, parseISO } from 'date-fns';
import type { MeasureDefinition, Rater } from './definition';

export type AlertKind = 'cutoff' | 'total-drop' | 'subscale-drop' | 'rupture' | 'worsened' | 'flag' | 'divergence' | 'adherence' | 'side-effect' | 'engagement';
export type AlertSeverity = 'notice' | 'warning' | 'urgent';

/**
 * One alert, derived from a client's history: about one result (or one session's note), and kept
 * (as a stored event) until that basis disappears. Its key names what it is about, never its wording,
 * so an acknowledgement keeps matching it while the reason text grows a later value.
 */
export interface AlertEvent {
  key: string;
  kind: AlertKind;
  /** The measure it is about; 'note' for a rupture flagged in a session note, 'medication' for a medication review. */
  measureId: string;
  /** The measure's short name, 'Session note' or 'Medication review'. */
  measureName: string;
  /** Who rated what the alert is about: the measure's rater; the practitioner for a note or a divergence. */
  rater: Rater;
  severity: AlertSeverity;
  reason: string;
  /** The day of the result (or session) the alert is about. */
  date: string;
  /** The sessions involved, the one the alert is about last; a result without a session stands for itself. */
  sessions: AlertSession[];
  /**
   * What within the measure: a subscale key, a flag message, 'gap' or 'widening'; a medication's id (with
   * `:side effect` for a side effect); null for the total.
   */
  subject: string | null;
}

export interface AlertSession {
  sessionId: string;
  noteId: string | null;
  date: string;
}

/** Most urgent first, then the newest, then by key: one order for screens, storage and tests. */
export const SEVERITY_RANK: Record<AlertSeverity, number> = { urgent: 0, warning: 1, notice: 2 };
export const byUrgency = (a: Pick<AlertEvent, 'severity' | 'date' | 'key'>, b: Pick<AlertEvent, 'severity' | 'date' | 'key'>): number =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.date.localeCompare(a.date) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** A drop of this much in one alliance subscale is worth a look, whatever the measure. */
export const SUBSCALE_DROP = 2;

/** Calendar days read and printed in the computer's own zone, so 12 March stays 12 March everywhere. */
export const formatDay = (isoDate: string): string => format(parseISO(isoDate), 'd MMMM yyyy');

/**
 * Which way is worse: a concern-above measure (PHQ-9) worsens going up, concern-below (ORS, SRS) going
 * down. Without a cutoff, alliance measures are assumed higher-is-better and outcome measures are
 * assumed to count symptoms (higher is worse).
 */
export function worseDirection(definition: MeasureDefinition): 'up' | 'down' {
  if (definition.cutoff) return definition.cutoff.concernWhen === 'above' ? 'up' : 'down';
  return definition.kind === 'alliance' ? 'down' : 'up';
}

/** How much worse `latest` is than `previous` (positive = worse). */
export const worsening = (direction: 'up' | 'down', previous: number, latest: number): number =>
  Math.round((direction === 'up' ? latest - previous : previous - latest) * 100) / 100;

/**
 * A stable name for an alert, so an acknowledgement keeps matching it when alerts are recomputed:
 * measure, kind, the session of the result it is about and its subject, never the wording of the reason.
 * (The format acknowledgements made before alerts were stored used; they keep matching.)
 */
export const alertKey = (measureId: string, kind: AlertKind, sessionId: string, subject: string | null): string =>
  [measureId, kind, sessionId, subject ?? ''].join('|');

/**
 * The measure and who rated it, for an alert's reason: "client-rated Session Alliance Check". The
 * built-in pairs say the rater in their names' brackets, which the rater word then replaces.
 */
export function ratedName(definition: Pick<MeasureDefinition, 'name' | 'rater'>): string {
  const name = definition.name.replace(/\s*\((client|clinician)\)\s*$/i, '').trim();
  return `${definition.rater}-rated ${name}`;
}
