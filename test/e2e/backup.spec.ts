import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addClientThroughUi, clientOption, goToClientList, openEmptyVault } from './clients-ui';
import {
  BACKUP_FILE,
  BACKUP_PASSPHRASE,
  NEW_VAULT_PASSPHRASE,
  backUpNowThroughUi,
  backupFilesIn,
  factValue,
  openBackupsPage,
  openDashboard,
  setUpBackupsThroughUi,
  startSecondComputer,
} from './backup-ui';
import { FIRST_PASSPHRASE } from './vault-helpers';

/**
 * Encrypted backups end to end: Settings → Backups, "Back up now" into the dialog folder, "Verify
 * backup…", a restore on a second computer (its own test host with an empty vault folder) through
 * "Restore a backup instead", the typed confirmation of a restore over the open vault, the export's
 * unencrypted-file checkbox, and the Dashboard's reminder. Every name and passphrase is made up.
 */

test.beforeEach(({ projectName }) => {
  test.skip(projectName === 'electron', 'Electron shows real OS save dialogs, which a test cannot answer');
});

const CLIENT = { legalName: 'Wilhelmina Ashdown-Pryce', code: 'WA-2291' };
const WRONG_BACKUP_PASSPHRASE = 'not the right words at all 12';

const overdueWarning = (page: Page): Locator => page.getByRole('alert').filter({ hasText: 'No backup has been made yet' });

async function chooseFileFor(page: Page, button: 'Verify backup…' | 'Restore from backup…', dialogName: string): Promise<Locator> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('back up to the chosen folder, verify the file, and restore it on a new computer through the start screen', async ({ app: page, harness, browser, hostCosts }) => {
  test.setTimeout(180_000);
  await openEmptyVault(page);
  await addClientThroughUi(page, CLIENT);

  // Before any backup the Dashboard says so, with a way to the Backups page.
  await openDashboard(page);
  await expect(overdueWarning(page)).toBeVisible();
  await expect(overdueWarning(page).getByRole('link', { name: 'Go to Backups' })).toBeVisible();

  // The Backups page asks for setup; nothing can be backed up yet.
  await openBackupsPage(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Set up backups' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back up to…' })).toBeDisabled();
  await expect(page.getByRole('region', { name: 'Recent backups' }).getByText('No backups yet')).toBeVisible();

  await setUpBackupsThroughUi(page, harness.dialogDir);
  const notice = await backUpNowThroughUi(page);

  // One encrypted file, named by date and time, in the folder the dialog answered; the notification names it.
  const files = await backupFilesIn(harness.dialogDir);
  expect(files).toHaveLength(1);
  const backupFile = path.join(harness.dialogDir, files[0]!);
  await expect(notice).toContainText(files[0]!);
  await expect(notice).toContainText(/MB/);
  const head = (await fs.readFile(backupFile)).subarray(0, 21).toString('latin1');
  expect(head).toBe('age-encryption.org/v1');
  await notice.getByRole('button', { name: 'Show in folder' }).click();
  await expect
    .poll(async () => ((await (await harness.request.get('/__harness/shown-in-folder')).json()) as { value: { files: string[] } }).value.files)
    .toEqual([backupFile]);

  // The status card and the recent list show it; the setup prompt is gone.
  const status = page.getByRole('region', { name: 'Status' });
  await expect(factValue(status, 'Last backup')).toContainText('ago');
  await expect(factValue(status, 'Size')).toContainText('MB');
  await expect(page.getByRole('alert').filter({ hasText: 'Set up backups' })).toHaveCount(0);
  const recent = page.getByRole('table', { name: 'Recent backups' });
  await expect(recent.getByRole('row')).toHaveCount(2);
  await expect(recent).toContainText(files[0]!);
  await expect(recent).toContainText('1 client');

  // Verify: a wrong passphrase is named at the field; empty uses the saved one and lists the checks.
  const verify = await chooseFileFor(page, 'Verify backup…', 'Verify backup');
  await expect(verify).toContainText(files[0]!);
  const passphrase = verify.getByLabel('Backup passphrase');
  await expect(passphrase).toBeFocused();
  await expect(verify.getByText('Leave empty to use the backup passphrase saved in Settings', { exact: false })).toBeVisible();
  await passphrase.fill(WRONG_BACKUP_PASSPHRASE);
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(passphrase).toHaveAccessibleDescription(/That passphrase does not open this backup/, { timeout: 30_000 });
  await passphrase.fill('');
  await page.keyboard.press('Control+Enter');
  await expect(verify.getByText('The backup is intact')).toBeVisible({ timeout: 30_000 });
  const checks = verify.getByRole('list', { name: 'Checks passed' }).getByRole('listitem');
  expect(await checks.count()).toBeGreaterThan(1);
  await expect(factValue(verify, 'Clients')).toHaveText('1');
  await expect(factValue(verify, 'Made by Alliance Notes')).not.toBeEmpty();
  await page.keyboard.press('Escape');
  await expect(verify).toBeHidden();

  // After the backup the Dashboard no longer warns.
  await openDashboard(page);
  // The status is cached from the Backups page, so an absent warning here is an answer, not a pending load.
  await expect(page.getByRole('region', { name: 'Needs signing' })).toBeVisible();
  await expect(overdueWarning(page)).toHaveCount(0);

  // A new computer: an empty vault folder whose dialog folder holds only that backup.
  const second = await startSecondComputer(browser, [backupFile], hostCosts);
  try {
    const other = second.page;
    await expect(other.getByRole('heading', { name: 'Create your vault' })).toBeVisible({ timeout: 15_000 });
    await other.getByRole('button', { name: 'Restore a backup instead' }).click();
    await expect(other.getByRole('heading', { name: 'Restore a backup' })).toBeVisible({ timeout: 15_000 });
    await other.getByRole('button', { name: 'Choose backup file…' }).click();
    await expect(other.getByText(files[0]!)).toBeVisible();

    // A wrong backup passphrase is refused with its message; nothing is made.
    await other.getByLabel('Backup passphrase', { exact: true }).fill(WRONG_BACKUP_PASSPHRASE);
    await other.getByLabel('New vault passphrase', { exact: true }).fill(NEW_VAULT_PASSPHRASE);
    await other.getByLabel('Repeat new vault passphrase').fill(NEW_VAULT_PASSPHRASE);
    await other.getByRole('button', { name: 'Check backup' }).click();
    await expect(other.getByRole('alert').filter({ hasText: 'That passphrase does not open this backup' })).toBeVisible({ timeout: 30_000 });

    await other.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
    await other.getByRole('button', { name: 'Check backup' }).click();
    const backupSide = other.getByRole('region', { name: 'The backup' });
    await expect(backupSide).toBeVisible({ timeout: 30_000 });
    await expect(factValue(backupSide, 'Clients')).toHaveText('1');
    await expect(other.getByRole('region', { name: 'This vault now' })).toContainText('There is no vault on this computer yet');
    await other.getByRole('button', { name: 'Restore backup' }).click();

    // The new vault has its own recovery key, shown once, as after creating a vault.
    await expect(other.getByTestId('recovery-key')).toBeVisible({ timeout: 30_000 });
    await other.getByLabel('I have stored my recovery key somewhere safe').check();
    await other.getByRole('button', { name: 'Continue' }).click();
    await expect(other.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible({ timeout: 15_000 });
    await expect(clientOption(other, new RegExp(CLIENT.legalName))).toBeVisible();

    // The restored vault opens with the new passphrase.
    await other.getByRole('button', { name: /^Lock/ }).click();
    await other.getByLabel('Passphrase', { exact: true }).fill(NEW_VAULT_PASSPHRASE);
    await other.getByRole('button', { name: 'Unlock' }).click();
    await expect(other.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible({ timeout: 15_000 });
    await expect(clientOption(other, new RegExp(CLIENT.legalName))).toBeVisible();
  } finally {
    await second.close();
  }
});

test('restoring over the open vault shows both sides, needs RESTORE typed, and every screen then shows the backup', async ({ app: page, harness }) => {
  test.setTimeout(120_000);
  await openEmptyVault(page);
  await addClientThroughUi(page, CLIENT);
  await setUpBackupsThroughUi(page, harness.dialogDir);
  await backUpNowThroughUi(page);
  const later = { legalName: 'Bartholomew Quince' };
  await addClientThroughUi(page, later);

  await openBackupsPage(page);
  const dialog = await chooseFileFor(page, 'Restore from backup…', 'Restore from backup');
  await dialog.getByRole('button', { name: 'Check backup' }).click();
  const backupSide = dialog.getByRole('region', { name: 'The backup' });
  const currentSide = dialog.getByRole('region', { name: 'This vault now' });
  await expect(backupSide).toBeVisible({ timeout: 30_000 });
  await expect(factValue(backupSide, 'Clients')).toHaveText('1');
  await expect(factValue(currentSide, 'Clients')).toHaveText('2');
  await expect(dialog.getByText('Your current records will be replaced')).toBeVisible();

  const replace = dialog.getByRole('button', { name: 'Replace with backup' });
  await expect(replace).toBeDisabled();
  const typed = dialog.getByLabel('Type RESTORE to confirm');
  await expect(typed).toBeFocused();
  await typed.fill('restor');
  await expect(replace).toBeDisabled();
  await typed.fill('RESTORE');
  await replace.click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Backup restored' })).toBeVisible();
  // "Verify records" ran by itself on the restored vault.
  await expect(page.getByRole('alert').filter({ hasText: 'Restored records verified' })).toContainText('match their chain');

  // The cached list is gone with the replaced records: only the client in the backup remains.
  await goToClientList(page);
  await expect(clientOption(page, new RegExp(CLIENT.legalName))).toBeVisible();
  await expect(clientOption(page, new RegExp(later.legalName))).toHaveCount(0);
  // This computer's backup history is kept across the restore.
  await openBackupsPage(page);
  await expect(page.getByRole('table', { name: 'Recent backups' }).getByRole('row')).toHaveCount(2);
});

test('from the unlock screen, a backup replaces the locked vault’s records once RESTORE is typed', async ({ app: page, harness }) => {
  test.setTimeout(120_000);
  await openEmptyVault(page);
  await addClientThroughUi(page, CLIENT);
  await setUpBackupsThroughUi(page, harness.dialogDir);
  await backUpNowThroughUi(page);
  const later = { legalName: 'Bartholomew Quince' };
  await addClientThroughUi(page, later);
  await page.getByRole('button', { name: 'Lock vault' }).click();

  await page.getByRole('button', { name: 'Restore a backup instead' }).click();
  await expect(page.getByRole('heading', { name: 'Restore a backup' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Choose backup file…' }).click();
  await page.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
  // The vault passphrase is checked first: a wrong one is refused before the backup is decrypted.
  await page.getByLabel('Vault passphrase', { exact: true }).fill('not my vault passphrase 77');
  await page.getByRole('button', { name: 'Check backup' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That vault passphrase is not correct' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Vault passphrase', { exact: true }).fill(FIRST_PASSPHRASE);
  await page.getByRole('button', { name: 'Check backup' }).click();
  await expect(page.getByRole('region', { name: 'The backup' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('The records in this vault will be replaced')).toBeVisible();
  const replace = page.getByRole('button', { name: 'Replace with backup' });
  await expect(replace).toBeDisabled();
  await page.getByLabel('Type RESTORE to confirm').fill('RESTORE');
  await replace.click();

  // The restored vault opens with the same passphrase, holding only what the backup held.
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Restored records verified' })).toBeVisible();
  await expect(clientOption(page, new RegExp(CLIENT.legalName))).toBeVisible();
  await expect(clientOption(page, new RegExp(later.legalName))).toHaveCount(0);
  await page.getByRole('button', { name: 'Lock vault' }).click();
  await expect(page.getByRole('button', { name: 'Restore a backup instead' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(FIRST_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible({ timeout: 15_000 });
});

test('cancelling a prepared restore changes nothing', async ({ app: page, harness }) => {
  test.setTimeout(120_000);
  await openEmptyVault(page);
  await addClientThroughUi(page, CLIENT);
  await setUpBackupsThroughUi(page, harness.dialogDir);
  await backUpNowThroughUi(page);
  const later = { legalName: 'Bartholomew Quince' };
  await addClientThroughUi(page, later);

  await openBackupsPage(page);
  const dialog = await chooseFileFor(page, 'Restore from backup…', 'Restore from backup');
  await dialog.getByRole('button', { name: 'Check backup' }).click();
  await expect(dialog.getByRole('region', { name: 'The backup' })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // No staging copy is left in the vault folder.
  await expect.poll(async () => (await fs.readdir(harness.vaultDir)).filter((name) => name.startsWith('.restore-staging'))).toEqual([]);
  await goToClientList(page);
  await expect(clientOption(page, new RegExp(later.legalName))).toBeVisible();
});

test('an unencrypted export needs its checkbox; the encrypted one from a client page is the default', async ({ app: page, harness }) => {
  test.setTimeout(120_000);
  await openEmptyVault(page);
  await addClientThroughUi(page, CLIENT);
  await setUpBackupsThroughUi(page, harness.dialogDir);

  await openBackupsPage(page);
  await page.getByRole('button', { name: 'Export data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export data' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'The whole practice' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'JSON' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'CSV' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Encrypted with your backup passphrase (recommended)' })).toBeChecked();

  // Process notes: unticked, and a warning once ticked.
  const processNotes = dialog.getByRole('checkbox', { name: 'Include private process notes' });
  await expect(processNotes).not.toBeChecked();
  await processNotes.check();
  await expect(dialog.getByText('Process notes are your private working notes.', { exact: false })).toBeVisible();
  await processNotes.uncheck();

  // At least one format.
  await dialog.getByRole('checkbox', { name: 'JSON' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'CSV' }).uncheck();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByText('Choose at least one format.')).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'CSV' }).check();
  await expect(dialog.getByText('Choose at least one format.')).toBeHidden();

  // Unencrypted: a red warning, and nothing is written until the box is ticked.
  await dialog.getByText('Unencrypted', { exact: true }).click();
  await expect(dialog.getByText('This file will not be encrypted')).toBeVisible();
  const understood = dialog.getByRole('checkbox', { name: /I understand this file is not encrypted/ });
  await expect(understood).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(understood).toHaveAccessibleDescription('Tick this box to export without encryption.');
  expect(await fs.readdir(harness.dialogDir)).toEqual([]);
  await understood.check();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const plainNotice = page.getByRole('alert').filter({ hasText: 'Data exported' });
  await expect(plainNotice).toContainText('not encrypted');
  const plainFiles = await fs.readdir(harness.dialogDir);
  expect(plainFiles).toHaveLength(1);
  expect(plainFiles[0]).toMatch(/\.tar$/);

  // From the client's page: that client, encrypted by default.
  await goToClientList(page);
  await clientOption(page, new RegExp(CLIENT.legalName)).click();
  await expect(page.getByRole('heading', { name: CLIENT.legalName, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Export client data…' }).click();
  const clientDialog = page.getByRole('dialog', { name: 'Export data' });
  await expect(clientDialog.getByRole('radio', { name: 'One client' })).toBeChecked();
  await expect(clientDialog.getByLabel('Client', { exact: true })).toHaveValue(new RegExp(CLIENT.legalName));
  await clientDialog.getByRole('button', { name: 'Export…' }).click();
  await expect(clientDialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Data exported' }).filter({ hasText: ', encrypted' })).toBeVisible();
  const encrypted = (await fs.readdir(harness.dialogDir)).filter((name) => !plainFiles.includes(name));
  expect(encrypted).toHaveLength(1);
  const head = (await fs.readFile(path.join(harness.dialogDir, encrypted[0]!))).subarray(0, 21).toString('latin1');
  expect(head).toBe('age-encryption.org/v1');
  expect(encrypted[0]).not.toMatch(/Wilhelmina|Ashdown/i);
  expect(encrypted[0]).not.toMatch(BACKUP_FILE);
});
