import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextToMarkdown } from '../../electron/services/export/note-markdown';
import { SummaryService } from '../../electron/services/summary/summary.service';
import { searchInputSchema } from '../../shared/notes';
import { progressSummaryOptionsSchema } from '../../shared/progress-summary';
import { richTextDocSchema, richTextToPlain, type RichTextNode } from '../../shared/rich-text';
import { tableGrid } from '../../shared/rich-text-table';
import { allianceContent, newClient, openNotesVault, sessionFields, setPractitioner, type NotesVault } from './support/notes-vault';
import { pdfText, renderPageOne } from './support/pdf-tools';
import { removeDir, tempDir } from './support/temp-vault';

/**
 * A table pasted from Word or a web page is stored as a table, and every reader of the record keeps
 * its cells apart: search, the Markdown export and the PDF summary never read "MonWalked".
 */

const text = (value: string): RichTextNode => ({ type: 'text', text: value });
const para = (...values: string[]): RichTextNode => ({ type: 'paragraph', content: values.map(text) });
const cell = (value: string, attrs: Record<string, number> = { colspan: 1, rowspan: 1 }, type: 'tableCell' | 'tableHeader' = 'tableCell'): RichTextNode => ({
  type,
  attrs,
  content: value === '' ? [{ type: 'paragraph' }] : [para(value)],
});
const row = (...cells: RichTextNode[]): RichTextNode => ({ type: 'tableRow', content: cells });

/** What the editor stores for a diary table pasted from Word: a heading, then the table, then a line. */
const diary: RichTextNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 3 }, content: [text('Activity diary')] },
    {
      type: 'table',
      content: [
        row(cell('Day', undefined, 'tableHeader'), cell('Activity', undefined, 'tableHeader')),
        row(cell('Mon'), cell('Walked')),
        row(cell('Tue'), cell('Did not')),
      ],
    },
    para('Reviewed together.'),
  ],
};

describe('rich-text tables in the schema', () => {
  it('accepts the table JSON the editor produces', () => {
    expect(richTextDocSchema.safeParse(diary).success).toBe(true);
  });

  it('refuses a cell span that is not a whole number from 1 to 50, with a message saying so', () => {
    for (const colspan of [0, 51, 1.5, -1]) {
      const result = richTextDocSchema.safeParse({ type: 'doc', content: [{ type: 'table', content: [row(cell('x', { colspan, rowspan: 1 }))] }] });
      expect(result.success, `colspan ${colspan}`).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('A table cell can span 1 to 50 columns or rows.');
    }
  });

  it('gives each row its own line in plain text, cells apart', () => {
    expect(richTextToPlain(diary)).toBe('Activity diary\nDay | Activity\nMon | Walked\nTue | Did not\nReviewed together.');
  });

  it('lays spanning cells out on a rectangular grid, text in the first slot', () => {
    const spanning: RichTextNode = { type: 'table', content: [row(cell('Week 1', { colspan: 2, rowspan: 1 }), cell('Notes', { colspan: 1, rowspan: 2 })), row(cell('Mon'), cell('Tue'))] };
    const grid = tableGrid(spanning).map((cells) => cells.map((slot) => richTextToPlain(slot.cell)));
    expect(grid).toEqual([
      ['Week 1', '', 'Notes'],
      ['Mon', 'Tue', ''],
    ]);
  });
});

describe('a note holding a pasted table, through the real vault', () => {
  let nv: NotesVault;
  let noteId: string;
  let clientId: string;
  let out: string;

  beforeAll(async () => {
    nv = await openNotesVault();
    out = tempDir('alliance-tables-');
    await setPractitioner(nv, 'Dr. A. Example');
    clientId = await newClient(nv, 'Tabitha Rowe');
    const note = await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-05-10' }), templateId: 'alliance' });
    noteId = note.id;
    await nv.notes.saveDraft({ noteId, baseRevision: 0, content: allianceContent({ tasks: diary }), processNote: null });
    await nv.notes.sign({ noteId, baseRevision: 1 });
  });
  afterAll(async () => {
    await nv.close();
    await removeDir(out);
  });

  it('stores the table as a table and signs it', async () => {
    const note = await nv.notes.getNote(noteId);
    expect(note.status).toBe('signed');
    expect(note.content.sections['tasks']).toEqual(diary);
  });

  it('finds the note by a word of one cell, and the snippet keeps the cells apart', async () => {
    const results = (await nv.notes.search(searchInputSchema.parse({ query: 'Walked' }))).filter((result) => result.kind === 'note');
    expect(results.map((result) => result.noteId)).toEqual([noteId]);
    const snippet = results[0]!.snippet.map((segment) => segment.text).join('');
    expect(snippet).toContain('Mon | Walked');
    expect(snippet).not.toMatch(/MonWalked|WalkedTue/);
    // "MonWalked" is not a word of the record.
    expect((await nv.notes.search(searchInputSchema.parse({ query: 'MonWalked' }))).filter((result) => result.kind === 'note')).toEqual([]);
  });

  it('exports the table to Markdown as a GFM table under its heading', async () => {
    const note = await nv.notes.getNote(noteId);
    expect(richTextToMarkdown(note.content.sections['tasks'], { headingOffset: 2 })).toBe(
      ['##### Activity diary', '', '| Day | Activity |', '| --- | --- |', '| Mon | Walked |', '| Tue | Did not |', '', 'Reviewed together.'].join('\n'),
    );
  });

  it('keeps cells and lines apart in Markdown when a cell holds several paragraphs or no header row', () => {
    const table: RichTextNode = { type: 'doc', content: [{ type: 'table', content: [row({ type: 'tableCell', content: [para('Slept 5h'), para('woke | twice')] }, cell(''))] }] };
    expect(richTextToMarkdown(table)).toBe(['|   |   |', '| --- | --- |', '| Slept 5h<br>woke \\| twice |  |'].join('\n'));
  });

  it('draws the table in the PDF summary with each cell apart', async () => {
    const service = new SummaryService({ db: nv.db, now: () => new Date(2026, 5, 15, 12), settings: () => nv.vault.settings(), dialogs: { chooseSavePath: async () => null, chooseFolder: async () => null, chooseOpenPath: async () => null, showInFolder: async () => undefined } });
    const options = progressSummaryOptionsSchema.parse({ clientId, from: '2026-05-01', to: '2026-05-31', identity: 'full', sections: ['noteExcerpts'], excerptSections: ['tasks'] });
    const { bytes } = await service.build(options);
    const file = path.join(out, 'tables.pdf');
    writeFileSync(file, bytes);
    const lines = pdfText(file).split('\n').map((line) => line.trim());
    expect(lines).toEqual(expect.arrayContaining(['Activity diary', 'Mon', 'Walked', 'Tue', 'Did not', 'Reviewed together.']));
    expect(pdfText(file)).not.toMatch(/MonWalked|Mon \| Walked/);
    renderPageOne(file, 'rich-text-table');
  });
});
