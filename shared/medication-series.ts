import { z } from 'zod';
import { isoDateSchema } from './clients';
import { dosesTakenShare, sideEffectBurden, type MedicationReview } from './medication-review';
import { medicationEventKinds, medicationEventWords, type Medication, type MedicationEvent, type Regimen } from './medications';
import type { ChartPanelInput } from './measures/chart-stack';

/**
 * Adherence beside the alliance: from a client's medications and the reviews of their signed notes,
 * a line per medication of the share of doses taken, a side-effect burden line, and a marker for every
 * start, change, stop and restart, drawn on every chart of the Measures tab. Pure, so the tab, the
 * bench and any other drawer compute the same picture.
 */

const pointSchema = z.strictObject({
  date: isoDateSchema,
  value: z.number().nullable(),
  sessionId: z.string(),
  noteId: z.string().nullable(),
  rupture: z.boolean(),
});
const seriesSchema = z.strictObject({ key: z.string(), label: z.string(), points: z.array(pointSchema) });

export const medicationMarkerSchema = z.strictObject({
  date: isoDateSchema,
  medicationId: z.string(),
  kind: z.enum(medicationEventKinds),
  /** "Sertraline: dose changed 50 mg → 100 mg (little effect at the lower dose)": tooltip and accessible name. */
  text: z.string(),
  /** The session the change was decided in, when it came from a signed note's review. */
  sessionId: z.string().nullable(),
  noteId: z.string().nullable(),
});

export const medicationChartSchema = z.strictObject({
  /** One line per medication with at least one share: percent of the doses due in the last 7 days that were taken. */
  adherence: z.array(seriesSchema),
  /** The side-effect burden of each review that rated any side effect; null when none did. */
  burden: seriesSchema.nullable(),
  /** Every medication event, oldest first. */
  markers: z.array(medicationMarkerSchema),
});

export type MedicationMarker = z.output<typeof medicationMarkerSchema>;
export type MedicationChart = z.output<typeof medicationChartSchema>;

/** A signed, not voided note's review with its session. */
export interface ReviewForChart {
  sessionId: string;
  noteId: string;
  date: string;
  review: Pick<MedicationReview, 'items'>;
}

export const BURDEN_KEY = 'side-effect-burden';
export const adherenceKey = (medicationId: string): string => `adherence-${medicationId}`;

/** The schedule in words, with "as needed". */
const scheduleWords = (regimen: Regimen): string => [regimen.schedule, regimen.asNeeded ? 'as needed' : ''].filter(Boolean).join(', ') || 'no schedule given';

/** What an event changed, in words after its kind: "50 mg → 100 mg", "started 50 mg". */
function changeWords(event: MedicationEvent, before: MedicationEvent | undefined): string {
  const kind = medicationEventWords[event.kind].toLowerCase();
  switch (event.kind) {
    case 'start':
    case 'restart':
      return `${kind} ${event.regimen.dose}`;
    case 'dose_change':
      return `${kind} ${before ? `${before.regimen.dose} → ` : ''}${event.regimen.dose}`;
    case 'schedule_change':
      return `${kind} ${before ? `${scheduleWords(before.regimen)} → ` : ''}${scheduleWords(event.regimen)}`;
    case 'stop':
      return kind;
  }
}

/** "Sertraline: dose changed 50 mg → 100 mg (little effect at the lower dose)". */
export function medicationEventText(name: string, event: MedicationEvent, before: MedicationEvent | undefined): string {
  const reason = event.reason.trim();
  return `${name}: ${changeWords(event, before)}${reason ? ` (${reason})` : ''}`;
}

/** Names as the legend shows them: a name two medications share gets a number, so no two lines are named alike. */
function labelsOf(medications: readonly Pick<Medication, 'id' | 'name'>[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const { name } of medications) counts.set(name, (counts.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return new Map(
    medications.map(({ id, name }) => {
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      return [id, (counts.get(name) ?? 0) > 1 ? `${name} (${n})` : name];
    }),
  );
}

/**
 * The regimen a review's adherence is measured against: the latest event on or before the session,
 * leaving out the changes this very note decided (they apply from the visit on, not to the week before).
 */
function regimenAt(history: readonly MedicationEvent[], review: ReviewForChart): Regimen | null {
  let found: Regimen | null = null;
  for (const event of history) if (event.date <= review.date && event.noteId !== review.noteId) found = event.regimen;
  return found;
}

/** Percent with one decimal (6 of 7 doses is 85.7): what the chart and its tooltip show. */
const percent = (share: number): number => Math.round(share * 1000) / 10;

export function medicationChart(medications: readonly Pick<Medication, 'id' | 'name' | 'history'>[], reviews: readonly ReviewForChart[]): MedicationChart {
  const labels = labelsOf(medications);
  const adherence = medications.flatMap((medication) => {
    const points = reviews.flatMap((entry) => {
      const item = entry.review.items.find((candidate) => candidate.medicationId === medication.id);
      const share = item ? dosesTakenShare(item, regimenAt(medication.history, entry)?.dosesPerDay ?? null) : null;
      return share === null ? [] : [{ date: entry.date, value: percent(share), sessionId: entry.sessionId, noteId: entry.noteId, rupture: false }];
    });
    return points.length === 0 ? [] : [{ key: adherenceKey(medication.id), label: `${labels.get(medication.id)}, doses taken`, points }];
  });
  const rated = reviews.filter((entry) => entry.review.items.some((item) => item.sideEffects.length > 0));
  const burden =
    rated.length === 0
      ? null
      : {
          key: BURDEN_KEY,
          label: 'Side-effect burden',
          points: rated.map((entry) => ({ date: entry.date, value: sideEffectBurden(entry.review), sessionId: entry.sessionId, noteId: entry.noteId, rupture: false })),
        };
  const markers = medications
    .flatMap((medication) =>
      medication.history.map((event, i) => ({
        date: event.date,
        medicationId: medication.id,
        kind: event.kind,
        text: medicationEventText(labels.get(medication.id) ?? medication.name, event, medication.history[i - 1]),
        sessionId: event.sessionId,
        noteId: event.noteId,
      })),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
  return { adherence, burden, markers };
}

/** The burden axis runs to at least three severe side effects, so one mild one does not fill the panel. */
export const BURDEN_AXIS_MIN = 9;

export type MedicationPanel = Omit<ChartPanelInput, 'height'> & { key: 'adherence' | 'burden'; title: string; yTitle: string };

/** The chart as panels on their own axes: doses taken (0–100 %) above, side-effect burden below. */
export function medicationPanels(chart: Pick<MedicationChart, 'adherence' | 'burden'>): MedicationPanel[] {
  const panels: MedicationPanel[] = [];
  if (chart.adherence.length > 0) {
    panels.push({ key: 'adherence', title: 'Doses taken in the 7 days before each visit', yTitle: 'Taken (%)', yDomain: [0, 100], series: chart.adherence, cutoff: null, bands: [] });
  }
  if (chart.burden) {
    const highest = Math.max(0, ...chart.burden.points.map((point) => point.value ?? 0));
    panels.push({
      key: 'burden',
      title: 'Side-effect burden (mild 1, moderate 2, severe 3, added up)',
      yTitle: 'Burden',
      yDomain: [0, Math.max(BURDEN_AXIS_MIN, highest)],
      series: [chart.burden],
      cutoff: null,
      bands: [],
    });
  }
  return panels;
}

/** The first day the chart has anything on, for the tab's "All" range; null when empty. */
export function firstMedicationDate(chart: MedicationChart): string | null {
  const dates = [...chart.markers.map((marker) => marker.date), ...chart.adherence.flatMap((line) => line.points.map((point) => point.date)), ...(chart.burden?.points.map((point) => point.date) ?? [])];
  return dates.length === 0 ? null : dates.reduce((a, b) => (a < b ? a : b));
}
