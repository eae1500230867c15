import { expect, type Locator, type Page } from '@playwright/test';
import { practiceVault, type PracticeVault } from '../../bench/practice-vault';
import { test as base } from './fixtures';

/**
 * The seeded practice (bench/practice-vault.ts): 300 clients and 20,000 sessions, the same vault the
 * benchmarks use, built once per run (about 25 s; reused from .bench-cache/ when it is there) by a
 * worker-scoped fixture, so only the specs that ask for it pay for it. Every test gets its own copy in
 * its temporary vault folder, so what one test writes (an autosave) never reaches the next one or the
 * cached vault.
 */
export const PRACTICE_SIZE = { clients: 300, sessions: 20_000 } as const;

interface PracticeWorkerFixtures {
  /** The cached seeded practice: its folder, passphrase and manifest (landmarks to look for). */
  practice: PracticeVault;
}

export const test = base.extend<object, PracticeWorkerFixtures>({
  practice: [
    async ({}, use) => {
      await use(await practiceVault({ ...PRACTICE_SIZE, verbose: true }));
    },
    // An empty cache (as in CI) means building it here; later runs find it ready.
    { scope: 'worker', timeout: 240_000 },
  ],

  // The harness fixture starts the test host with --vault tempDirs.vaultDir: put the copy there first.
  tempDirs: async ({ tempDirs, practice }, use) => {
    await practice.copyTo(tempDirs.vaultDir);
    await use(tempDirs);
  },
});

export { expect } from './fixtures';

/** The unlock screen, the practice's passphrase, and the client list it opens on. */
export async function unlockPractice(page: Page, passphrase: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible({ timeout: 15_000 });
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible({ timeout: 30_000 });
}

export const clientListbox = (page: Page): Locator => page.getByRole('listbox', { name: 'Clients' });

export interface SeenRow {
  position: number;
  name: string;
}

/**
 * Scrolls the client list from top to bottom with the mouse wheel, as a practitioner looking for
 * someone would, and returns every row that was drawn on the way (the list is virtualised: only the
 * rows in view exist at any moment).
 */
export async function scrollWholeClientList(page: Page): Promise<SeenRow[]> {
  const listbox = clientListbox(page);
  await listbox.hover();
  const seen = new Map<number, string>();
  const collect = async () => {
    const rows = await listbox.getByRole('option').evaluateAll((options) =>
      options.map((option) => ({
        position: Number(option.getAttribute('aria-posinset')),
        name: option.querySelector('.client-row-name')?.textContent ?? '',
      })),
    );
    for (const row of rows) seen.set(row.position, row.name);
  };
  const scroll = () => listbox.evaluate((element) => ({ top: element.scrollTop, max: element.scrollHeight - element.clientHeight }));
  await collect();
  for (let step = 0; step < 500; step++) {
    const before = await scroll();
    if (before.top >= before.max - 1) break;
    await page.mouse.wheel(0, 400);
    // The wheel does not wait for the scroll; the rows follow the scroll position on the next frame.
    await expect.poll(async () => (await scroll()).top).toBeGreaterThan(before.top);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await collect();
  }
  return [...seen.entries()].sort(([a], [b]) => a - b).map(([position, name]) => ({ position, name }));
}

/** The hash route the page shows, such as `#/clients/<clientId>/notes/<noteId>`. */
export const hashOf = (page: Page): string => new URL(page.url()).hash;
