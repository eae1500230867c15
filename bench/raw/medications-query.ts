import { medicationChart, type MedicationChart } from '../../shared/medication-series';
import { medicationReviewSchema } from '../../shared/medication-review';
import type { Medication, MedicationEvent } from '../../shared/medications';
import { medicationEventOf, type MedicationEventRow } from '../../electron/services/medications/medication-events.repository';
import type { Prepare } from './statements';

/* A client's medication chart (the Measures tab's adherence lines and change markers), hand-written. */

export function rawMedicationChart(stmt: Prepare, clientId: string): MedicationChart {
  const rows = stmt('SELECT id, name FROM medications WHERE client_id = ? ORDER BY created_at, id').all(clientId) as { id: string; name: string }[];
  if (rows.length === 0) return medicationChart([], []);
  const events = (stmt('SELECT * FROM medication_events WHERE client_id = ? ORDER BY medication_id, event_date, seq').all(clientId) as MedicationEventRow[]).map(medicationEventOf);
  const historyOf = new Map<string, MedicationEvent[]>();
  for (const event of events) {
    const list = historyOf.get(event.medicationId);
    if (list) list.push(event);
    else historyOf.set(event.medicationId, [event]);
  }
  const medications: Pick<Medication, 'id' | 'name' | 'history'>[] = rows.map((row) => ({ id: row.id, name: row.name, history: historyOf.get(row.id) ?? [] }));
  const reviews = stmt(`
    SELECT ses.id AS session_id, n.id AS note_id, ses.session_date, json_extract(n.content, '$.medicationReview') AS review
    FROM notes AS n JOIN sessions AS ses ON ses.id = n.session_id
    WHERE n.client_id = ? AND n.status = 'signed' AND json_extract(n.content, '$.medicationReview') IS NOT NULL
      AND instr(n.template_json, '"kind":"medication"') > 0
      AND ses.id NOT IN (SELECT vn.session_id FROM note_addenda AS va JOIN notes AS vn ON vn.id = va.note_id WHERE va.kind = 'void')
    ORDER BY ses.session_date, coalesce(ses.start_time, ''), ses.created_at`).all(clientId) as { session_id: string; note_id: string; session_date: string; review: string }[];
  return medicationChart(
    medications,
    reviews.map((row) => ({ sessionId: row.session_id, noteId: row.note_id, date: row.session_date, review: medicationReviewSchema.parse(JSON.parse(row.review)) })),
  );
}
