import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { afterAll, describe, expect, it } from 'vitest';
import config, { ELECTRON_DIST } from '../../electron-builder.config';

/**
 * Release packaging (electron-builder.config.ts, scripts/package.mjs). The Electron binary cannot be
 * downloaded on our build machines, so nothing here packages for real: the configuration is checked
 * as data and through electron-builder's own loader and schema, and the packaging script is run only
 * up to its checks, against Electron folders made up for the test.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const ADDON_BINARY = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';

const scratch = mkdtempSync(path.join(tmpdir(), 'alliance-packaging-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A change to any of these is a security decision: it must come with a change to this test.
const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

function targetsOf(platform: { target?: unknown } | null | undefined): string[] {
  const targets = Array.isArray(platform?.target) ? platform.target : [platform?.target];
  return targets.map((target) => (typeof target === 'string' ? target : (target as { target: string }).target));
}

/** Whether electron-builder's own pattern matcher puts `file` (relative to the project) under `pattern`. */
function matches(file: string, pattern: string): boolean {
  const filter = new FileMatcher(root, root, (value) => value, [pattern]).createFilter();
  return filter(path.join(root, file), { isDirectory: () => false } as unknown as Stats);
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('sets exactly the agreed Electron fuses', () => {
    expect(config.electronFuses).toStrictEqual(EXPECTED_FUSES);
  });

  it('is what electron-builder itself loads from the file, and passes its schema', async () => {
    const loaded = await getConfig(root, 'electron-builder.config.ts', null);
    expect(loaded.electronFuses).toStrictEqual(EXPECTED_FUSES);
    await expect(validateConfiguration(structuredClone(loaded), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds AppImage and deb, dmg, and an NSIS installer', () => {
    expect(targetsOf(config.linux)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(targetsOf(config.mac)).toContain('dmg');
    expect(targetsOf(config.win)).toContain('nsis');
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/); // deb refuses to build without an address
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
  });

  it('packs the app into an asar, with the SQLite addon unpacked and rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    const unpack = [config.asarUnpack ?? []].flat();
    expect(unpack.some((pattern) => matches(ADDON_BINARY, pattern))).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('never publishes and writes no update feed', () => {
    expect(config.publish).toBeNull();
    expect(JSON.stringify(config)).not.toMatch(/autoUpdate|update-?server|generateUpdatesFilesForAllChannels/i);
  });

  it('packages the local Electron binary by default', () => {
    if (process.env.ALLIANCE_ELECTRON_DIST) return; // the override is the point of the variable
    expect(ELECTRON_DIST).toBe('node_modules/electron/dist');
    expect(config.electronDist).toBe(ELECTRON_DIST);
  });

  it('ships the PDF fonts the app registers and none of the other weights', () => {
    const includes = ((config.files ?? []) as string[]).filter((pattern) => !pattern.startsWith('!'));
    const shipped = (file: string) => includes.some((pattern) => matches(file, pattern));
    const source = readFileSync(path.join(root, 'electron/services/summary/pdf-fonts.ts'), 'utf8');
    const registered = [...source.matchAll(/fontFile\('([^']+)', '([^']+)'\)/g)].map(([, pkg, file]) => `node_modules/${pkg}/${file}`);
    expect(registered).toHaveLength(5);
    for (const font of registered) expect(shipped(font), font).toBe(true);
    expect(shipped('node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')).toBe(false);
    expect(shipped(ADDON_BINARY)).toBe(true);
  });

  it('has an app icon: a PNG of at least 512 × 512, and the finished macOS and Windows icons', () => {
    const { width, height } = pngSize(path.join(root, 'build/icon.png'));
    expect(width).toBeGreaterThanOrEqual(512);
    expect(height).toBe(width);
    expect(pngSize(path.join(root, 'build/icons/512x512.png'))).toEqual({ width: 512, height: 512 });
    expect(readFileSync(path.join(root, 'build/icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
    const ico = readFileSync(path.join(root, 'build/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => ico[6 + 16 * index] || 256);
    expect(widths).toContain(256); // electron-builder refuses smaller Windows icons
  });
});

describe('npm run package on a machine without the Electron binary', () => {
  const runPackage = (args: string[], electronDist: string) =>
    spawnSync(process.execPath, [path.join(root, 'scripts/package.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, ALLIANCE_ELECTRON_DIST: electronDist },
      encoding: 'utf8',
      timeout: 30_000,
    });

  /** An Electron folder laid out like the real one, for this platform. */
  function fakeElectron(name: string, version: string): string {
    const dist = path.join(scratch, name);
    const executable = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform as string] ?? 'electron';
    mkdirSync(path.dirname(path.join(dist, executable)), { recursive: true });
    writeFileSync(path.join(dist, executable), '');
    chmodSync(path.join(dist, executable), 0o755);
    writeFileSync(path.join(dist, 'version'), version);
    return dist;
  }

  it('says plainly what is missing and why, and exits non-zero before building anything', () => {
    const result = runPackage([], path.join(scratch, 'no-electron-here'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot package: the Electron binary is missing');
    expect(result.stderr).toContain('github.com');
    expect(result.stderr).toContain('node node_modules/electron/install.js');
    expect(result.stderr).toContain('ALLIANCE_ELECTRON_DIST');
    expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(result.stdout).not.toContain('Building the app');
  });

  it('--check-only passes where an Electron of the right version is present', () => {
    const result = runPackage(['--check-only'], fakeElectron('electron-ok', electronVersion));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`with Electron ${electronVersion}`);
  });

  it('refuses an Electron of another version', () => {
    const result = runPackage(['--check-only'], fakeElectron('electron-old', '1.2.3'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`holds Electron 1.2.3, but package.json asks for Electron ${electronVersion}`);
  });

  it("refuses another platform's installers, which would carry this platform's SQLite addon", () => {
    const foreign = process.platform === 'win32' ? '--linux' : '--win';
    const result = runPackage([foreign, '--check-only'], fakeElectron('electron-foreign', electronVersion));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Cannot package for \w+ on \w+/);
  });
});

describe('packaging failures after the checks', () => {
  type Explain = (error: unknown, relayed?: string) => string;
  const explain = async (...args: Parameters<Explain>) => {
    const url = pathToFileURL(path.join(root, 'scripts/package-errors.mjs')).href;
    const { explainPackagingFailure } = (await import(url)) as { explainPackagingFailure: Explain };
    return explainPackagingFailure(...args);
  };

  it("names electron-builder's tool download, without a stack trace", async () => {
    const error = new Error('getaddrinfo ENOTFOUND github.com');
    const text = await explain(error, 'failed to build AppImage error=getaddrinfo ENOTFOUND github.com');
    expect(text).toContain('a download failed');
    expect(text).toContain('helper tools');
    expect(text).toContain('ELECTRON_BUILDER_BINARIES_MIRROR');
    expect(text).not.toMatch(/^\s+at /m);
  });

  it("names the Electron download and the headers download", async () => {
    const zip = new Error(
      `HTTPError: Response code 404 (Not Found) for https://github.com/electron/electron/releases/download/v${electronVersion}/electron-v${electronVersion}-linux-x64.zip`,
    );
    expect(await explain(zip)).toContain('the Electron runtime');
    const headers = await explain(
      new Error("node-gyp failed to rebuild '/app/node_modules/better-sqlite3-multiple-ciphers'"),
      'Error: This is most likely not a problem with node-gyp or the package itself and\nis related to network connectivity.',
    );
    expect(headers).toContain("Electron's C headers");
  });

  it('falls back to the first line of anything else', async () => {
    const text = await explain(new Error('something unexpected\n    at somewhere (file.js:1:1)'));
    expect(text).toContain('(something unexpected)');
    expect(text).not.toContain('somewhere');
  });
});
