import type { ClientListQuery } from '../shared/clients';
import type { BenchRow } from './rows';
import { SEED, seededClientVault } from './client-vault.seed';
import { assertSame, rawBeside } from './raw/beside';
import { measurePair, ratioNote } from './raw/interleave';

const TARGET_MS = 20;
// The figure is 20,000 notes; notes arrive with the notes issue, so the seed writes 20,000 rows
// of the `sessions` table the list's last-session date reads (the notes step fills those rows out).
const note = `seeded practice (npm run seed, seed 42): ${SEED.clients} clients, ${SEED.sessions.toLocaleString('en')} sessions over 15 years; service call, no IPC`;

const LIST: ClientListQuery = { query: '', status: 'all', tag: null, sort: 'lastSession', locale: 'en' };

/**
 * The client list as it opens: every client, with last-session date and review due, newest first. Timed
 * side by side with the same two queries hand-written on a plain copy of the vault (bench/raw).
 */
export const clientListRow: BenchRow = {
  name: 'client list',
  async run() {
    const { clients } = await seededClientVault();
    const { raw } = await rawBeside(() => clients.list(LIST));
    assertSame('client list', await clients.list(LIST), raw.clientList(LIST));
    const pair = await measurePair(
      () => clients.list(LIST),
      () => raw.clientList(LIST),
      { warmUp: 5, runs: 100 },
    );
    const timing = pair.ours;
    return { row: this.name, ...timing, target: `p95 ≤ ${TARGET_MS} ms`, met: timing.p95_ms <= TARGET_MS, ratio_vs_raw: pair.ratio, note: `${note}; ${ratioNote(pair)}` };
  },
};

// What a practitioner types, one keystroke at a time: Latin with and without accents, Vietnamese,
// Arabic, Han, a code and a tag.
const QUERIES = ['z', 'zo', 'zoe', 'ødeg', 'nguyen', 'minh k', 'محمد', '小明', '-00', 'grief', 'sliding', 'nobody'];
const searchFor = (i: number): ClientListQuery => ({ query: QUERIES[i % QUERIES.length] ?? '', status: 'current', tag: null, sort: 'name', locale: 'en' });

/** Search as you type over names, preferred names, codes and tags. */
export const clientSearchRow: BenchRow = {
  name: 'client search',
  async run() {
    const { clients, dispose } = await seededClientVault();
    const { raw, copy } = await rawBeside(() => clients.list(LIST));
    try {
      for (let i = 0; i < QUERIES.length; i++) assertSame(`client search "${QUERIES[i]}"`, await clients.list(searchFor(i)), raw.clientList(searchFor(i)));
      const pair = await measurePair(
        (i) => clients.list(searchFor(i)),
        (i) => raw.clientList(searchFor(i)),
        { warmUp: QUERIES.length, runs: 120 },
      );
      const timing = pair.ours;
      return { row: this.name, ...timing, target: `p95 ≤ ${TARGET_MS} ms`, met: timing.p95_ms <= TARGET_MS, ratio_vs_raw: pair.ratio, note: `${note}; ${ratioNote(pair)}` };
    } finally {
      copy.dispose();
      dispose();
    }
  },
};
