import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSettings } from '../../electron/services/database/settings.repository';
import { listActivity } from '../../electron/services/activity/activity-log';
import { SummaryService } from '../../electron/services/summary/summary.service';
import type { Dialogs } from '../../electron/services/dialogs';
import { progressSummaryOptionsSchema, type ProgressSummaryOptionsInput } from '../../shared/progress-summary';
import { openNotesVault, type NotesVault } from './support/notes-vault';
import { pdfInfo, pdfText, renderPageOne, squash } from './support/pdf-tools';
import { everyPartSummary, MARKERS, seedSummaryClient, type SeededSummaryClient } from './support/summary-client';
import { removeDir, tempDir } from './support/temp-vault';

/**
 * The last line of each page's body, read below the running header and above the footer (A4), in the
 * order a reader sees it: what a page ends with.
 */
function lastBodyLines(file: string, pageCount: number): string[] {
  return Array.from({ length: pageCount }, (_, i) => {
    const page = String(i + 1);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', page, '-l', page, '-x', '0', '-y', '58', '-W', '595', '-H', '728', file, '-'], { encoding: 'utf8' });
    return text.split('\n').map((line) => line.trim()).filter((line) => line !== '').at(-1) ?? '';
  });
}

/** A dialogs port that answers the save dialog with whatever the test sets, and records reveals. */
function scriptedDialogs() {
  const state = { saveAnswer: null as string | null, revealed: [] as string[] };
  const dialogs: Dialogs = {
    chooseSavePath: async () => state.saveAnswer,
    chooseFolder: async () => null,
    chooseOpenPath: async () => null,
    showInFolder: async (file) => {
      state.revealed.push(file);
    },
  };
  return { state, dialogs };
}

describe('PDF progress summary', () => {
  let nv: NotesVault;
  let client: SeededSummaryClient;
  let service: SummaryService;
  let out: string;
  const dialogs = scriptedDialogs();

  const options = (overrides: Partial<ProgressSummaryOptionsInput> = {}) => everyPartSummary(client, { includeProcessNotes: false, ...overrides });

  /** Builds the summary and writes it under the test's folder, for the poppler tools to read. */
  const build = async (name: string, overrides: Partial<ProgressSummaryOptionsInput> = {}) => {
    const { bytes, pageCount } = await service.build(options(overrides));
    const file = path.join(out, `${name}.pdf`);
    writeFileSync(file, bytes);
    return { file, pageCount, text: squash(pdfText(file)), info: pdfInfo(file) };
  };

  beforeAll(async () => {
    nv = await openNotesVault();
    out = tempDir('alliance-pdf-');
    client = await seedSummaryClient(nv, { legalName: 'Zoë Ødegaard', preferredName: 'Zoë', sessions: 40, mentionName: 'Zoë' });
    await writeSettings(nv.db(), {
      practiceName: 'Harbour Counselling',
      licenceNumber: 'LIC-12345',
      practiceContact: '1 Quay Street\nharbour@example.org',
    });
    service = new SummaryService({ db: nv.db, now: () => new Date(2026, 5, 15, 12), settings: () => nv.vault.settings(), dialogs: dialogs.dialogs });
  });

  afterAll(async () => {
    await nv.close();
    await removeDir(out);
  });

  it('prints the chosen sections, the practice details and the chosen note sections only', async () => {
    const pdf = await build('full', {});
    renderPageOne(pdf.file, 'summary-full-page1');
    for (const heading of ['Progress summary', 'CONFIDENTIAL', 'Diagnoses', 'Treatment goals', 'Attendance', 'Working alliance', 'Outcome measures', 'Measures', 'Sessions', 'Note excerpts']) {
      expect(pdf.text).toContain(heading);
    }
    expect(pdf.text).toContain('Harbour Counselling');
    expect(pdf.text).toContain('Dr. Synthetic Example, PsyD');
    expect(pdf.text).toContain('Licence number: LIC-12345');
    expect(pdf.text).toContain('harbour@example.org');
    expect(pdf.text).toContain(MARKERS.diagnosis);
    expect(pdf.text).toContain(MARKERS.goalText);
    expect(pdf.text).toContain(MARKERS.plan);
    expect(pdf.text).toContain(MARKERS.goals);
    // Sections not ticked, and the private process notes, are nowhere in the file.
    expect(pdf.text).not.toContain(MARKERS.tasks);
    expect(pdf.text).not.toContain(MARKERS.bond);
    expect(pdf.text).not.toContain(MARKERS.process);
    expect(pdf.text).toMatch(/Page 1 of \d+/);
    expect(pdf.text).toContain('Exported 15 June 2026');
    // The chart legends and cutoff come from the measure definitions.
    expect(pdf.text).toContain('Cutoff 24');
    expect(pdf.text).toContain('Total, PHQ-9 client-rated');
    // Subscales get their own panel and axis; each panel and axis is titled; every line's legend names measure and rater.
    expect(pdf.text).toContain('Session Alliance Check (client): total');
    expect(pdf.text).toContain('Session Alliance Check (client): Goals, Tasks, Bond');
    expect(pdf.text).toContain('Subscale (0–10)');
    expect(pdf.text).toContain('Total (0–30)');
    expect(pdf.text).toContain('Goals, SAC client-rated');
    expect(pdf.text).toContain('Session date');
    // Ticks fall on session dates: weekly Mondays from Monday 1 September 2025.
    expect(pdf.text).toMatch(/1 Sep 2025 (\d+ \w{3} (\d{4} )?)+/);
    expect(pdf.text).not.toMatch(/\b(7|14|21|28) Sep\b/);
    // 40 sessions: 4 no-shows (every 9th from the 5th) and 3 late cancellations (every 13th from the 8th).
    expect(pdf.text).toContain('Sessions booked Attended Late cancellations No-shows 40 33 3 4');
    expect(pdf.text).toContain('2 unsigned drafts in this period are not included');
  });

  it('writes a measure with fewer than three results as a line of numbers, not a chart', async () => {
    const small = await seedSummaryClient(nv, { legalName: 'Wren Abernethy', sessions: 2, draftsAtEnd: 0 });
    const { bytes } = await service.build(everyPartSummary(small, { sections: ['allianceChart', 'outcomeChart'], excerptSections: [] }));
    const file = path.join(out, 'few-results.pdf');
    writeFileSync(file, bytes);
    const text = squash(pdfText(file));
    expect(text).toContain('SAC client: 24 on 1 Sep 2025 (Goals 7, Tasks 8, Bond 9); 24 on 8 Sep 2025 (Goals 8, Tasks 7, Bond 9)');
    expect(text).toContain('PHQ-9: 24 on 1 Sep 2025');
    // No chart was drawn: no axis, no legend.
    expect(text).not.toContain('Session date');
    expect(text).not.toContain('Total, PHQ-9 client-rated');
  });

  it('never ends a page with a heading or a label whose text is on the next page', async () => {
    // Two layouts that ended pages with a lone "Plan", "Tasks" or "Goals" label before labels kept their text.
    const labels = /^(Plan|Goals|Tasks|Bond|Risk|Session of .*|Addendum, .*|Diagnoses|Treatment goals|Attendance|Working alliance|Outcome measures|Measures|Sessions|Note excerpts)$/;
    for (const [sessions, sections] of [
      [6, ['goals', 'allianceChart', 'outcomeChart', 'noteExcerpts']],
      [10, ['goals', 'attendance', 'noteExcerpts']],
    ] as const) {
      const other = await seedSummaryClient(nv, { legalName: `Orla Penhaligon ${sessions}`, sessions, draftsAtEnd: 0, mentionName: 'Orla' });
      const { bytes, pageCount } = await service.build(everyPartSummary(other, { sections: [...sections], excerptSections: ['plan', 'goals', 'tasks'], includeProcessNotes: false }));
      const file = path.join(out, `orphans-${sessions}.pdf`);
      writeFileSync(file, bytes);
      expect(pageCount).toBeGreaterThan(1);
      const ends = lastBodyLines(file, pageCount);
      expect(ends.filter((line) => labels.test(line))).toEqual([]);
    }
  });

  it('leaves out every section that was not ticked', async () => {
    const pdf = await build('goals-only', { sections: ['goals'], excerptSections: [] });
    expect(pdf.text).toContain('Treatment goals');
    for (const absent of ['Diagnoses', 'Working alliance', 'Outcome measures', 'Attendance', 'Note excerpts', 'Sessions booked', MARKERS.diagnosis, MARKERS.plan, MARKERS.goals]) {
      expect(pdf.text).not.toContain(absent);
    }
  });

  it('prints process notes only when explicitly ticked, marked as private', async () => {
    const pdf = await build('with-process', { sections: ['noteExcerpts'], excerptSections: ['plan'], includeProcessNotes: true });
    expect(pdf.text).toContain(MARKERS.process);
    expect(pdf.text).toContain('Process note (private)');
  });

  it('with "client code only" names the client nowhere: not in the text, not in the metadata', async () => {
    const pdf = await build('code-only', { identity: 'codeOnly' });
    renderPageOne(pdf.file, 'summary-code-only-page1');
    expect(pdf.text).toContain(client.code);
    for (const name of ['Zoë', 'Ødegaard', 'Zoe', 'Odegaard', '1990', 'Example Road']) expect(pdf.text).not.toContain(name);
    // The client's name as written in the notes is replaced too.
    expect(pdf.text).toContain('[client] said the week went better');
    expect(pdf.info.status).toBe(0);
    const metadata = JSON.stringify(pdf.info.fields);
    expect(metadata).not.toMatch(/Zoë|Ødegaard/);
    expect(pdf.info.fields.Title).toContain(client.code);
  });

  it('is a valid PDF with title, author and creation date, and the same page count every time', async () => {
    const first = await build('stable-1', {});
    const second = await build('stable-2', {});
    expect(first.info.status).toBe(0);
    expect(first.info.fields.Title).toBe(`Progress summary ${client.code}, 1 September 2025 to 1 June 2026`);
    expect(first.info.fields.Author).toBe('Dr. Synthetic Example, PsyD');
    expect(first.info.fields.CreationDate).toMatch(/2026/);
    expect(first.info.fields['Page size']).toMatch(/595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(first.info.fields.Pages)).toBe(first.pageCount);
    expect(first.pageCount).toBeGreaterThan(2);
    expect(second.pageCount).toBe(first.pageCount);
    expect(first.text).toContain(`Page ${first.pageCount} of ${first.pageCount}`);
  });

  it('uses US Letter when Settings say so', async () => {
    await writeSettings(nv.db(), { paperSize: 'Letter' });
    try {
      const pdf = await build('letter', { sections: ['goals'] });
      expect(pdf.info.fields['Page size']).toMatch(/612 x 792 pts \(letter\)/);
    } finally {
      await writeSettings(nv.db(), { paperSize: 'A4' });
    }
  });

  it('renders names in any script as extractable text, right-to-left included', async () => {
    for (const [index, name] of ['Zoë Ødegaard', 'Nguyễn Thị Minh Khai', '王小明', 'محمد الأحمد'].entries()) {
      const other = await seedSummaryClient(nv, { legalName: name, sessions: 2, draftsAtEnd: 0 });
      const { bytes } = await service.build(
        progressSummaryOptionsSchema.parse({ clientId: other.clientId, from: other.firstDate, to: other.lastDate, identity: 'full', sections: ['goals'] }),
      );
      const file = path.join(out, `script-${index}.pdf`);
      writeFileSync(file, bytes);
      renderPageOne(file, `summary-script-${index}-page1`);
      // pdftotext wraps right-to-left runs in directional marks; the letters themselves must be intact.
      const text = pdfText(file).replace(/[\u200e\u200f\u202a-\u202e]/g, '');
      expect(text).toContain(name);
    }
  });

  it('exports atomically to the chosen file, logs what was chosen (never content) and reveals only that file', async () => {
    const folder = path.join(out, 'exports');
    mkdirSync(folder);
    dialogs.state.saveAnswer = path.join(folder, 'summary-for-referrer');
    const saved = await service.export(options({ sections: ['goals', 'attendance'], excerptSections: [] }));
    expect(saved).toMatchObject({ saved: true, path: path.join(folder, 'summary-for-referrer.pdf') });
    expect(readdirSync(folder)).toEqual(['summary-for-referrer.pdf']);
    expect(readFileSync(saved.path!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(saved.bytes).toBe(readFileSync(saved.path!).length);

    const { entries } = await listActivity(nv.db(), { clientId: client.clientId, limit: 1 });
    expect(entries[0]).toMatchObject({ action: 'export', recordType: 'summary', clientId: client.clientId });
    expect(entries[0]!.fields).toEqual([`period ${client.firstDate} to ${client.lastDate}`, 'identifying details', 'goals', 'attendance']);

    await service.showInFolder(saved.path!);
    expect(dialogs.state.revealed).toEqual([saved.path]);
    await expect(service.showInFolder('/etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('writes nothing and logs nothing when the save dialog is cancelled', async () => {
    dialogs.state.saveAnswer = null;
    const before = await listActivity(nv.db(), { limit: 1 });
    expect(await service.export(options({ sections: ['goals'] }))).toMatchObject({ saved: false, path: null });
    expect((await listActivity(nv.db(), { limit: 1 })).entries[0]!.seq).toBe(before.entries[0]!.seq);
  });

  it('reports a folder that no longer exists, and writes nothing anywhere', async () => {
    const gone = path.join(out, 'unplugged-usb-drive');
    dialogs.state.saveAnswer = path.join(gone, 'summary.pdf');
    await expect(service.export(options({ sections: ['goals'] }))).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: 'The summary could not be saved there: that folder does not exist any more. Nothing was written; choose another folder.',
    });
    expect(existsSync(gone)).toBe(false);
  });

  it('refuses an end date before the start date, and note excerpts with no section chosen', () => {
    const wrongOrder = progressSummaryOptionsSchema.safeParse({ clientId: client.clientId, from: '2026-05-01', to: '2026-04-01', identity: 'full', sections: [] });
    expect(wrongOrder.success).toBe(false);
    expect(wrongOrder.error?.issues[0]).toMatchObject({ path: ['to'], message: 'The end date must be on or after the start date.' });
    const noSections = progressSummaryOptionsSchema.safeParse({ clientId: client.clientId, from: '2026-04-01', to: '2026-05-01', identity: 'full', sections: ['noteExcerpts'] });
    expect(noSections.error?.issues[0]?.path).toEqual(['excerptSections']);
  });

  it('offers the record\'s date span and the note sections in use', async () => {
    expect(await service.choices(client.clientId)).toEqual({
      firstSessionDate: client.firstDate,
      lastSessionDate: client.lastDate,
      noteSections: [
        { key: 'goals', label: 'Goals' },
        { key: 'tasks', label: 'Tasks' },
        { key: 'bond', label: 'Bond' },
        { key: 'risk', label: 'Risk' },
        { key: 'plan', label: 'Plan' },
      ],
      hasProcessNotes: true,
      prescriber: false,
      paperSize: 'A4',
    });
  });
});
