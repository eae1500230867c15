import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES, type ImportRowsInput } from '../../shared/client-import';
import { AppError } from '../../shared/errors';
import { searchInputSchema } from '../../shared/notes';
import { listActivity } from '../../electron/services/activity/activity-log';
import { ClientImportService } from '../../electron/services/caseload/client-import.service';
import { reindexClient } from '../../electron/services/clients/search-index';
import { NotesService } from '../../electron/services/notes/notes.service';
import { HarnessDialogs } from '../harness/harness-dialogs';
import { clientFields, everyClient, openClientVault, testNow, type ClientVault } from './support/client-vault';

let cv: ClientVault;
let dialogs: HarnessDialogs;
let importer: ClientImportService;
beforeEach(async () => {
  cv = await openClientVault();
  dialogs = new HarnessDialogs(null);
  importer = new ClientImportService({ db: cv.db, now: testNow, dialogs });
  await cv.clients.create(clientFields({ legalName: 'Zoë Ødegaard', dateOfBirth: '1990-04-02', code: 'ZO-0001' }));
});
afterEach(async () => {
  await cv.close();
});

const names = async () => (await cv.clients.list(everyClient)).clients.map((client) => client.legalName).sort();
const logLength = async () => (await listActivity(cv.db(), { limit: 1000 })).entries.length;

const fiveRows: ImportRowsInput = {
  dateFormat: 'dd/MM/yyyy',
  rows: [
    { firstName: 'Adaeze', lastName: 'Okafor', dateOfBirth: '14/03/1985', tags: 'CBT; evening', phone: '+44 20 7946 0011' },
    { firstName: 'Bram', lastName: 'Keller', dateOfBirth: '31/02/1990' },
    { firstName: 'ZOË', lastName: 'ødegaard', dateOfBirth: '2/4/1990' },
    { firstName: 'Chen', lastName: 'Wei', code: 'cw-0005' },
    { firstName: '', lastName: '', email: 'someone@example.org' },
  ],
};

async function writeFile(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(cv.dir, name);
  await fs.writeFile(file, content);
  dialogs.queueAnswer('open', file);
  return file;
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('choosing the file', () => {
  it('reads the header and rows as written: byte order mark, semicolons, quoted cells, blank lines, a short row', async () => {
    await writeFile('clients.csv', '\uFEFFFirst name;Last name;DOB\r\n"Ana";"Ruiz; Díaz";01/02/1985\r\n\r\n  \r\nBo;Chen\r\n');
    expect(await importer.chooseFile()).toEqual({
      fileName: 'clients.csv',
      headers: ['First name', 'Last name', 'DOB'],
      rows: [
        ['Ana', 'Ruiz; Díaz', '01/02/1985'],
        ['Bo', 'Chen', ''],
      ],
    });
  });

  it('reads an older Excel export in Windows-1252', async () => {
    await writeFile('latin.csv', Uint8Array.from([...Buffer.from('Name\r\nZo'), 0xeb, ...Buffer.from(' Smith\r\n')]));
    expect((await importer.chooseFile())?.rows).toEqual([['Zoë Smith']]);
  });

  it('is null when the dialog is cancelled', async () => {
    dialogs.queueAnswer('open', null);
    expect(await importer.chooseFile()).toBeNull();
  });

  it('refuses a file that is too large, empty, or has a quotation mark left open, saying why', async () => {
    await writeFile('huge.csv', Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, 'a'));
    expect((await refusal(importer.chooseFile())).message).toMatch(/^That file is 10 MB; a client list is much smaller/);
    await writeFile('empty.csv', 'Name,DOB\n');
    expect((await refusal(importer.chooseFile())).message).toMatch(/^That file has no rows under its header row/);
    await writeFile('quote.csv', 'Name,DOB\nAna,1990-01-01\n"Bo,1990-01-02\nCy,1990-01-03\n');
    expect((await refusal(importer.chooseFile())).message).toMatch(/^Row 3 of the file \(counting the header\) has a quotation mark that is not closed/);
  });
});

describe('checking and importing', () => {
  it('checks without writing anything', async () => {
    const before = await logLength();
    const checked = await importer.check(fiveRows);
    expect(checked.rows.map((row) => row.problems)).toEqual([
      {},
      { dateOfBirth: 'Date of birth 31/02/1990 does not exist.' },
      { row: 'Already in this vault as ZO-0001: same legal name and date of birth.' },
      {},
      { legalName: 'The legal name is missing.' },
    ]);
    expect(await names()).toEqual(['Zoë Ødegaard']);
    expect(await logLength()).toBe(before);
  });

  it('imports the good rows, skips the others with their reasons, and logs one entry with the count only', async () => {
    const before = await logLength();
    const report = await importer.import(fiveRows);
    expect(report).toEqual({
      imported: 2,
      skipped: [
        { index: 1, problems: { dateOfBirth: 'Date of birth 31/02/1990 does not exist.' } },
        { index: 2, problems: { row: 'Already in this vault as ZO-0001: same legal name and date of birth.' } },
        { index: 4, problems: { legalName: 'The legal name is missing.' } },
      ],
    });
    expect(await names()).toEqual(['Adaeze Okafor', 'Chen Wei', 'Zoë Ødegaard']);
    const listed = (await cv.clients.list(everyClient)).clients;
    const adaeze = await cv.clients.get(listed.find((client) => client.legalName === 'Adaeze Okafor')!.id);
    expect(adaeze).toMatchObject({ dateOfBirth: '1985-03-14', tags: ['CBT', 'evening'], phone: '+44 20 7946 0011', status: 'active' });
    // The file's code is kept; an empty one is generated past it, as a new client's would be.
    expect(listed.find((client) => client.legalName === 'Chen Wei')?.code).toBe('CW-0005');
    expect(adaeze.code).toMatch(/^[A-HJ-NP-Z]{2}-0006$/);

    const { entries } = await listActivity(cv.db(), { limit: 1000 });
    expect(entries.length).toBe(before + 1);
    expect(entries[0]).toMatchObject({ action: 'create', recordType: 'client', clientId: null, fields: [], detail: { count: 2 } });
    expect(JSON.stringify(entries[0])).not.toMatch(/Adaeze|Okafor|Chen|Wei/);
  });

  it('makes imported clients findable in search', async () => {
    await importer.import(fiveRows);
    const notes = new NotesService({ db: cv.db, now: testNow });
    const results = await notes.search(searchInputSchema.parse({ query: 'okafor' }));
    expect(results.map((result) => result.kind)).toContain('client');
    expect((await cv.clients.list({ ...everyClient, query: 'evening' })).clients.map((client) => client.legalName)).toEqual(['Adaeze Okafor']);
    // The import writes each new client's index row directly; it is the row a full re-index would write.
    const id = (await cv.clients.list({ ...everyClient, query: 'okafor' })).clients[0]!.id;
    const indexed = async () => (await sql<{ kind: string; title: string; body: string }>`SELECT kind, title, body FROM search_content WHERE client_id = ${id}`.execute(cv.db())).rows;
    const imported = await indexed();
    await cv.db().transaction().execute((trx) => reindexClient(trx, id));
    expect(await indexed()).toEqual(imported);
    expect(imported).toEqual([{ kind: 'client', title: expect.stringMatching(/^Adaeze Okafor [A-Z]{2}-0006 CBT evening$/) as unknown, body: '' }]);
  });

  it('imports nothing twice: the same file again is all duplicates, and nothing is logged', async () => {
    await importer.import(fiveRows);
    const before = await logLength();
    const again = await importer.import(fiveRows);
    expect(again.imported).toBe(0);
    expect(again.skipped.find((row) => row.index === 0)?.problems.row).toMatch(/^Already in this vault as [A-Z]{2}-0006: same legal name and date of birth\.$/);
    // The code is that client's own, so the row says it once.
    expect(again.skipped.find((row) => row.index === 3)?.problems).toEqual({ row: 'Already in this vault as CW-0005: same legal name, and neither has a date of birth.' });
    expect(await logLength()).toBe(before);
  });

  it('writes all the good rows in one transaction: a failure on the last leaves no client, index row or log entry', async () => {
    const before = await logLength();
    const searchRows = async () => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM search_content`.execute(cv.db())).rows[0]?.n);
    const indexed = await searchRows();
    // A trigger on this connection stands in for a disk failing half way through.
    await sql`CREATE TEMP TRIGGER fail_on_chen BEFORE INSERT ON clients WHEN NEW.legal_name = 'Chen Wei' BEGIN SELECT RAISE(ABORT, 'disk failed'); END`.execute(cv.db());
    await expect(importer.import(fiveRows)).rejects.toThrow();
    expect(await names()).toEqual(['Zoë Ødegaard']);
    expect(await logLength()).toBe(before);
    expect(await searchRows()).toBe(indexed);
  });
});
