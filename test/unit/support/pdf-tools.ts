import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * poppler-utils, the tools a reader of the PDF would use: if pdftotext finds the text and pdfinfo
 * accepts the file, any viewer will. Installed by .ci/run.
 */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): { status: number | null; fields: Record<string, string>; stderr: string } {
  const result = spawnSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  const fields: Record<string, string> = {};
  for (const line of result.stdout.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) fields[match[1]!.trim()] = match[2]!.trim();
  }
  return { status: result.status, fields, stderr: result.stderr };
}

/** Page one as a PNG under test-results/ (not committed), so a person can look at the layout. */
export function renderPageOne(file: string, name: string): string {
  const dir = path.resolve('test-results', 'pdf');
  mkdirSync(dir, { recursive: true });
  const prefix = path.join(dir, name);
  execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

/** Text compared with runs of white space collapsed, since line breaks depend on layout. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ');
