import { measure } from './measure';
import type { BenchRow } from './rows';
import { SEED, seededClientVault } from './client-vault.seed';

const TARGET_MS = 20;
// The figure is 20,000 notes; notes arrive with the notes issue, so the seed writes 20,000 rows
// of the `sessions` table the list's last-session date reads (the notes step fills those rows out).
const note = `${SEED.clients} clients × 3 goals, ${SEED.sessions.toLocaleString('en')} session rows (notes come with the notes issue); service call, no IPC`;

/** The client list as it opens: every client, with last-session date and review due, newest first. */
export const clientListRow: BenchRow = {
  name: 'client list',
  async run() {
    const { clients } = await seededClientVault();
    const timing = await measure(
      async () => {
        await clients.list({ query: '', status: 'all', tag: null, sort: 'lastSession', locale: 'en' });
      },
      { warmUp: 5, runs: 100 },
    );
    return { row: this.name, ...timing, target: `p95 ≤ ${TARGET_MS} ms`, met: timing.p95_ms <= TARGET_MS, note };
  },
};

// What a practitioner types, one keystroke at a time: Latin with and without accents, Vietnamese,
// Arabic, Han, a code and a tag.
const QUERIES = ['z', 'zo', 'zoe', 'ødeg', 'nguyen', 'minh k', 'محمد', '小明', '-00', 'grief', 'sliding', 'nobody'];

/** Search as you type over names, preferred names, codes and tags. */
export const clientSearchRow: BenchRow = {
  name: 'client search',
  async run() {
    const { clients, dispose } = await seededClientVault();
    let i = 0;
    try {
      const timing = await measure(
        async () => {
          await clients.list({ query: QUERIES[i++ % QUERIES.length] ?? '', status: 'current', tag: null, sort: 'name', locale: 'en' });
        },
        { warmUp: QUERIES.length, runs: 120 },
      );
      return { row: this.name, ...timing, target: `p95 ≤ ${TARGET_MS} ms`, met: timing.p95_ms <= TARGET_MS, note };
    } finally {
      dispose();
    }
  },
};
