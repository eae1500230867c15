// `npm run package`: builds the app and its installers for this platform into release/.
//
//   npm run package                  the installers electron-builder.config.ts lists for this platform
//   npm run package -- --dir         only the unpacked app (release/<platform>-unpacked), quicker
//   npm run package -- --check-only  only the checks below, then stop
//   --linux / --mac / --win          name the platform (it must be this machine's)
//
// The checks run before the build, so a machine without the Electron binary finds out at once.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainPackagingFailure } from './package-errors.mjs';
import { PLATFORMS, PreflightError, checkElectronDist, targetPlatform } from './package-preflight.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG_FILE = 'electron-builder.config.ts';
// electron-builder.config.ts reads the same variable with the same default (keep the two in step).
const electronDist = path.resolve(root, process.env.ALLIANCE_ELECTRON_DIST || 'node_modules/electron/dist');
const ADDON_RELEASE = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release');

function fail(message, code = 1) {
  console.error(`\n${message}\n`);
  process.exit(code);
}

function parseArguments(argv) {
  const options = { platform: undefined, dir: false, checkOnly: false };
  for (const argument of argv) {
    const platform = Object.keys(PLATFORMS).find((key) => PLATFORMS[key].flag === argument);
    if (platform) options.platform = platform;
    else if (argument === '--dir') options.dir = true;
    else if (argument === '--check-only') options.checkOnly = true;
    else fail(`Unknown option ${argument}. Use --linux, --mac, --win, --dir or --check-only.`, 2);
  }
  return options;
}

function electronVersion() {
  const file = path.join(root, 'node_modules', 'electron', 'package.json');
  if (!existsSync(file)) fail('Cannot package: the electron package is not installed. Run npm install first.');
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function buildApp() {
  console.log('Building the app (electron-vite build)…');
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail('Packaging stopped: `electron-vite build` failed (see above). Nothing was packaged.');
}

/**
 * electron-builder compiles the SQLite addon for Electron in place, over the Node.js build that
 * `npm test` loads (and node-gyp deletes the build folder first). Keep that build aside and put it
 * back afterwards, dropping @electron/rebuild's marker so the next packaging run compiles for Electron
 * again instead of trusting the marker. If this is interrupted, scripts/ensure-native.mjs rebuilds
 * the Node.js copy on the next `npm test`.
 */
function protectNodeAddon() {
  const addon = path.join(ADDON_RELEASE, 'better_sqlite3.node');
  if (!existsSync(addon)) return () => undefined;
  const keep = path.join(mkdtempSync(path.join(tmpdir(), 'alliance-addon-')), 'better_sqlite3.node');
  copyFileSync(addon, keep);
  return () => {
    try {
      mkdirSync(ADDON_RELEASE, { recursive: true });
      copyFileSync(keep, addon);
      rmSync(path.join(ADDON_RELEASE, '.forge-meta'), { force: true });
      rmSync(path.dirname(keep), { recursive: true, force: true });
    } catch (error) {
      // Never hide the packaging result behind this; npm test would rebuild the addon anyway.
      console.warn(`Could not put back the Node.js build of the SQLite addon (${error.message}); npm test will rebuild it.`);
    }
  };
}

/** electron-builder relays compiler and download errors with their stack traces; keep the words. */
function withoutStackTraces(message, level) {
  if (level !== 'error' || typeof message !== 'string') return message;
  return message
    .split('\n')
    .filter((line) => !/^\s+at /.test(line) && line.trim() !== '')
    .join('\n');
}

const relayedErrors = [];

async function runElectronBuilder(platform, dir) {
  const { build, log, Platform } = await import('electron-builder');
  log.messageTransformer = (message, level) => {
    // Compiler and download errors reach us only as relayed output: keep it to explain the failure.
    if (level === 'error') relayedErrors.push(String(message));
    return withoutStackTraces(message, level);
  };
  const target = { linux: Platform.LINUX, darwin: Platform.MAC, win32: Platform.WINDOWS }[platform];
  const restoreAddon = protectNodeAddon();
  try {
    return await build({
      projectDir: root,
      config: CONFIG_FILE,
      // Empty list: the targets the config names; 'dir': the unpacked app only.
      targets: target.createTarget(dir ? 'dir' : []),
      publish: 'never',
    });
  } finally {
    restoreAddon();
  }
}

const options = parseArguments(process.argv.slice(2));
let platform;
try {
  platform = targetPlatform(options.platform);
  const found = checkElectronDist({ dist: electronDist, electronVersion: electronVersion(), root });
  console.log(`Packaging for ${PLATFORMS[platform].label} with ${found}.`);
} catch (error) {
  if (error instanceof PreflightError) fail(error.message);
  throw error;
}
if (options.checkOnly) process.exit(0);

buildApp();
try {
  const artifacts = await runElectronBuilder(platform, options.dir);
  const listed = artifacts.map((file) => `  ${path.relative(root, path.resolve(root, file))}`).join('\n');
  console.log(options.dir ? '\nDone: the unpacked app is in release/.' : `\nDone:\n${listed}`);
} catch (error) {
  fail(explainPackagingFailure(error, relayedErrors.join('\n')));
}
