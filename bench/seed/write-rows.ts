import type { Insertable } from 'kysely';
import type { MeasureResultsTable } from '../../electron/services/database/schema';
import { isoInstant } from './calendar';
import type { PlannedMeasure } from './plan-types';
import { measureDefinition } from './scores';

/** What the seed's writers share: rows per statement, and a measure result's row. */

export const ROWS_PER_STATEMENT = 200;

export function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export const measureRow = (measure: PlannedMeasure, clientId: string): Insertable<MeasureResultsTable> => {
  const definition = measureDefinition(measure.measureId);
  // As the service stores them: every item of the definition, blank ones as null.
  const responses = Object.fromEntries(definition.items.map((item) => [item.key, measure.score.items[item.key]?.value ?? null]));
  return {
    id: measure.id,
    client_id: clientId,
    session_id: measure.sessionId,
    measure_id: measure.measureId,
    measure_version: measure.measureVersion,
    taken_on: measure.takenOn,
    responses: JSON.stringify(responses),
    total: measure.score.total,
    subscales: JSON.stringify(measure.score.subscales),
    flags: JSON.stringify(measure.score.flags),
    created_at: isoInstant(measure.createdAt),
  };
};
