import type { ClientList, ClientListQuery } from '../../shared/clients';
import { localIsoDate } from '../../shared/dates';
import type { MeasureResult, OverviewClient } from '../../shared/measure-records';
import type { MeasureDefinition } from '../../shared/measures';
import type { NoteContent, SearchInput, SearchResult, SessionSummary } from '../../shared/notes';
import type { Sqlite } from '../../electron/services/database/open-database';
import { rawSaveDraft } from './autosave-query';
import { rawClientList } from './client-list-query';
import { rawClientResults, rawPracticeOverview } from './measures-query';
import { rawMedicationChart } from './medications-query';
import type { MedicationChart } from '../../shared/medication-series';
import { rawSearch } from './search-query';
import { rawAgenda, rawOverdue } from './engagement-query';
import type { AgendaItem, OverdueClient } from '../../shared/engagement';
import { statementCache, type Prepare } from './statements';
import { rawTimeline } from './timeline-query';

/**
 * The database rows' baseline: the same reads and writes as the services, hand-written against a plain
 * better-sqlite3 connection (plain-copy.ts), each statement prepared once and reused. Each returns the
 * same data as its service call, so a row can check both agree before timing them. What is not database
 * work is shared with the services rather than written twice: the query parser and snippet splitter of
 * search, a note's index text (noteSearchParts), the alert rules (computeClientAlerts) and the collator
 * and folding of the client list. What the raw side leaves out is what the services add on top: Kysely's
 * query building and result handling, the schema check (zod) of a note's stored template on every save,
 * the existence check of the client a screen names, work done for every row whether needed or not (the
 * client list folds every name even when nothing is typed), and the encryption below SQLite.
 */
export class RawQueries {
  private readonly stmt: Prepare;

  constructor(private readonly db: Sqlite) {
    this.stmt = statementCache(db);
  }

  clientList(query: ClientListQuery, today = localIsoDate()): ClientList {
    return rawClientList(this.stmt, query, today);
  }

  timeline(clientId: string): SessionSummary[] {
    return rawTimeline(this.stmt, clientId);
  }

  saveDraft(input: { noteId: string; baseRevision: number; content: NoteContent; processNote: unknown }, savedAt = new Date().toISOString()): { revision: number; savedAt: string } {
    return rawSaveDraft(this.db, this.stmt, input, savedAt);
  }

  search(input: SearchInput): SearchResult[] {
    return rawSearch(this.stmt, input);
  }

  practiceOverview(): OverviewClient[] {
    return rawPracticeOverview(this.stmt);
  }

  clientResults(clientId: string): { results: MeasureResult[]; definitions: MeasureDefinition[] } {
    return rawClientResults(this.stmt, clientId);
  }

  agenda(range: { from: string; to: string }): AgendaItem[] {
    return rawAgenda(this.stmt, range);
  }

  overdue(today: string): OverdueClient[] {
    return rawOverdue(this.stmt, today);
  }

  medicationChart(clientId: string): MedicationChart {
    return rawMedicationChart(this.stmt, clientId);
  }
}
