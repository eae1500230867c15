import { expect, type Locator, type Page } from '@playwright/test';
import { createVaultThroughUi } from './vault-helpers';

/**
 * Steps of the client screens, found the way a screen reader user would: by role and by label.
 * Shared by the client specs so each test reads as what the practitioner does.
 */
export interface NewClient {
  legalName: string;
  preferredName?: string;
  pronouns?: string;
  dateOfBirth?: string;
  code?: string;
  email?: string;
}

/** Today on the test machine's clock, as the date inputs show it. */
export function isoToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function openEmptyVault(page: Page): Promise<void> {
  await createVaultThroughUi(page);
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible({ timeout: 15_000 });
}

export const clientsNavLink = (page: Page): Locator => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' });

export async function goToClientList(page: Page): Promise<void> {
  await clientsNavLink(page).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
}

export async function fillClientForm(page: Page, client: NewClient): Promise<void> {
  await page.getByLabel('Legal name').fill(client.legalName);
  if (client.preferredName !== undefined) await page.getByLabel('Preferred name').fill(client.preferredName);
  if (client.pronouns !== undefined) await page.getByLabel('Pronouns').fill(client.pronouns);
  if (client.dateOfBirth !== undefined) await page.getByLabel('Date of birth').fill(client.dateOfBirth);
  if (client.code !== undefined) await page.getByLabel('Client code').fill(client.code);
  if (client.email !== undefined) await page.getByLabel('Email').fill(client.email);
}

/** From anywhere in the app: the new-client form, filled and saved; ends on the client's page. */
export async function addClientThroughUi(page: Page, client: NewClient): Promise<void> {
  await goToClientList(page);
  await page.getByRole('button', { name: 'Add client', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New client' })).toBeVisible();
  // The suggested code is filled in before the form appears.
  await expect(page.getByLabel('Client code')).not.toHaveValue('');
  await fillClientForm(page, client);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: client.legalName, level: 1 })).toBeVisible();
}

/** The status filter's radio for one status; its accessible name is the label followed by the count. */
export const statusFilter = (page: Page, label: string): Locator =>
  page.getByRole('radiogroup', { name: 'Status' }).getByRole('radio', { name: new RegExp(`^${label}\\b`) });

export const clientOption = (page: Page, name: string | RegExp): Locator =>
  page.getByRole('listbox', { name: 'Clients' }).getByRole('option', { name });

/** Picks a status filter the way a pointer user does: the radio itself is visually hidden. */
export async function chooseStatus(page: Page, label: string): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Status' }).getByText(label, { exact: true }).click();
  await expect(statusFilter(page, label)).toBeChecked();
}
