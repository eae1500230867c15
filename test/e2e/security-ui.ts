import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { addClientThroughUi, openEmptyVault } from './clients-ui';
import { CANARY, SECURITY_CANARIES } from './canaries';
import { saveStatus, sectionEditor, startSessionThroughUi } from './notes-ui';
import { FIRST_PASSPHRASE } from './vault-helpers';

/** Steps and probes shared by security.spec.ts. */

/** Everything the window shows or holds in its document, as the practitioner's successor would find it. */
export interface WindowContents {
  html: string;
  title: string;
  /** The value of every input, textarea and select (values typed by a user are not in the HTML). */
  fieldValues: string[];
  /** The text of every rich-text editor still in the page. */
  editors: string[];
  address: string;
}

export const windowContents = (page: Page): Promise<WindowContents> =>
  page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    title: document.title,
    fieldValues: [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')].map(
      (field) => field.value,
    ),
    editors: [...document.querySelectorAll('.ProseMirror, [contenteditable="true"]')].map((editor) => editor.textContent ?? ''),
    address: location.href,
  }));

/** Which canaries appear where, as `part: canary` (an empty list means the window holds none). */
export function canariesIn(contents: WindowContents, canaries: readonly string[] = SECURITY_CANARIES): string[] {
  const parts: Record<string, string> = {
    html: contents.html,
    title: contents.title,
    'field values': contents.fieldValues.join('\n'),
    editors: contents.editors.join('\n'),
    address: decodeURIComponent(contents.address),
  };
  return Object.entries(parts).flatMap(([part, text]) => canaries.filter((canary) => text.includes(canary)).map((canary) => `${part}: ${canary}`));
}

/** The note page's address: `#/clients/<clientId>/notes/<noteId>`. */
export function noteIds(page: Page): { clientId: string; noteId: string } {
  const match = /#\/clients\/([^/?]+)\/notes\/([^/?]+)/.exec(page.url());
  if (!match?.[1] || !match[2]) throw new Error(`Not on a note page: ${page.url()}`);
  return { clientId: match[1], noteId: match[2] };
}

/**
 * A new vault with the canary client, and a session note open on screen holding the canary text in a
 * section and in a plain field, saved. Ends on the note page.
 */
export async function openCanaryNote(page: Page): Promise<void> {
  await openEmptyVault(page);
  await addClientThroughUi(page, { legalName: CANARY.clientName, preferredName: CANARY.preferredName });
  await startSessionThroughUi(page);
  await sectionEditor(page, 'Goals').click();
  await page.keyboard.type(CANARY.noteText);
  await page.getByRole('radio', { name: 'Low' }).check();
  await page.getByLabel('Action taken').fill(CANARY.fieldText);
  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 10_000 });
}

export const unlockScreen = (page: Page) => page.getByRole('heading', { name: 'Unlock your vault' });

export async function unlockThroughUi(page: Page): Promise<void> {
  await page.getByLabel('Passphrase').fill(FIRST_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible({ timeout: 15_000 });
}

/** Every file under `root` (following no links), skipping what vanished or cannot be read meanwhile. */
export async function filesUnder(root: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (entry: string): Promise<void> => {
    let stat;
    try {
      stat = await fs.lstat(entry);
    } catch {
      return; // another process removed it while we looked
    }
    if (stat.isDirectory()) {
      let children: string[] = [];
      try {
        children = await fs.readdir(entry);
      } catch {
        return;
      }
      for (const child of children) await visit(path.join(entry, child));
    } else if (stat.isFile()) {
      found.push(entry);
    }
  };
  await visit(root);
  return found;
}

const MAX_SCANNED_BYTES = 256 * 1024 * 1024;

/**
 * The files among `files` whose bytes contain a canary as UTF-8 or UTF-16 (either byte order), in the
 * composed or decomposed form. Returned as `file: canary`.
 */
export async function filesHoldingCanaries(files: readonly string[], canaries: readonly string[] = SECURITY_CANARIES): Promise<string[]> {
  const needles = canaries.flatMap((canary) =>
    [...new Set([canary.normalize('NFC'), canary.normalize('NFD')])].flatMap((form) => {
      const utf16le = Buffer.from(form, 'utf16le');
      const utf16be = Buffer.from(utf16le).swap16();
      return [Buffer.from(form, 'utf8'), utf16le, utf16be].map((bytes) => ({ canary, bytes }));
    }),
  );
  const hits: string[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      const { size } = await fs.stat(file);
      if (size > MAX_SCANNED_BYTES) continue;
      bytes = await fs.readFile(file);
    } catch {
      continue;
    }
    const found = new Set(needles.filter((needle) => bytes.includes(needle.bytes)).map((needle) => needle.canary));
    for (const canary of found) hits.push(`${file}: ${canary}`);
  }
  return hits;
}
