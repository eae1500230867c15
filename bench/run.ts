import { unlockCheckedRow, unlockRow } from './unlock.row';
import { clientListRow, clientSearchRow } from './client-list.row';
import { autosaveRow, autosaveWholeNoteRow, searchRow, timelineRow } from './notes.row';
import { noteTypingRow } from './note-typing.row';
import { rendererFirstScreenJsRow, rendererUnlockScreenRow } from './renderer-unlock.row';
import { rendererClientChartsRow } from './renderer-client-charts.row';
import { clientChartsRow, dashboardRow } from './measures.row';
import { caseloadOutcomesRow } from './caseload.row';
import { pdfSummaryEveryPartRow, pdfSummaryRow } from './pdf-summary.row';
import { backupRow, backupSmallRow, restoreRow, restoreSmallRow } from './backup.row';
import { verifyRecordsRow } from './verify-records.row';
import { clientImportRow } from './client-import.row';
import type { BenchResult, BenchRow } from './rows';

/**
 * `npm run bench` prints a table of named figures; `npm run bench -- --json` prints one JSON array;
 * `npm run bench -- --only autosave,search` measures only the rows whose names start with one of those.
 * Later issues add rows to this list.
 */
// client search disposes the vault the client rows share, so it stays after client list; likewise the
// timeline row disposes the notes vault, so it comes last of the note rows.
const rows: BenchRow[] = [unlockRow, unlockCheckedRow, clientListRow, clientSearchRow, autosaveRow, autosaveWholeNoteRow, searchRow, dashboardRow, clientChartsRow, caseloadOutcomesRow, timelineRow, pdfSummaryRow, pdfSummaryEveryPartRow, backupRow, restoreRow, backupSmallRow, restoreSmallRow, verifyRecordsRow, noteTypingRow, rendererUnlockScreenRow, rendererFirstScreenJsRow, rendererClientChartsRow, clientImportRow];

function table(results: BenchResult[]): string {
  const header = ['row', 'p50 ms', 'p95 ms', 'max ms', 'target', 'met', 'note'];
  const lines = results.map((r) => [r.row, r.p50_ms, r.p95_ms, r.max_ms, r.target, r.met ? 'yes' : 'NO', r.note ?? ''].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]?.length ?? 0)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt < 0 ? null : (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean);
  const results: BenchResult[] = [];
  for (const row of rows) {
    if (only && !only.some((prefix) => row.name.startsWith(prefix))) continue;
    if (!json) process.stderr.write(`measuring ${row.name}…\n`);
    results.push(await row.run());
  }
  process.stdout.write(json ? `${JSON.stringify(results)}\n` : `${table(results)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
