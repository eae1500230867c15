import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { ClientList, ClientListItem, ClientListQuery, ClientStatus } from '../../shared/clients';
import { localIsoDate } from '../../shared/dates';
import type { MeasureResult, OverviewClient } from '../../shared/measure-records';
import { builtInMeasure, builtInMeasureVersion, byUrgency, measureDefinitionSchema, type AlertSeverity, type MeasureDefinition, type Rater } from '../../shared/measures';
import type { NoteTemplate } from '../../shared/note-templates';
import { riskLevels, type NoteContent, type RiskLevel, type SearchInput, type SearchResult, type SessionSummary } from '../../shared/notes';
import { richTextToPlain, type RichTextNode } from '../../shared/rich-text';
import { foldForSearch } from '../../shared/search-fold';
import { collatorFor } from '../../electron/services/clients/client-list';
import type { Sqlite } from '../../electron/services/database/open-database';
import { definitionLookup, latestVersions } from '../../electron/services/measures/client-alerts';
import { allianceSummary } from '../../electron/services/measures/practice-overview';
import { noteKeyOfRowid, noteSearchParts, PART_STRIDE, partRowid, partRowidRange, slotOfRowid } from '../../electron/services/notes/note-search-parts';
import { ftsWords, snippetSegments } from '../../electron/services/notes/search-query';

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
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Sqlite) {}

  /** A statement prepared on first use and reused after. */
  private stmt(source: string): Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  // ── Client list and client search ────────────────────────────────────────────────────────────────

  clientList(query: ClientListQuery, today = localIsoDate()): ClientList {
    const rows = this.stmt(`
      SELECT c.id, c.code, c.legal_name, c.preferred_name, c.pronouns, c.status, c.date_of_birth, c.review_date,
        (SELECT max(s.session_date) FROM sessions AS s WHERE s.client_id = c.id
          AND s.id NOT IN (SELECT vn.session_id FROM note_addenda AS va JOIN notes AS vn ON vn.id = va.note_id WHERE va.kind = 'void')) AS last_session
      FROM clients AS c`).all() as {
      id: string; code: string; legal_name: string; preferred_name: string; pronouns: string; status: ClientStatus;
      date_of_birth: string | null; review_date: string | null; last_session: string | null;
    }[];
    const tagRows = this.stmt('SELECT client_id, tag FROM client_tags').all() as { client_id: string; tag: string }[];
    const collator = collatorFor(query.locale);
    const tagsOf = new Map<string, string[]>();
    for (const { client_id, tag } of tagRows) {
      const own = tagsOf.get(client_id);
      if (own) own.push(tag);
      else tagsOf.set(client_id, [tag]);
    }

    const counts = { current: 0, active: 0, paused: 0, discharged: 0, all: rows.length };
    const needle = foldForSearch(query.query);
    const tagKey = query.tag?.toLocaleLowerCase() ?? null;
    const clients: ClientListItem[] = [];
    for (const row of rows) {
      counts[row.status] += 1;
      if (row.status !== 'discharged') counts.current += 1;
      if (query.status === 'current' ? row.status === 'discharged' : query.status !== 'all' && row.status !== query.status) continue;
      const tags = (tagsOf.get(row.id) ?? []).sort(collator.compare);
      if (tagKey !== null && !tags.some((tag) => tag.toLocaleLowerCase() === tagKey)) continue;
      if (needle !== '' && ![row.legal_name, row.preferred_name, row.code, ...tags].some((text) => foldForSearch(text).includes(needle))) continue;
      clients.push({
        id: row.id, code: row.code, legalName: row.legal_name, preferredName: row.preferred_name, pronouns: row.pronouns, status: row.status,
        dateOfBirth: row.date_of_birth, tags, reviewDate: row.review_date,
        reviewDue: row.review_date !== null && row.review_date <= today && row.status !== 'discharged', lastSessionDate: row.last_session,
      });
    }
    const byName = (a: ClientListItem, b: ClientListItem) => collator.compare(a.legalName, b.legalName) || collator.compare(a.code, b.code);
    const dates = (a: string | null, b: string | null, newestFirst: boolean) =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : (a < b) === newestFirst ? 1 : -1;
    clients.sort((a, b) =>
      query.sort === 'lastSession' ? dates(a.lastSessionDate, b.lastSessionDate, true) || byName(a, b)
      : query.sort === 'nextReview' ? dates(a.reviewDate, b.reviewDate, false) || byName(a, b)
      : byName(a, b));
    const spellings = new Map<string, string>();
    for (const { tag } of tagRows) if (!spellings.has(tag.toLocaleLowerCase())) spellings.set(tag.toLocaleLowerCase(), tag);
    return { clients, tags: [...spellings.values()].sort(collator.compare), counts };
  }

  // ── Client timeline ──────────────────────────────────────────────────────────────────────────────

  timeline(clientId: string): SessionSummary[] {
    const rows = this.stmt(`
      SELECT ses.id, ses.client_id, ses.session_date, ses.start_time, ses.duration_minutes, ses.modality, ses.type, ses.attendance,
        ses.service_code, n.id AS note_id, n.status, n.signed_at,
        json_extract(n.template_json, '$.name') AS template_name,
        json_extract(n.content, '$.rupture.noted') AS rupture_noted,
        json_extract(n.content, '$.risk.level') AS risk_level,
        (SELECT count(*) FROM note_addenda AS a WHERE a.note_id = n.id) AS addenda_count
      FROM sessions AS ses JOIN notes AS n ON n.session_id = ses.id
      WHERE ses.client_id = ?
      ORDER BY ses.session_date DESC, coalesce(ses.start_time, '') DESC, ses.created_at DESC`).all(clientId) as {
      id: string; client_id: string; session_date: string; start_time: string | null; duration_minutes: number | null;
      modality: SessionSummary['session']['modality']; type: SessionSummary['session']['type']; attendance: SessionSummary['session']['attendance'];
      service_code: string; note_id: string; status: 'draft' | 'signed'; signed_at: string | null; template_name: string;
      rupture_noted: number | null; risk_level: string | null; addenda_count: number;
    }[];
    const voidRows = this.stmt(`
      SELECT a.note_id, a.signed_at, a.text FROM note_addenda AS a JOIN notes AS n ON n.id = a.note_id
      WHERE n.client_id = ? AND a.kind = 'void'`).all(clientId) as { note_id: string; signed_at: string; text: string }[];
    const voids = new Map(voidRows.map((row) => [row.note_id, { at: row.signed_at, reason: richTextToPlain(JSON.parse(row.text) as RichTextNode).trim() }]));
    return rows.map((row) => ({
      session: {
        id: row.id, clientId: row.client_id, date: row.session_date, startTime: row.start_time, durationMinutes: row.duration_minutes,
        modality: row.modality, type: row.type, attendance: row.attendance, serviceCode: row.service_code,
      },
      noteId: row.note_id,
      status: row.status,
      templateName: row.template_name,
      ruptureNoted: row.rupture_noted === 1,
      riskLevel: riskLevels.includes(row.risk_level as RiskLevel) ? (row.risk_level as RiskLevel) : null,
      signedAt: row.signed_at,
      addendaCount: row.addenda_count,
      voided: voids.get(row.note_id) ?? null,
    }));
  }

  // ── Note autosave ────────────────────────────────────────────────────────────────────────────────

  /**
   * The writes of one autosave, in one transaction (BEGIN … COMMIT, as Kysely's): read the note's state,
   * update it if the revision matches, rewrite its goal-progress rows, and rewrite the index rows of the
   * parts whose text changed (the triggers on search_content keep the FTS5 index in step).
   */
  saveDraft(input: { noteId: string; baseRevision: number; content: NoteContent; processNote: unknown }, savedAt = new Date().toISOString()): { revision: number; savedAt: string } {
    return this.db.transaction(() => {
      const row = this.stmt('SELECT client_id, status, revision, template_json, search_rowid FROM notes WHERE id = ?').get(input.noteId) as
        | { client_id: string; status: string; revision: number; template_json: string; search_rowid: number }
        | undefined;
      if (!row || row.status !== 'draft' || row.revision !== input.baseRevision) throw new Error('raw autosave: note missing, signed or stale');
      const template = JSON.parse(row.template_json) as NoteTemplate;
      const marks = input.content.goalProgress;
      if (marks.length > 0) {
        const own = this.stmt('SELECT count(*) FROM goals WHERE client_id = ? AND id IN (SELECT value FROM json_each(?))').pluck().get(row.client_id, JSON.stringify(marks.map((mark) => mark.goalId)));
        if (own !== marks.length) throw new Error("raw autosave: a goal is not this client's");
      }
      const content: NoteContent = { ...input.content, sections: Object.fromEntries(template.sections.map((section) => [section.key, input.content.sections[section.key] ?? null])) };
      const revision = row.revision + 1;
      const updated = this.stmt(`UPDATE notes SET content = ?, process_note = ?, revision = ?, saved_at = ? WHERE id = ? AND status = 'draft' AND revision = ?`)
        .run(JSON.stringify(content), input.processNote === null ? null : JSON.stringify(input.processNote), revision, savedAt, input.noteId, input.baseRevision);
      if (updated.changes !== 1) throw new Error('raw autosave: stale');
      this.stmt('DELETE FROM note_goal_progress WHERE note_id = ?').run(input.noteId);
      for (const mark of marks) this.stmt('INSERT INTO note_goal_progress (note_id, goal_id, progress) VALUES (?, ?, ?)').run(input.noteId, mark.goalId, mark.progress);

      const parts = noteSearchParts(template, content, [], 'draft');
      const { first, last } = partRowidRange(row.search_rowid);
      const current = new Map(
        (this.stmt('SELECT id, body FROM search_content WHERE id BETWEEN ? AND ?').all(first, last) as { id: number; body: string }[]).map((part) => [part.id, part.body]),
      );
      for (const id of current.keys()) if (!parts.has(slotOfRowid(id))) this.stmt('DELETE FROM search_content WHERE id = ?').run(id);
      for (const [slot, body] of parts) {
        const id = partRowid(row.search_rowid, slot);
        if (current.get(id) === body) continue;
        if (current.has(id)) this.stmt('DELETE FROM search_content WHERE id = ?').run(id);
        this.stmt(`INSERT INTO search_content (id, kind, record_id, client_id, title, body) VALUES (?, 'note', ?, ?, '', ?)`).run(id, input.noteId, row.client_id, body);
      }
      return { revision, savedAt };
    })();
  }

  // ── Full-text search with snippets ───────────────────────────────────────────────────────────────

  /**
   * The service's search for input without filters (what the bench asks): the best rows holding every
   * word, one per note; for several words and room left, drafts whose parts hold them between them; then
   * each hit's client, note and session and its snippet. Lists of ids go in as one JSON array.
   */
  search(input: SearchInput): SearchResult[] {
    if (input.clientId !== null || input.from !== null || input.to !== null || input.templateId !== null || input.status !== null || input.ruptureOnly) {
      throw new Error('raw search: filters are not written out here');
    }
    const words = ftsWords(input.query);
    if (words === null) return [];
    const match = words.join(' ');
    const hits: { rowid: number; noteKey: number | null; match: string }[] = [];
    const seen = new Set<number>();
    const best = this.stmt('SELECT s.rowid AS rowid FROM search_index AS s WHERE search_index MATCH ? ORDER BY bm25(search_index) LIMIT ?').pluck().all(match, input.limit * PART_STRIDE) as number[];
    for (const rowid of best) {
      const noteKey = rowid < 0 ? noteKeyOfRowid(rowid) : null;
      if (noteKey !== null) {
        if (seen.has(noteKey)) continue;
        seen.add(noteKey);
      }
      hits.push({ rowid, noteKey, match });
      if (hits.length === input.limit) break;
    }
    if (words.length > 1 && hits.length < input.limit) {
      const perWord = words.map(() => `SELECT (-rowid) / ${PART_STRIDE} AS note_key FROM search_index WHERE search_index MATCH ? AND rowid < 0`).join(' INTERSECT ');
      const spread = this.stmt(`
        SELECT n.search_rowid FROM (${perWord}) AS spread
        JOIN notes AS n ON n.search_rowid = spread.note_key JOIN sessions AS ses ON ses.id = n.session_id
        WHERE n.search_rowid NOT IN (SELECT value FROM json_each(?))
        ORDER BY ses.session_date DESC, n.id LIMIT ?`).pluck().all(...words, JSON.stringify([...seen]), input.limit - hits.length) as number[];
      const anyWord = words.join(' OR ');
      for (const key of spread) {
        const { first, last } = partRowidRange(key);
        // BigInt binds as INTEGER: FTS5 narrows a rowid range only on integers (search.repository.ts).
        const rowid = this.stmt('SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rank LIMIT 1').pluck().get(anyWord, BigInt(first), BigInt(last)) as number | undefined;
        if (rowid !== undefined) hits.push({ rowid, noteKey: key, match: anyWord });
      }
    }
    if (hits.length === 0) return [];

    type Details = { kind: string; record_id: string; client_id: string; code: string; legal_name: string; status: 'draft' | 'signed' | null; session_date: string | null };
    const details = new Map<number, Details>();
    const noteKeys = hits.flatMap((hit) => (hit.noteKey === null ? [] : [hit.noteKey]));
    if (noteKeys.length > 0) {
      const rows = this.stmt(`
        SELECT n.search_rowid AS key, 'note' AS kind, n.id AS record_id, n.client_id, c.code, c.legal_name, n.status, ses.session_date
        FROM notes AS n JOIN clients AS c ON c.id = n.client_id JOIN sessions AS ses ON ses.id = n.session_id
        WHERE n.search_rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(noteKeys)) as (Details & { key: number })[];
      for (const row of rows) details.set(-row.key, row);
    }
    const others = hits.flatMap((hit) => (hit.noteKey === null ? [hit.rowid] : []));
    if (others.length > 0) {
      const rows = this.stmt(`
        SELECT sc.id, sc.kind, sc.record_id, sc.client_id, c.code, c.legal_name, NULL AS status, NULL AS session_date
        FROM search_content AS sc JOIN clients AS c ON c.id = sc.client_id
        WHERE sc.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(others)) as (Details & { id: number })[];
      for (const row of rows) details.set(row.id, row);
    }
    const snippets = new Map<number, string>();
    for (const each of new Set(hits.map((hit) => hit.match))) {
      const rowids = hits.filter((hit) => hit.match === each).map((hit) => hit.rowid);
      const rows = this.stmt(`
        SELECT rowid, snippet(search_index, -1, char(2), char(3), '…', 14) AS snip
        FROM search_index WHERE search_index MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`).all(each, JSON.stringify(rowids)) as { rowid: number; snip: string }[];
      for (const row of rows) snippets.set(row.rowid, row.snip);
    }
    return hits.flatMap((hit): SearchResult[] => {
      const row = details.get(hit.noteKey === null ? hit.rowid : -hit.noteKey);
      if (!row) return [];
      return [{
        kind: row.kind === 'note' ? 'note' : row.kind === 'goal' ? 'goal' : 'client',
        clientId: row.client_id, clientCode: row.code, clientName: row.legal_name,
        noteId: row.kind === 'note' ? row.record_id : null, sessionDate: row.session_date, status: row.status,
        snippet: snippetSegments(snippets.get(hit.rowid) ?? ''),
      }];
    });
  }

  // ── Measures: dashboard and client charts ────────────────────────────────────────────────────────

  /** Every (id, version) named, built-ins from code and custom ones from their table, keyed `id@version`. */
  private definitions(wanted: readonly { id: string; version: number }[]): Map<string, MeasureDefinition> {
    const found = new Map<string, MeasureDefinition>();
    const custom = new Set<string>();
    for (const { id, version } of wanted) {
      const known = builtInMeasureVersion(id, version);
      if (known) found.set(`${id}@${version}`, known);
      else if (!builtInMeasure(id)) custom.add(id);
    }
    if (custom.size > 0) {
      const rows = this.stmt('SELECT definition FROM measure_definitions WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...custom])) as string[];
      for (const json of rows) {
        const measure = measureDefinitionSchema.parse(JSON.parse(json));
        found.set(`${measure.id}@${measure.version}`, measure);
      }
    }
    return found;
  }

  /** The practice overview: active clients with counts, recent results, alerts and alliance trend, most urgent first. */
  practiceOverview(): OverviewClient[] {
    const clients = this.stmt(`
      WITH voided AS MATERIALIZED (SELECT vn.session_id FROM note_addenda AS va JOIN notes AS vn ON vn.id = va.note_id WHERE va.kind = 'void')
      SELECT c.id, c.code, c.status, c.review_date,
        (SELECT max(session_date) FROM sessions WHERE client_id = c.id AND id NOT IN voided) AS last_date,
        (SELECT count(*) FROM sessions WHERE client_id = c.id AND id NOT IN voided) AS count,
        (SELECT count(*) FROM sessions WHERE client_id = c.id AND id NOT IN voided
          AND session_date > (SELECT max(taken_on) FROM measure_results WHERE client_id = c.id
            AND struck_addendum_id IS NULL AND coalesce(session_id, '') NOT IN voided)) AS since
      FROM clients AS c WHERE c.status = 'active'`).all() as { id: string; code: string; status: OverviewClient['status']; review_date: string | null; last_date: string | null; count: number; since: number | null }[];
    const results = (this.stmt(`
      WITH voided AS MATERIALIZED (SELECT vn.session_id FROM note_addenda AS va JOIN notes AS vn ON vn.id = va.note_id WHERE va.kind = 'void')
      SELECT r.id, r.client_id, r.session_id, r.measure_id, r.measure_version, r.taken_on, '{}' AS responses, r.total, r.subscales, r.flags,
        r.created_at, r.addendum_id, r.struck_addendum_id, r.struck_reason, NULL AS note_id, NULL AS rupture_noted, 0 AS voided
      FROM (SELECT DISTINCT client_id, measure_id FROM measure_results) AS g
      JOIN clients AS c ON c.id = g.client_id AND c.status = 'active'
      JOIN measure_results AS r ON r.client_id = g.client_id AND r.measure_id = g.measure_id AND r.taken_on >= coalesce((
        SELECT nth.taken_on FROM measure_results AS nth WHERE nth.client_id = g.client_id AND nth.measure_id = g.measure_id
          AND nth.struck_addendum_id IS NULL AND coalesce(nth.session_id, '') NOT IN voided
        ORDER BY nth.taken_on DESC LIMIT 1 OFFSET 5), '')
      WHERE r.struck_addendum_id IS NULL AND coalesce(r.session_id, '') NOT IN voided`).all() as ResultRow[]).map(toResult);
    const definitions = this.definitions(latestVersions(results));
    const byClient = new Map<string, MeasureResult[]>();
    for (const result of results) {
      const own = byClient.get(result.clientId);
      if (own) own.push(result);
      else byClient.set(result.clientId, [result]);
    }

    const events = new Map<string, OverviewClient['alerts']>();
    const eventRows = this.stmt(`
      SELECT e.client_id, e.alert_key, e.severity, e.reason, e.measure_name, e.rater, e.event_date
      FROM alert_events AS e JOIN clients AS c ON c.id = e.client_id AND c.status = 'active'
      WHERE NOT EXISTS (SELECT 1 FROM alert_acknowledgements AS a WHERE a.client_id = e.client_id AND a.alert_key = e.alert_key)`).all() as {
      client_id: string;
      alert_key: string;
      severity: AlertSeverity;
      reason: string;
      measure_name: string;
      rater: Rater;
      event_date: string;
    }[];
    for (const row of [...eventRows].map((row) => ({ ...row, key: row.alert_key, date: row.event_date })).sort(byUrgency)) {
      const own = events.get(row.client_id) ?? [];
      own.push({ key: row.key, severity: row.severity, reason: row.reason, measureName: row.measure_name, rater: row.rater, date: row.date });
      events.set(row.client_id, own);
    }

    const overview = clients.map((client): OverviewClient => {
      const own = byClient.get(client.id) ?? [];
      return {
        clientId: client.id,
        code: client.code,
        status: client.status,
        lastSessionDate: client.last_date,
        nextReviewDate: client.review_date,
        alliance: allianceSummary(own, definitionLookup(own, definitions)),
        alerts: events.get(client.id) ?? [],
        sessionsSinceMeasure: byClient.has(client.id) ? (client.since ?? 0) : null,
        sessionCount: client.count,
      };
    });
    const rank = { urgent: 0, warning: 1, notice: 2 } as const;
    const worst = (client: OverviewClient) => Math.min(3, ...client.alerts.map((alert) => rank[alert.severity]));
    return overview.sort(
      (a, b) =>
        worst(a) - worst(b) ||
        b.alerts.length - a.alerts.length ||
        (b.sessionsSinceMeasure ?? Number.MAX_SAFE_INTEGER) - (a.sessionsSinceMeasure ?? Number.MAX_SAFE_INTEGER) ||
        a.code.localeCompare(b.code),
    );
  }

  /** A client's results, oldest first, with their notes' ids and rupture flags, and the definitions they name. */
  clientResults(clientId: string): { results: MeasureResult[]; definitions: MeasureDefinition[] } {
    const rows = this.stmt(`
      WITH flags AS MATERIALIZED (
        SELECT n.session_id, n.id AS note_id, json_extract(n.content, '$.rupture.noted') AS rupture_noted,
          EXISTS (SELECT 1 FROM note_addenda AS v WHERE v.note_id = n.id AND v.kind = 'void') AS voided
        FROM notes AS n INDEXED BY notes_rupture_by_session
        WHERE n.session_id IN (SELECT session_id FROM measure_results WHERE client_id = ?))
      SELECT r.*, f.note_id, f.rupture_noted, f.voided
      FROM measure_results AS r LEFT JOIN flags AS f ON f.session_id = r.session_id
      WHERE r.client_id = ? ORDER BY r.taken_on, r.created_at`).all(clientId, clientId) as ResultRow[];
    const results = rows.map(toResult);
    const versions = new Map(results.map((result) => [`${result.measureId}@${result.measureVersion}`, { id: result.measureId, version: result.measureVersion }]));
    return { results, definitions: [...this.definitions([...versions.values()]).values()] };
  }
}

interface ResultRow {
  id: string; client_id: string; session_id: string | null; measure_id: string; measure_version: number; taken_on: string;
  responses: string; total: number | null; subscales: string; flags: string; created_at: string; note_id: string | null; rupture_noted: number | null;
  addendum_id?: string | null; struck_addendum_id?: string | null; struck_reason?: string | null; voided?: number | null;
}

const toResult = (row: ResultRow): MeasureResult => ({
  id: row.id,
  clientId: row.client_id,
  sessionId: row.session_id,
  noteId: row.note_id,
  measureId: row.measure_id,
  measureVersion: row.measure_version,
  takenOn: row.taken_on,
  responses: JSON.parse(row.responses) as Record<string, number | null>,
  total: row.total,
  subscales: JSON.parse(row.subscales) as Record<string, number | null>,
  flags: row.flags === '[]' ? [] : (JSON.parse(row.flags) as string[]),
  ruptureNoted: row.rupture_noted === 1,
  createdAt: row.created_at,
  lateEntry: (row.addendum_id ?? null) !== null,
  struckOut: (row.struck_addendum_id ?? null) === null ? null : { reason: row.struck_reason ?? '' },
  sessionVoided: row.voided === 1,
});
