import { format, parseISO } from 'date-fns';
import type { MeasureDefinition, MeasureKind } from './definition';
import { isConcern } from './scoring';

/** One measured session for one measure, as the alert rules see it. */
export interface MeasurePoint {
  /** The session measured; a result taken outside a session (intake) can pass its own id instead. */
  sessionId: string;
  noteId: string | null;
  date: string;
  total: number | null;
  subscales: Record<string, number | null>;
  /** The practitioner's own "rupture noted" flag on the session's note. */
  ruptureNoted: boolean;
  /** Flag-item messages the result raised (see scoreMeasure). */
  flags: string[];
}

export type AlertKind = 'cutoff' | 'total-drop' | 'subscale-drop' | 'rupture' | 'worsened' | 'flag';
export type AlertSeverity = 'notice' | 'warning' | 'urgent';

export interface MeasureAlert {
  kind: AlertKind;
  measureId: string;
  measureKind: MeasureKind;
  reason: string;
  /** The earlier session compared against (if any), then the latest. */
  sessionIds: string[];
  /** The latest point's date, the day the alert is about. */
  date: string;
  severity: AlertSeverity;
  /** What within the measure the alert is about: a subscale key or a flag message; null for the total. */
  subject: string | null;
}

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
const worsening = (direction: 'up' | 'down', previous: number, latest: number): number =>
  Math.round((direction === 'up' ? latest - previous : previous - latest) * 100) / 100;

/** The most recent point before the latest where `value` was scored; blank results are skipped. */
function previousWith(points: readonly MeasurePoint[], value: (point: MeasurePoint) => number | null): { point: MeasurePoint; value: number } | null {
  for (let i = points.length - 2; i >= 0; i--) {
    const point = points[i];
    const v = point ? value(point) : null;
    if (point && v !== null) return { point, value: v };
  }
  return null;
}

const byDate = (points: readonly MeasurePoint[]): MeasurePoint[] =>
  // Stable: same-day points keep the caller's order.
  points.map((point, i) => ({ point, i })).sort((a, b) => (a.point.date < b.point.date ? -1 : a.point.date > b.point.date ? 1 : a.i - b.i)).map(({ point }) => point);

/**
 * All alerts about a client's latest result on one measure. Points are one client's results on this
 * measure (sorted here by date, oldest first). Alliance: total on the concerning side of the cutoff, a
 * total drop of at least the reliable change, a subscale drop of at least SUBSCALE_DROP, a rupture noted
 * in the latest note. Outcome: a worsening of at least the reliable change. Both: flag items.
 */
export function latestAlerts(definition: MeasureDefinition, points: readonly MeasurePoint[]): MeasureAlert[] {
  const sorted = byDate(points);
  const latest = sorted[sorted.length - 1];
  if (!latest) return [];

  const alerts: MeasureAlert[] = [];
  const when = formatDay(latest.date);
  const direction = worseDirection(definition);
  const verb = direction === 'down' ? 'fell' : 'rose';
  const alert = (kind: AlertKind, severity: AlertSeverity, reason: string, previous: MeasurePoint | null, subject: string | null = null) =>
    alerts.push({
      kind,
      measureId: definition.id,
      measureKind: definition.kind,
      reason,
      sessionIds: previous ? [previous.sessionId, latest.sessionId] : [latest.sessionId],
      date: latest.date,
      severity,
      subject,
    });

  const total = latest.total;
  const previousTotal = total === null ? null : previousWith(sorted, (point) => point.total);
  const changedBy = (reliableChange: number | null): boolean =>
    total !== null && previousTotal !== null && reliableChange !== null && worsening(direction, previousTotal.value, total) >= reliableChange;

  if (definition.kind === 'alliance') {
    const { cutoff } = definition;
    if (cutoff && total !== null && isConcern(cutoff, total)) {
      const side = cutoff.concernWhen === 'below' ? 'below' : 'at or above';
      alert('cutoff', 'warning', `${definition.shortName} total was ${total} on ${when}, ${side} the cutoff of ${cutoff.value}.`, null);
    }
    if (total !== null && previousTotal && changedBy(definition.reliableChange)) {
      alert(
        'total-drop',
        'warning',
        `${definition.shortName} total ${verb} from ${previousTotal.value} to ${total} since ${formatDay(previousTotal.point.date)}.`,
        previousTotal.point,
      );
    }
    for (const subscale of definition.subscales) {
      const value = latest.subscales[subscale.key] ?? null;
      if (value === null) continue;
      const previous = previousWith(sorted, (point) => point.subscales[subscale.key] ?? null);
      if (previous && worsening(direction, previous.value, value) >= SUBSCALE_DROP) {
        alert('subscale-drop', 'notice', `${subscale.label} ${verb} from ${previous.value} to ${value} since ${formatDay(previous.point.date)}.`, previous.point, subscale.key);
      }
    }
    if (latest.ruptureNoted) alert('rupture', 'notice', `A rupture was noted in the session on ${when}.`, null);
  } else if (total !== null && previousTotal && changedBy(definition.reliableChange)) {
    alert(
      'worsened',
      'warning',
      `${definition.shortName} ${verb} from ${previousTotal.value} to ${total} since ${formatDay(previousTotal.point.date)}, a reliable worsening.`,
      previousTotal.point,
    );
  }

  for (const message of latest.flags) alert('flag', 'urgent', `${message} (${definition.shortName}, ${when})`, null, message);

  return alerts;
}

/**
 * A stable name for an alert, so an acknowledgement keeps matching it when alerts are recomputed:
 * what it is about and the latest session, never the wording of the reason.
 */
export function alertKey(alert: Pick<MeasureAlert, 'kind' | 'measureId' | 'sessionIds' | 'subject'>): string {
  const latestSession = alert.sessionIds[alert.sessionIds.length - 1] ?? '';
  return [alert.measureId, alert.kind, latestSession, alert.subject ?? ''].join('|');
}
