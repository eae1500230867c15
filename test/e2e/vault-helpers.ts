import type { Page } from '@playwright/test';

/** The passphrase the shortest path below uses; specs that lock and unlock again need it. */
export const FIRST_PASSPHRASE = 'juniper cobalt whistle oven 58';

/** The shortest path to an unlocked, empty vault, for tests about what comes after. */
export async function createVaultThroughUi(page: Page): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(FIRST_PASSPHRASE);
  await page.getByLabel('Repeat passphrase').fill(FIRST_PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByLabel('I have stored my recovery key somewhere safe').check({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
}
