import type { ClientList, ClientListItem, ClientListQuery, ClientStatus } from '../../shared/clients';
import { localIsoDate } from '../../shared/dates';
import { foldForSearch } from '../../shared/search-fold';
import { collatorFor } from '../../electron/services/clients/client-list';
import type { Prepare } from './statements';

/** The client list and its search, as ClientsService.list answers it: every client read, then filtered and sorted here. */
export function rawClientList(stmt: Prepare, query: ClientListQuery, today = localIsoDate()): ClientList {
  const rows = stmt(`
    SELECT c.id, c.code, c.legal_name, c.preferred_name, c.pronouns, c.status, c.date_of_birth, c.review_date,
      (SELECT max(s.session_date) FROM sessions AS s WHERE s.client_id = c.id AND s.attendance = 'attended'
        AND s.id NOT IN (SELECT vn.session_id FROM note_addenda AS va JOIN notes AS vn ON vn.id = va.note_id WHERE va.kind = 'void')) AS last_session
    FROM clients AS c`).all() as {
    id: string; code: string; legal_name: string; preferred_name: string; pronouns: string; status: ClientStatus;
    date_of_birth: string | null; review_date: string | null; last_session: string | null;
  }[];
  const tagRows = stmt('SELECT client_id, tag FROM client_tags').all() as { client_id: string; tag: string }[];
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
