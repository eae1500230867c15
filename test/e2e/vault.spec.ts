import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createVaultThroughUi, FIRST_PASSPHRASE } from './vault-helpers';

/**
 * The one spec whose test hosts run with the app's own key derivation: Argon2id tuned to this machine
 * on creation and kept through unlocks, the recovery key and a passphrase change, as Settings shows
 * it. Every other spec runs with the test host's cheaper costs (harness-process.ts).
 */
test.use({ hostCosts: 'production' });

const FIRST = FIRST_PASSPHRASE;
const SECOND = 'saffron glacier pocket tundra 31';
const THIRD = 'orchid lattice ember canyon 74';

test('create → lock → unlock → wrong passphrase → recovery key → change passphrase, through the UI', async ({ app: page, harness }, testInfo) => {
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

  // A weak passphrase is refused with a reason before anything is created.
  await page.getByLabel('Passphrase', { exact: true }).fill('password123');
  await page.getByLabel('Repeat passphrase').fill('password123');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText(/too easy to guess|at least 10 characters/).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

  await page.getByLabel('Passphrase', { exact: true }).fill(FIRST);
  await page.getByLabel('Repeat passphrase').fill(`${FIRST}x`);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText('The two passphrases do not match.')).toBeVisible();

  await page.getByLabel('Repeat passphrase').fill(FIRST);
  await page.getByRole('button', { name: 'Create vault' }).click();

  // The recovery key is shown once, and the app will not go on until the user confirms they stored it.
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible({ timeout: 15_000 });
  const recoveryKey = (await page.getByTestId('recovery-key').innerText()).trim();
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  const continueButton = page.getByRole('button', { name: 'Continue' });
  await expect(continueButton).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  if (testInfo.project.name === 'chromium') {
    await page.getByRole('button', { name: 'Save to file…' }).click();
    await expect(page.getByText(/Recovery key saved to/)).toBeVisible();
    const saved = readFileSync(path.join(harness.dialogDir, 'alliance-notes-recovery-key.txt'), 'utf8');
    expect(saved).toContain(recoveryKey);
  }
  await page.getByLabel('I have stored my recovery key somewhere safe').check();
  await continueButton.click();

  // The app shell: empty client list, status line.
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
  await expect(page.getByText('No clients yet')).toBeVisible();
  await expect(page.getByText('Offline · encrypted')).toBeVisible();
  for (const name of ['Clients', 'Search', 'Dashboard', 'Backups', 'Settings']) {
    await expect(page.getByRole('link', { name }).or(page.getByRole('button', { name, exact: true })).first()).toBeVisible();
  }

  // Lock: only the unlock screen remains, nothing of the shell behind it.
  await page.getByRole('button', { name: 'Lock vault' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await expect(page.getByText('No clients yet')).toHaveCount(0);
  await expect(page.getByText('Offline · encrypted')).toHaveCount(0);

  await page.getByLabel('Passphrase').fill(SECOND);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase is not correct');

  await page.getByLabel('Passphrase').fill(FIRST);
  await page.getByLabel('Passphrase').press('Enter');
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();

  // Ctrl+L locks from anywhere.
  await page.keyboard.press('Control+KeyL');
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();

  // Forgot passphrase: the recovery key (typed in lower case with spaces) opens it and sets a new one.
  await page.getByRole('button', { name: 'Forgot passphrase?' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock with your recovery key' })).toBeVisible();
  await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
  await page.getByLabel('New passphrase', { exact: true }).fill(SECOND);
  await page.getByLabel('Repeat new passphrase').fill(SECOND);
  await page.getByRole('button', { name: 'Unlock and set passphrase' }).click();
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible({ timeout: 15_000 });

  // Settings → Security: change passphrase (asks for the current one).
  await page.getByRole('link', { name: 'Settings' }).or(page.getByRole('button', { name: 'Settings', exact: true })).first().click();
  await expect(page.getByRole('heading', { name: 'Security' })).toBeVisible();
  await expect(page.getByText(/argon2id/i).first()).toBeVisible();
  await page.getByLabel('Current passphrase').fill(FIRST);
  await page.getByLabel('New passphrase', { exact: true }).fill(THIRD);
  await page.getByLabel('Repeat new passphrase').fill(THIRD);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText(/not correct/).first()).toBeVisible();
  await page.getByLabel('Current passphrase').fill(SECOND);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Passphrase changed')).toBeVisible({ timeout: 15_000 });

  await page.getByRole('button', { name: 'Lock vault' }).click();
  // Settings has passphrase fields of its own: wait for the lock screen before typing into its one.
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(SECOND);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase is not correct');
  await page.getByLabel('Passphrase').fill(THIRD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();

  // What the UI wrote is the encrypted vault, not a plain SQLite file.
  const head = readFileSync(path.join(harness.vaultDir, 'vault.db')).subarray(0, 16).toString('latin1');
  expect(head).not.toBe('SQLite format 3\0');
});

test('auto-lock setting is validated and saved', async ({ app: page }) => {
  await createVaultThroughUi(page);
  await page.getByRole('link', { name: 'Settings' }).or(page.getByRole('button', { name: 'Settings', exact: true })).first().click();

  const minutes = page.getByLabel('Lock after minutes without activity');
  await expect(minutes).toHaveValue('10');
  await minutes.fill('500');
  await page.getByRole('button', { name: 'Save auto-lock' }).click();
  await expect(page.getByText('Choose between 1 and 120 minutes.')).toBeVisible();
  await minutes.fill('25');
  await page.getByRole('button', { name: 'Save auto-lock' }).click();
  await expect(page.getByText('Auto-lock saved')).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'Settings' }).or(page.getByRole('button', { name: 'Settings', exact: true })).first().click();
  await expect(page.getByLabel('Lock after minutes without activity')).toHaveValue('25');
});

test('after five wrong passphrases the unlock screen makes the user wait, then accepts the right one', async ({ app: page }) => {
  await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'Lock vault' }).click();

  const unlock = page.getByRole('button', { name: 'Unlock' });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Passphrase').fill(`${SECOND} ${attempt}`);
    await unlock.click();
    await expect(page.getByRole('alert')).toContainText('That passphrase is not correct');
  }
  await expect(page.getByText(/Try again in \d+ s/)).toBeVisible();
  await expect(unlock).toBeDisabled();

  // The first wait is 5 s; afterwards the right passphrase opens the vault.
  await expect(unlock).toBeEnabled({ timeout: 10_000 });
  await page.getByLabel('Passphrase').fill(FIRST);
  await unlock.click();
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
});

test('a lock the page did not ask for (idle, sleep, screen lock) still hides everything behind the unlock screen', async ({ app: page, harness }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'Locks the vault from outside the page through the test host.');
  await createVaultThroughUi(page);
  await expect(page.getByText('No clients yet')).toBeVisible();

  // Another client of the same services locks the vault, as the idle timer or the OS would: the page
  // learns of it only through the pushed vaultStateChanged event.
  const response = await harness.request.post('/__api/lockVault', { data: {} });
  expect(await response.json()).toMatchObject({ ok: true, value: { state: 'locked' } });

  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await expect(page.getByText('No clients yet')).toHaveCount(0);
  await expect(page.getByText('Offline · encrypted')).toHaveCount(0);
});
