import { existsSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';

// Written by scripts/ensure-electron.mjs (keep the two in step): an Electron build of the SQLite addon
// kept apart from the Node build in node_modules, so `npm test` and `npm start` can run in any order.
const ELECTRON_ADDON = [
  'node_modules',
  '.alliance-electron-native',
  'node_modules',
  'better-sqlite3-multiple-ciphers',
  'build',
  'Release',
  'better_sqlite3.node',
];

/**
 * The SQLite addon to load in development runs, or undefined. Packaged builds rebuild the addon in
 * place for Electron, so the package's own lookup finds the right one there.
 */
export function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = path.join(app.getAppPath(), ...ELECTRON_ADDON);
  if (existsSync(file)) return file;
  console.warn('[alliance] No Electron build of the SQLite addon found; run `npm start` to build it.');
  return undefined;
}
