// Checks that run before `npm run package` builds anything, so a machine that cannot package learns
// why in one plain paragraph instead of from a stack trace minutes later.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** electron-builder's names for the three platforms, keyed by Node's. */
export const PLATFORMS = {
  linux: { flag: '--linux', label: 'Linux', installers: 'AppImage and deb' },
  darwin: { flag: '--mac', label: 'macOS', installers: 'dmg' },
  win32: { flag: '--win', label: 'Windows', installers: 'NSIS installer' },
};

// Where Electron's own install script puts the executable (node_modules/electron/install.js).
const EXECUTABLE = { linux: 'electron', darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/** A failed check: `message` is for people, printed as is. */
export class PreflightError extends Error {}

/**
 * The platform to package for. Only the one this machine runs: the SQLite addon is compiled here, for
 * this operating system (electron-builder would silently ship this platform's binary inside another
 * platform's installer), and the Electron binary in node_modules is this platform's.
 */
export function targetPlatform(requested, host = process.platform) {
  if (!(host in PLATFORMS)) throw new PreflightError(`Alliance Notes can be packaged on Linux, macOS or Windows, not on ${host}.`);
  const wanted = requested ?? host;
  if (wanted !== host) {
    const { label, installers } = PLATFORMS[wanted];
    throw new PreflightError(
      `Cannot package for ${label} on ${PLATFORMS[host].label}. The app's encrypted SQLite engine is a native ` +
        `module compiled on the machine that packages it, so the ${installers} must be built on ${label}: ` +
        `run \`npm run package\` there.`,
    );
  }
  return wanted;
}

/**
 * Confirms that `dist` (the config's electronDist) holds a usable Electron for this platform: an
 * unpacked Electron of the right version, Electron's release zip, or a folder holding that zip.
 * Returns a one-line description of what was found.
 */
export function checkElectronDist({ dist, electronVersion, platform = process.platform, arch = process.arch, root }) {
  const zipName = `electron-v${electronVersion}-${platform}-${arch}.zip`;
  const shown = path.relative(root, dist).startsWith('..') ? dist : path.relative(root, dist) || '.';

  if (dist.endsWith('.zip') && existsSync(dist)) return `Electron ${electronVersion} from ${shown}`;
  if (existsSync(dist) && statSync(dist).isDirectory()) {
    if (existsSync(path.join(dist, EXECUTABLE[platform]))) {
      const versionFile = path.join(dist, 'version');
      const found = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') : null;
      if (found !== null && found !== electronVersion) {
        throw new PreflightError(
          `Cannot package: ${shown} holds Electron ${found}, but package.json asks for Electron ${electronVersion}. ` +
            'Delete that folder and run `node node_modules/electron/install.js` (on a machine that can reach ' +
            'github.com) to download the right one.',
        );
      }
      return `Electron ${found ?? electronVersion} in ${shown}`;
    }
    if (readdirSync(dist).includes(zipName)) return `Electron ${electronVersion} from ${path.join(shown, zipName)}`;
  }

  throw new PreflightError(
    [
      `Cannot package: the Electron binary is missing (looked in ${shown}). Nothing was built.`,
      '',
      `Every installer is built around the Electron ${electronVersion} runtime. Packaging uses the copy that`,
      "Electron's install script downloads from github.com into node_modules/electron/dist. That download has",
      'not happened on this machine: .npmrc turns install scripts off, so it runs only with `npm start`, and',
      'it fails where github.com cannot be reached (as on our build machines).',
      '',
      'On a machine with network access:',
      '  node node_modules/electron/install.js   (npm start does this too; ELECTRON_MIRROR=<url> picks another download host)',
      '  npm run package',
      '',
      `Offline: copy ${zipName} from Electron's release page or another machine's Electron cache, then`,
      '  ALLIANCE_ELECTRON_DIST=/path/to/that.zip npm run package',
    ].join('\n'),
  );
}
