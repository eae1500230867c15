import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openEmptyVault } from './clients-ui';

/**
 * The screens anyone can read: names in Chinese and Arabic script drawn with the app's own bundled Noto
 * faces (not boxes on a desktop without such fonts), and a dark colour scheme chosen in Settings or
 * taken from the operating system.
 */

const CHINESE_NAME = '陈美玲';
const ARABIC_NAME = 'ليلى حداد';

type ApiWindow = { api: Record<string, (input: unknown) => Promise<{ ok: true; value: { id: string } } | { ok: false; error: { message: string } }>> };

/** Adds a client through window.api (the call the new-client form makes); returns its id. */
async function addClient(page: Page, legalName: string, code: string): Promise<string> {
  return page.evaluate(
    async ({ legalName, code }) => {
      const fields = {
        legalName, preferredName: '', pronouns: '', dateOfBirth: null, code, phone: '', email: '', address: '',
        emergencyContact: { name: '', relation: '', phone: '' }, intakeDate: null, referralSource: '', status: 'active',
        dischargeDate: null, dischargeReason: '', presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null,
      };
      const result = await (window as unknown as ApiWindow).api.createClient!({ fields });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.id;
    },
    { legalName, code },
  );
}

/** The state of the page's bundled face for `family` (declared by @font-face), or 'absent'. */
async function faceStatus(page: Page, family: string): Promise<string> {
  return page.evaluate((family) => {
    const faces = [...document.fonts].filter((face) => face.family.replace(/["']/g, '') === family);
    if (faces.length === 0) return 'absent';
    return faces.some((face) => face.status === 'loaded') ? 'loaded' : faces[0]!.status;
  }, family);
}

/**
 * The fonts Chromium actually drew a name in the page heading with (DevTools' "Rendered fonts"): the proof
 * that the glyphs came from the bundled web font rather than from some font this machine happens to have.
 */
async function headingFonts(page: Page, name: string): Promise<Array<{ familyName: string; isCustomFont: boolean }>> {
  // The platform fonts are reported per element for its own text nodes, so mark the element holding the name.
  await page.evaluate((name) => {
    const walker = document.createTreeWalker(document.querySelector('main h1') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.includes(name)) node.parentElement?.setAttribute('data-font-probe', '');
    }
  }, name);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-font-probe]' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map(({ familyName, isCustomFont }) => ({ familyName, isCustomFont }));
  } finally {
    await cdp.detach();
    await page.evaluate(() => document.querySelector('[data-font-probe]')?.removeAttribute('data-font-probe'));
  }
}

async function openClientPage(page: Page, clientId: string, name: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/clients/${clientId}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
}

test('Chinese and Arabic names are drawn with the bundled Noto faces, each loaded only once such a name is on screen', async ({ app: page }) => {
  await openEmptyVault(page);
  // Nothing in Chinese or Arabic has been shown yet: neither face (the Chinese one is ~10 MB) was fetched.
  await expect.poll(() => faceStatus(page, 'Noto Sans SC')).toBe('unloaded');
  await expect.poll(() => faceStatus(page, 'Noto Sans Arabic')).toBe('unloaded');

  const chineseId = await addClient(page, CHINESE_NAME, 'CM-0001');
  const arabicId = await addClient(page, ARABIC_NAME, 'LH-0002');

  await openClientPage(page, chineseId, CHINESE_NAME);
  await expect.poll(() => faceStatus(page, 'Noto Sans SC')).toBe('loaded');
  expect(await page.evaluate((text) => document.fonts.check('16px "Noto Sans SC"', text), CHINESE_NAME)).toBe(true);
  expect(await headingFonts(page, CHINESE_NAME)).toContainEqual({ familyName: 'Noto Sans SC', isCustomFont: true });
  await expect.poll(() => faceStatus(page, 'Noto Sans Arabic')).toBe('unloaded');

  await openClientPage(page, arabicId, ARABIC_NAME);
  await expect.poll(() => faceStatus(page, 'Noto Sans Arabic')).toBe('loaded');
  expect(await page.evaluate((text) => document.fonts.check('16px "Noto Sans Arabic"', text), ARABIC_NAME)).toBe(true);
  expect(await headingFonts(page, ARABIC_NAME)).toContainEqual({ familyName: 'Noto Sans Arabic', isCustomFont: true });
});

const scheme = (page: Page) => page.locator('html');
const schemeChoice = (page: Page, label: string) => page.getByRole('radiogroup', { name: 'Colour scheme' }).getByRole('radio', { name: label });

test('the colour scheme chosen in Settings applies at once, survives a reload, and can follow the system', async ({ app: page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openEmptyVault(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  // Out of the box the app follows the system, which is light here.
  await expect(schemeChoice(page, 'Follow the system')).toBeChecked();
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');

  await schemeChoice(page, 'Dark').check();
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  // The page really is dark, not just labelled so, and its grey descriptions and warnings stay legible.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
  const contrast = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  expect(contrast.violations.flatMap((violation) => violation.nodes.map((node) => node.failureSummary))).toEqual([]);

  // After a reload (as after a restart) the app opens dark, while the system stays light.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(schemeChoice(page, 'Dark')).toBeChecked();

  // Following the system: a dark desktop gives dark screens, and a change on the desktop follows at once.
  // (It also leaves the default stored: under Electron the choice outlives the test in the shared profile.)
  await schemeChoice(page, 'Follow the system').check();
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');
});
