import type { ChartSeriesInput } from '../../../shared/measures';
import type { SessionApproach, SessionApproachRow } from '../../../shared/notes';

/** One session on the alliance chart: its approaches and the bond score (or total) it went with. */
export interface StripCell {
  key: string;
  date: string;
  approaches: SessionApproach[];
  /** The Bond subscale when the measure has one (SAC, WAI-SR), else the total. */
  score: number | null;
}

/**
 * The strip's cells, one per session the chart shows, oldest first (left to right, as the chart):
 * each point's session is looked up by id, and a result recorded on its own by its date.
 */
export function stripCells(series: readonly ChartSeriesInput[], sessions: readonly SessionApproachRow[]): { cells: StripCell[]; scoreLabel: string } {
  const scoreLine = series.find((line) => line.key === 'bond') ?? series.find((line) => line.key === 'total') ?? series[0];
  const bySession = new Map(sessions.map((row) => [row.sessionId, row]));
  const cells = new Map<string, StripCell>();
  for (const point of scoreLine?.points ?? []) {
    const row = bySession.get(point.sessionId);
    const approaches = row?.approaches ?? [...new Set(sessions.filter((other) => other.date === point.date).flatMap((other) => other.approaches))];
    const key = `${point.date}|${point.sessionId}`;
    if (!cells.has(key)) cells.set(key, { key, date: point.date, approaches, score: point.value });
  }
  const ordered = [...cells.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { cells: ordered, scoreLabel: scoreLine?.key === 'bond' ? 'Bond' : 'Total' };
}
