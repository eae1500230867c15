import type { CaseloadMeasure, CaseloadOutcomes, CaseloadPeriod, ChangeClass, ClientRef, EarlyAlliance } from './caseload';
import type { FieldProblems } from './clients';
import { worseDirection, worsening } from './measures/alerts';
import type { MeasureDefinition } from './measures/definition';
import { isConcern } from './measures/scoring';

/**
 * Caseload outcomes: how each client's first and latest scores compare (reliable change, recovery), and
 * the period's numbers put together from the facts the read model gathers. The service and the bench's
 * raw baseline both feed these, so they can only differ in how the facts were read.
 */

/**
 * A client's change on one measure, first score against latest. Improved: moved by at least the
 * measure's reliable change in the good direction; recovered: improved and crossed the cutoff, from its
 * concerning side to the other; deteriorated: moved by at least the reliable change in the bad
 * direction; anything less is unchanged. Null for a measure without an established reliable change.
 */
export function classifyChange(definition: MeasureDefinition, firstTotal: number, latestTotal: number): ChangeClass | null {
  const threshold = definition.reliableChange;
  if (threshold === null) return null;
  // Rounded to hundredths, so a tenth-step total (ORS 25.3 → 20.3) meets a threshold it equals.
  const worse = worsening(worseDirection(definition), firstTotal, latestTotal);
  if (worse >= threshold) return 'deteriorated';
  if (-worse < threshold) return 'unchanged';
  const crossed = isConcern(definition.cutoff, firstTotal) && !isConcern(definition.cutoff, latestTotal);
  return crossed ? 'recovered' : 'improved';
}

/** The period's form rule: its end is not before its start. */
export function periodProblems(period: CaseloadPeriod): FieldProblems {
  return period.to < period.from ? { to: 'The end of the period is before its start. Choose a later end date.' } : {};
}

/** A client with a count of something (sessions, missed sessions). */
export interface ClientCount extends ClientRef {
  count: number;
}

/** What the read model gathers for one period; every row carries the client's code. */
export interface CaseloadFacts {
  /** Per client: attended, not voided sessions in the period. */
  attended: ClientCount[];
  /** Per client: missed sessions in the period (attendance records and older no-show or late-cancelled sessions, not voided). */
  missed: ClientCount[];
  /** Clients discharged in the period, with how their therapy ended. */
  discharged: (ClientRef & { kind: 'planned' | 'unplanned' | null })[];
  /**
   * Per client and outcome measure with at least two counted, scored results, the latest in the period:
   * the first result ever and the latest.
   */
  outcomePairs: (ClientRef & { measureId: string; first: number; latest: number })[];
  /** Per client and alliance measure: the totals recorded in the client's third attended, not voided session, first entered first. */
  thirdSessionAlliance: (ClientRef & { measureId: string; total: number })[];
}

/** Codes in order, then ids, so every list reads the same on every screen. */
const byCode = (a: ClientRef, b: ClientRef): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0);

/** Distinct clients, by code; the input may hold one client several times. */
export function clientList(rows: readonly ClientRef[]): ClientRef[] {
  const seen = new Map<string, ClientRef>();
  for (const { clientId, code } of rows) if (!seen.has(clientId)) seen.set(clientId, { clientId, code });
  return [...seen.values()].sort(byCode);
}

const sum = (rows: readonly ClientCount[]): number => rows.reduce((total, row) => total + row.count, 0);
const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/** One outcome measure's clients sorted by how they changed; null when it has no reliable change or no client. */
export function measureOutcome(definition: MeasureDefinition, pairs: CaseloadFacts['outcomePairs']): CaseloadMeasure | null {
  if (definition.reliableChange === null) return null;
  const own = pairs.filter((pair) => pair.measureId === definition.id);
  if (own.length === 0) return null;
  const classes: Record<ChangeClass, ClientRef[]> = { recovered: [], improved: [], unchanged: [], deteriorated: [] };
  for (const pair of own) {
    const change = classifyChange(definition, pair.first, pair.latest);
    if (change === null) continue;
    classes[change].push(pair);
    // Recovered is a kind of improved: the improved list holds both.
    if (change === 'recovered') classes.improved.push(pair);
  }
  return {
    measureId: definition.id,
    name: definition.name,
    reliableChange: definition.reliableChange,
    cutoff: definition.cutoff?.value ?? null,
    clients: clientList(own),
    recovered: clientList(classes.recovered),
    improved: clientList(classes.improved),
    unchanged: clientList(classes.unchanged),
    deteriorated: clientList(classes.deteriorated),
  };
}

/**
 * Per alliance measure, the mean total at session 3 of the clients who reliably improved on any outcome
 * measure, against the other clients whose outcomes were measured; a group with no such total has a
 * null mean. Measures no measured client has a session-3 total of are left out.
 */
export function earlyAlliance(allianceMeasures: readonly MeasureDefinition[], measures: readonly CaseloadMeasure[], thirdSession: CaseloadFacts['thirdSessionAlliance']): EarlyAlliance[] {
  const measured = new Set(measures.flatMap((measure) => measure.clients.map((client) => client.clientId)));
  const improved = new Set(measures.flatMap((measure) => measure.improved.map((client) => client.clientId)));
  const out: EarlyAlliance[] = [];
  for (const definition of allianceMeasures) {
    // A measure taken twice in that session counts once: the first entry.
    const first = new Map<string, CaseloadFacts['thirdSessionAlliance'][number]>();
    for (const row of thirdSession) if (row.measureId === definition.id && measured.has(row.clientId) && !first.has(row.clientId)) first.set(row.clientId, row);
    const rows = [...first.values()];
    if (rows.length === 0) continue;
    const group = (inGroup: boolean) => {
      const own = rows.filter((row) => improved.has(row.clientId) === inGroup);
      return { mean: mean(own.map((row) => row.total)), clients: clientList(own) };
    };
    out.push({ measureId: definition.id, name: definition.name, improved: group(true), notImproved: group(false) });
  }
  return out;
}

/** The whole view for a period, from its facts and the current measure definitions (in display order). */
export function caseloadOutcomes(period: CaseloadPeriod, facts: CaseloadFacts, definitions: readonly MeasureDefinition[]): CaseloadOutcomes {
  const attended = sum(facts.attended);
  const missed = sum(facts.missed);
  const measures = definitions
    .filter((definition) => definition.kind === 'outcome')
    .map((definition) => measureOutcome(definition, facts.outcomePairs))
    .filter((measure): measure is CaseloadMeasure => measure !== null);
  const endedAs = (kind: 'planned' | 'unplanned' | null) => clientList(facts.discharged.filter((client) => client.kind === kind));
  return {
    period: { from: period.from, to: period.to },
    activeClients: clientList(facts.attended),
    sessionsHeld: { count: attended, clients: clientList(facts.attended) },
    attendance: { attended, missed, rate: attended + missed === 0 ? null : attended / (attended + missed), missedClients: clientList(facts.missed) },
    dropOuts: endedAs('unplanned'),
    plannedEndings: endedAs('planned'),
    endingsNotRecorded: endedAs(null),
    measures,
    earlyAlliance: earlyAlliance(
      definitions.filter((definition) => definition.kind === 'alliance'),
      measures,
      facts.thirdSessionAlliance,
    ),
  };
}
