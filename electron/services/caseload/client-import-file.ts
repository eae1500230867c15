import Papa from 'papaparse';
import { MAX_IMPORT_CELL, MAX_IMPORT_ROWS, type ImportFile } from '../../../shared/client-import';
import { AppError } from '../../../shared/errors';

/**
 * Reads another tool's CSV export into a header row and data rows, as text. Spreadsheets write these
 * in several ways, all accepted: a UTF-8 byte order mark, UTF-16 ("Unicode text"), Windows-1252 from an
 * older Excel, commas, semicolons or tabs between cells. Nothing is trimmed or dropped here: the rows
 * come back as written, and what cannot be read is refused with the reason.
 */
export function readClientCsv(bytes: Uint8Array, fileName: string): ImportFile {
  const parsed = Papa.parse<string[]>(decode(bytes), { header: false, skipEmptyLines: 'greedy' });
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    throw unreadable(
      `Row ${row.toLocaleString('en')} of the file (counting the header) has a quotation mark that is not closed, so the cells after it cannot be told apart. Check the file in a spreadsheet and save it as CSV again.`,
    );
  }
  const [headerCells, ...rows] = parsed.data;
  if (!headerCells || rows.length === 0) {
    throw unreadable('That file has no rows under its header row. Choose the CSV export of your client list, with one client per row.');
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw unreadable(`That file has ${rows.length.toLocaleString('en')} rows. Import at most ${MAX_IMPORT_ROWS.toLocaleString('en')} at a time: split the file and import each part.`);
  }
  // A row longer than the header gets columns of its own, so no cell is lost from view.
  const width = Math.max(headerCells.length, ...rows.map((cells) => cells.length));
  const headers = Array.from({ length: width }, (_, index) => headerCells[index]?.trim() || `Column ${index + 1}`);
  rows.forEach((cells, index) => {
    const long = cells.findIndex((cell) => cell.length > MAX_IMPORT_CELL);
    if (long >= 0) {
      throw unreadable(
        `Row ${index + 1}, column “${headers[long]}” holds more than ${MAX_IMPORT_CELL.toLocaleString('en')} characters, longer than any client detail. Save the file without that column and choose it again.`,
      );
    }
  });
  return { fileName, headers, rows: rows.map((cells) => Array.from({ length: width }, (_, index) => cells[index] ?? '')) };
}

const unreadable = (message: string) => new AppError('VALIDATION', message);

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // The decoder drops a UTF-8 byte order mark itself; fatal, so a Windows-1252 file is not read as mojibake.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
