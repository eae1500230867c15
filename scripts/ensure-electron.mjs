// Gets everything `electron-vite preview` needs that `npm install` leaves out, then exits. `.npmrc`
// turns install scripts off, so neither Electron's binary download nor any native build has run yet.
//
//  1. The Electron binary: downloaded by Electron's own install script when it is missing.
//  2. An Electron build of the SQLite addon, made in a separate copy of the package under
//     node_modules/.alliance-electron-native. The Node build in node_modules stays untouched, so
//     `npm test` (Node) and `npm start` (Electron) work in either order. The main process finds the
//     copy in electron/main/native-binding.ts (keep the paths in step).
//
// Later runs skip both steps when nothing changed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeModules = path.join(root, 'node_modules');
const electronDir = path.join(nodeModules, 'electron');

const ADDON_PACKAGE = 'better-sqlite3-multiple-ciphers';
const addonSource = path.join(nodeModules, ADDON_PACKAGE);
const nativeRoot = path.join(nodeModules, '.alliance-electron-native');
const addonCopy = path.join(nativeRoot, 'node_modules', ADDON_PACKAGE);
const addonBinary = path.join(addonCopy, 'build', 'Release', 'better_sqlite3.node');
const stampFile = path.join(nativeRoot, 'build-stamp.json');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function fail(message) {
  console.error(`\n${message}`);
  process.exit(1);
}

/** True when node_modules/electron points at an executable that is really there. */
function electronBinaryPresent() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  return executable !== '' && existsSync(path.join(distDir, executable));
}

function ensureElectronBinary(electronVersion) {
  if (electronBinaryPresent()) return;
  console.log(`Downloading the Electron ${electronVersion} binary (first run only)…`);
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (result.status !== 0 || !electronBinaryPresent()) {
    fail(
      'The Electron binary could not be downloaded (this machine has no access to its download host). ' +
        'npm test does not need it.',
    );
  }
  console.log('Electron is ready.');
}

function stampMatches(wanted) {
  if (!existsSync(stampFile) || !existsSync(addonBinary)) return false;
  try {
    const stamp = readJson(stampFile);
    return Object.entries(wanted).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

/** A fresh copy of the addon's sources (no build/ folder) inside a tiny project of its own. */
function prepareCopy(addonVersion) {
  rmSync(nativeRoot, { recursive: true, force: true });
  const sourceBuild = path.join(addonSource, 'build');
  cpSync(addonSource, addonCopy, {
    recursive: true,
    // The Node build must neither be copied (it would look "already built") nor touched.
    filter: (source) => source !== sourceBuild && !source.startsWith(sourceBuild + path.sep),
  });
  // @electron/rebuild walks the dependencies of the package.json at buildPath.
  writeFileSync(
    path.join(nativeRoot, 'package.json'),
    `${JSON.stringify(
      {
        name: 'alliance-electron-native',
        private: true,
        description: 'Electron build of the SQLite addon, made by scripts/ensure-electron.mjs.',
        dependencies: { [ADDON_PACKAGE]: addonVersion },
      },
      null,
      2,
    )}\n`,
  );
}

async function ensureElectronAddon(electronVersion) {
  if (!existsSync(addonSource)) fail(`${ADDON_PACKAGE} is not installed. Run npm install first.`);
  const addonVersion = readJson(path.join(addonSource, 'package.json')).version;
  const wanted = { electron: electronVersion, package: addonVersion, platform: process.platform, arch: process.arch };
  if (stampMatches(wanted)) return;

  console.log(`Building the encrypted SQLite engine for Electron ${electronVersion} (first run only, a few minutes)…`);
  prepareCopy(addonVersion);
  const { rebuild } = await import('@electron/rebuild');
  const job = rebuild({ buildPath: nativeRoot, electronVersion, force: true, onlyModules: [ADDON_PACKAGE] });
  job.lifecycle.on('module-found', (name) => console.log(`  building ${name}…`));
  job.lifecycle.on('module-done', (name) => console.log(`  ${name} done.`));
  try {
    await job;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    fail(
      `Could not build ${ADDON_PACKAGE} for Electron. It needs python3, make, a C++ compiler and access to ` +
        'the Electron headers (https://www.electronjs.org/headers). The Node.js build used by npm test is unaffected.',
    );
  }
  if (!existsSync(addonBinary)) fail(`The Electron build finished but ${path.relative(root, addonBinary)} is missing.`);
  mkdirSync(nativeRoot, { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify(wanted, null, 2)}\n`);
  console.log('The encrypted SQLite engine for Electron is ready.');
}

const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
ensureElectronBinary(electronVersion);
await ensureElectronAddon(electronVersion);
