import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { costFlags, startHarness, type HostCosts } from './harness-process';
import { activeRecorder } from './run-logs';

/**
 * Steps of the backup screens, found by role and label as the practitioner meets them, and a second
 * test host for "restore on another computer". Every passphrase here is made up.
 */
export const BACKUP_PASSPHRASE = 'thistle granite ferry nocturne 41';
/** The vault passphrase on the "new computer" of the restore tests. */
export const NEW_VAULT_PASSPHRASE = 'meadow brass lantern quarry 93';

export const BACKUP_FILE = /^alliance-backup-\d{8}-\d{6}\.age$/;

const mainNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Main' });

export async function openBackupsPage(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' })).toBeVisible({ timeout: 15_000 });
}

export async function openDashboard(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
}

export async function openSettings(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

/** Settings → Backups: the backup passphrase, then the folder (the test host's folder dialog answers its dialog folder). */
export async function setUpBackupsThroughUi(page: Page, folder: string): Promise<void> {
  await openSettings(page);
  const passphrase = page.getByRole('region', { name: 'Backup passphrase' });
  await passphrase.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
  await passphrase.getByLabel('Repeat backup passphrase').fill(BACKUP_PASSPHRASE);
  await passphrase.getByRole('button', { name: 'Set backup passphrase' }).click();
  await expect(passphrase.getByText('Set', { exact: true })).toBeVisible({ timeout: 15_000 });

  const folderSection = page.getByRole('region', { name: 'Backup folder and automatic backups' });
  await folderSection.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(folderSection.getByTestId('backup-folder')).toHaveText(folder);
  await expect(folderSection.getByRole('switch', { name: 'Automatic backups' })).toBeEnabled();
}

/** "Back up now" on the Backups page; waits for the saved notification and returns it. */
export async function backUpNowThroughUi(page: Page): Promise<Locator> {
  await openBackupsPage(page);
  await page.getByRole('button', { name: 'Back up now' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Backup saved' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  return notice;
}

export const backupFilesIn = async (dir: string): Promise<string[]> => (await fs.readdir(dir)).filter((name) => BACKUP_FILE.test(name));

/** A label/value row of a DataList (the status card, a backup's facts). */
export const factValue = (scope: Locator, label: string): Locator =>
  scope.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

export interface SecondComputer {
  page: Page;
  vaultDir: string;
  dialogDir: string;
  /** Closes the page and stops the host; rejects if the host does not exit cleanly. */
  close(): Promise<void>;
}

/**
 * Another computer: its own test host with an empty vault folder, whose dialog folder holds `files`, and
 * its own browser context (the hosts share 127.0.0.1, so their session cookies must not meet). It runs
 * with the first host's costs, so it can read the backups that host wrote.
 */
export async function startSecondComputer(browser: Browser, files: readonly string[], costs: HostCosts): Promise<SecondComputer> {
  const vaultDir = await fs.mkdtemp(path.join(os.tmpdir(), 'alliance-e2e-second-'));
  const dialogDir = await fs.mkdtemp(path.join(os.tmpdir(), 'alliance-e2e-second-'));
  for (const file of files) await fs.copyFile(file, path.join(dialogDir, path.basename(file)));
  const host = await startHarness(['--vault', vaultDir, '--dialog-dir', dialogDir, ...costFlags(costs)]);
  let context: BrowserContext | null = null;
  try {
    context = await browser.newContext();
    // Its pages may reach only their own host; the test's recorder checks that like any other page's.
    activeRecorder()?.watch(context, new Set([new URL(host.url).origin]));
    const page = await context.newPage();
    await page.goto(host.url);
    const opened = context;
    return {
      page,
      vaultDir,
      dialogDir,
      close: async () => {
        await opened.close();
        const code = await host.stop();
        await Promise.all([vaultDir, dialogDir].map((dir) => fs.rm(dir, { recursive: true, force: true })));
        if (code !== 0) throw new Error(`The second test host exited with code ${String(code)}.\n${host.stderr()}`);
      },
    };
  } catch (error) {
    await context?.close();
    await host.stop();
    throw error;
  }
}
