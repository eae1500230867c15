// Runs Doyensec's Electronegativity over the app's own source and fails on any HIGH finding, and on
// any lower finding not listed, with its reason, in security/electronegativity-accepted.json.
//
// The tool's global checks (CSP, navigation limits, permission handler) look across every file it is
// given, so the main process, preload, renderer and shared code are scanned together, from a copy
// that holds nothing else (node_modules would take minutes and is not ours to fix).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const acceptedFile = path.join(root, 'security', 'electronegativity-accepted.json');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// The tool would otherwise ask the network for Electron's releases to guess the version.
const electronVersion = packageJson.devDependencies.electron.replace(/^[^\d]*/, '');

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const SEVERITIES = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);

/**
 * Runs the tool and reads its CSV report. The tool writes the CSV header and the rows with two
 * unsynchronised async writes, so now and then the rows land under a truncated header or the other
 * way round; a report that is not well formed is thrown away and the scan run again.
 */
function findingsOf(source, report) {
  for (let attempt = 1; attempt <= 4; attempt++) {
    rmSync(report, { force: true });
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'), '-i', source, '-e', electronVersion, '-r', '-v', 'false', '-o', report],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (!existsSync(report)) {
      console.error('Electronegativity produced no report.');
      console.error(run.stderr || run.stdout);
      process.exit(2);
    }
    const text = readFileSync(report, 'utf8').trim();
    const rows = Papa.parse(text, { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() }).data;
    const wellFormed = text.split(/\r?\n/)[0] === HEADER && rows.every((row) => /^[A-Z_]+$/.test(row.issue ?? '') && SEVERITIES.has(row.severity));
    if (wellFormed) return rows;
    console.error(`Electronegativity wrote a garbled report (attempt ${attempt}); scanning again.`);
  }
  console.error('Electronegativity never wrote a well-formed report.');
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'alliance-electronegativity-'));
try {
  const source = path.join(work, 'app');
  for (const part of ['electron', 'renderer', 'shared', 'package.json']) {
    cpSync(path.join(root, part), path.join(source, part), { recursive: true, filter: (from) => !from.includes('node_modules') });
  }
  const rows = findingsOf(source, path.join(work, 'findings.csv'));
  const accepted = JSON.parse(readFileSync(acceptedFile, 'utf8')).accepted;
  const isAccepted = (finding) => accepted.some((entry) => entry.check === finding.issue && entry.file === finding.filename);

  const findings = rows.map((row) => ({ issue: row.issue, severity: row.severity, filename: row.filename, location: row.location, description: row.description }));
  const high = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'CRITICAL');
  const unreviewed = findings.filter((finding) => !high.includes(finding) && !isAccepted(finding));
  const stale = accepted.filter((entry) => !findings.some((finding) => finding.issue === entry.check && finding.filename === entry.file));

  console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${high.length} high, ${findings.length - high.length - unreviewed.length} accepted with a reason.`);
  for (const finding of findings) {
    const mark = high.includes(finding) ? 'FAIL high' : unreviewed.includes(finding) ? 'FAIL unreviewed' : 'accepted';
    console.log(`  [${mark}] ${finding.severity} ${finding.issue} ${finding.filename} ${finding.location}: ${finding.description}`);
  }
  for (const entry of stale) console.log(`  note: accepted ${entry.check} in ${entry.file} no longer occurs; remove it from the list.`);
  if (high.length > 0 || unreviewed.length > 0) {
    console.error(
      'Electronegativity: fix each failing finding, or, for one below HIGH that is not a risk here, add it with its reason to security/electronegativity-accepted.json.',
    );
    process.exit(1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
