import type { Locator } from '@playwright/test';
import { addYearsIso, dayInWords } from '../../shared/dates';
import { expect, test } from './fixtures';
import { addClientThroughUi, goToClientList, isoToday, openEmptyVault } from './clients-ui';

/**
 * Implausible input in the forms: each gets its own message at its field, and what was typed stays in
 * the field to be corrected: a session in 2100 or of 10,000 minutes, 30 February typed into a date,
 * a phone number "abc", an intake in 1800, a plan review in 2100, 7.5 on a whole-number item.
 */

const UNREADABLE = 'That date does not exist (like 30 February) or is not complete. Check the day, month and year.';

/** Types a day into a date field key by key, as YYYY-MM-DD, replacing what it held. */
async function typeDate(input: Locator, parts: { day: string; month: string; year: string }): Promise<void> {
  await input.fill('');
  await input.pressSequentially(`${parts.year}-${parts.month}-${parts.day}`);
}

test('a new session: 2100, 10,000 minutes and 30 February are each named at their field and stay as typed', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Ines Example', dateOfBirth: '1991-03-04' });
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.getByRole('button', { name: 'New session' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New session' });
  const date = dialog.getByLabel('Date');
  const length = dialog.getByLabel('Length (minutes)');

  await date.fill('2100-03-01');
  await length.fill('10000');
  await length.blur();
  await dialog.getByRole('button', { name: 'Start note' }).click();
  const lastDay = dayInWords(addYearsIso(isoToday(), 1));
  await expect(date).toHaveAccessibleDescription(`A session date can be at most a year from today (${lastDay}).`);
  await expect(length).toHaveAccessibleDescription('A session can last at most 10 hours (600 minutes).');
  await expect(date).toHaveValue('2100-03-01');
  await expect(length).toHaveValue('10000');

  // Before the client was born.
  await date.fill('1990-12-31');
  await date.blur();
  await expect(date).toHaveAccessibleDescription("A session date cannot be before the client's date of birth (4 March 1991).");

  // 30 February typed key by key: never read as 2 March, nor as no date at all.
  await typeDate(date, { day: '30', month: '02', year: '2026' });
  await length.fill('50');
  await dialog.getByRole('button', { name: 'Start note' }).click();
  await expect(date).toHaveAccessibleDescription(UNREADABLE);
  await expect(dialog.getByText('Enter the date of the session.')).toHaveCount(0);
  await expect(date).toHaveValue('2026-02-30');
  await expect(dialog).toBeVisible();

  // Corrected, the session starts.
  await typeDate(date, { day: '28', month: '02', year: '2026' });
  await expect(date).toHaveValue('2026-02-28');
  await expect(date).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Start note' }).click();
  await expect(page.getByRole('heading', { name: /^Session note, / , level: 1 })).toBeVisible();
});

test('the client form names a phone "abc", an intake in 1800, a review in 2100 and 30 February, keeping each as typed', async ({ app: page }) => {
  await openEmptyVault(page);
  await goToClientList(page);
  await page.getByRole('button', { name: 'Add client', exact: true }).click();
  await expect(page.getByLabel('Client code')).not.toHaveValue('');
  await page.getByLabel('Legal name').fill('Theo Example');
  const phone = page.getByLabel('Phone', { exact: true });
  const emergencyPhone = page.getByLabel('Emergency contact phone');
  const intake = page.getByLabel('Intake date');
  const review = page.getByLabel('Plan review date');
  const birth = page.getByLabel('Date of birth');
  await phone.fill('abc');
  await emergencyPhone.fill('ring the office');
  await intake.fill('1800-05-01');
  await review.fill('2100-01-01');
  await typeDate(birth, { day: '30', month: '02', year: '1985' });
  await page.getByRole('button', { name: 'Save client' }).click();

  const phoneMessage = 'Enter a phone number using digits, spaces, + - ( ).';
  await expect(phone).toHaveAccessibleDescription(phoneMessage);
  await expect(emergencyPhone).toHaveAccessibleDescription(phoneMessage);
  await expect(intake).toHaveAccessibleDescription('Check the year: an intake date cannot be before 1900.');
  await expect(review).toHaveAccessibleDescription(`A plan review date can be at most 2 years from today (${dayInWords(addYearsIso(isoToday(), 2))}).`);
  await expect(birth).toHaveAccessibleDescription(UNREADABLE);
  await expect(phone).toHaveValue('abc');
  await expect(emergencyPhone).toHaveValue('ring the office');
  await expect(intake).toHaveValue('1800-05-01');
  await expect(review).toHaveValue('2100-01-01');
  await expect(birth).toHaveValue('1985-02-30');
  await expect(page.getByRole('heading', { name: 'New client' })).toBeVisible();

  // An intake tomorrow is in the future; corrected fields save.
  await phone.fill('+44 20 7946 0000 ext 12');
  await emergencyPhone.fill('07700 900123');
  await intake.fill(addYearsIso(isoToday(), 1));
  await intake.blur();
  await expect(intake).toHaveAccessibleDescription(`Intake date cannot be in the future (today is ${dayInWords(isoToday())}).`);
  await intake.fill(isoToday());
  await review.fill(addYearsIso(isoToday(), 1));
  await birth.fill('1985-02-28');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: 'Theo Example', level: 1 })).toBeVisible();
  await expect(page.getByText('+44 20 7946 0000 ext 12')).toBeVisible();
});

test('7.5 on a whole-number item stays 7.5 and is named, and the result is not saved until corrected', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Wren Example' });
  await page.getByRole('tab', { name: 'Measures' }).click();
  await page.getByRole('button', { name: /Record a measure/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Record a measure' });
  const boxes = dialog.getByRole('textbox', { name: /: score$/ });
  await expect(boxes).toHaveCount(3);
  await boxes.nth(0).fill('8');
  await boxes.nth(1).pressSequentially('7.5');
  await boxes.nth(2).fill('9');
  await boxes.nth(2).blur();
  await expect(boxes.nth(1)).toHaveValue('7.5');
  await expect(dialog.getByText('Item 2 takes a whole number from 0 to 10.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save result' }).click();
  await expect(dialog).toBeVisible();
  await expect(boxes.nth(1)).toHaveValue('7.5');

  await boxes.nth(1).fill('7');
  await expect(dialog.getByRole('status', { name: 'Scores' })).toContainText('Total: 24 of 30');
  await dialog.getByRole('button', { name: 'Save result' }).click();
  await expect(dialog).toBeHidden();
});

test('on the treatment plan, a review in 2100 and a goal target of 30 February are named, and neither is saved', async ({ app: page }) => {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: 'Oona Example' });
  await page.getByRole('tab', { name: 'Treatment plan' }).click();

  await page.getByRole('button', { name: 'Set review date' }).click();
  const review = page.getByLabel('Plan review date');
  await review.fill('2100-01-01');
  await page.getByRole('button', { name: 'Save review date' }).click();
  await expect(review).toHaveAccessibleDescription(`A plan review date can be at most 2 years from today (${dayInWords(addYearsIso(isoToday(), 2))}).`);
  await expect(review).toHaveValue('2100-01-01');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Not set')).toBeVisible();

  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByLabel("Goal (in the client's own words)").fill('Walk to the shop without panic');
  const target = page.getByLabel('Target date');
  await typeDate(target, { day: '30', month: '02', year: '2027' });
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(target).toHaveAccessibleDescription(UNREADABLE);
  await expect(target).toHaveValue('2027-02-30');
  await expect(page.getByRole('article', { name: /^Goal: / })).toHaveCount(0);
});
