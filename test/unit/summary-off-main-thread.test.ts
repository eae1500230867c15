import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialogs } from '../../electron/services/dialogs';
import { SummaryService } from '../../electron/services/summary/summary.service';
import { openNotesVault, type NotesVault } from './support/notes-vault';
import { pdfInfo } from './support/pdf-tools';
import { everyPartSummary, seedSummaryClient, type SeededSummaryClient } from './support/summary-client';
import { removeDir, tempDir } from './support/temp-vault';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const noDialogs: Dialogs = {
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  chooseOpenPath: async () => null,
  showInFolder: async () => undefined,
};

/**
 * A long summary is seconds of text layout. It is laid out on a worker thread, so the main process
 * (which in the app answers every call from the window) keeps turning its event loop meanwhile.
 */
describe('a long progress summary', () => {
  let nv: NotesVault;
  let client: SeededSummaryClient;
  let service: SummaryService;

  beforeAll(async () => {
    nv = await openNotesVault();
    client = await seedSummaryClient(nv, { legalName: 'Ilse Varga', sessions: 100, firstDate: '2024-06-03' });
    service = new SummaryService({ db: nv.db, now: () => new Date(2026, 5, 15, 12), settings: () => nv.vault.settings(), dialogs: noDialogs });
  }, 120_000);

  afterAll(async () => {
    await nv.close();
  });

  it('is laid out while the main thread stays free, and is a whole PDF', async () => {
    const options = everyPartSummary(client);
    await service.build(options); // fonts and modules loaded: what follows is the everyday cost

    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 1);
    const started = performance.now();
    const { bytes, pageCount } = await service.build(options);
    const took = performance.now() - started;
    clearInterval(ticker);
    // A build that blocked until its end leaves its gap open: no tick has run since.
    longestGap = Math.max(longestGap, performance.now() - last);

    // Reading the data stays on the main thread (tens of ms); the layout, several times longer, does not.
    expect(took).toBeGreaterThan(200);
    expect(longestGap).toBeLessThan(took / 3);
    const dir = tempDir('alliance-pdf-worker-');
    try {
      const file = path.join(dir, 'summary.pdf');
      writeFileSync(file, bytes);
      const info = pdfInfo(file);
      expect(info.status).toBe(0);
      expect(info.fields.Pages).toBe(String(pageCount));
      expect(pageCount).toBeGreaterThan(5);
    } finally {
      await removeDir(dir);
    }
  }, 120_000);
});
