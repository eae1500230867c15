import type { Configuration } from 'electron-builder';

/**
 * Release packaging: `npm run package` (scripts/package.mjs) hands this file to electron-builder, which
 * loads TypeScript configs itself. test/unit/packaging-config.test.ts pins the security-relevant parts.
 *
 * productName ("Alliance Notes"), version and description come from package.json.
 */

// Only the deb format insists on a homepage and a maintainer address; the app itself never contacts
// either. Placeholders (the reserved .invalid domain) until the project has a public address: replace before a public release.
const HOMEPAGE = 'https://alliance-notes.invalid';
const MAINTAINER = 'Alliance Notes <maintainers@alliance-notes.invalid>';

const ADDON_DIR = 'node_modules/better-sqlite3-multiple-ciphers';

/**
 * The Electron the app is packaged with: the binary `npm start` already downloaded into
 * node_modules/electron/dist, so packaging never fetches another copy. ALLIANCE_ELECTRON_DIST may point
 * at another unpacked Electron, at a folder holding Electron's release zip, or at the zip itself.
 * scripts/package.mjs checks it is there before anything else runs.
 */
export const ELECTRON_DIST = process.env.ALLIANCE_ELECTRON_DIST || 'node_modules/electron/dist';

const config: Configuration = {
  appId: 'org.alliancenotes.app',
  // Written into the packaged package.json. author names the publisher (Windows' CompanyName, the
  // copyright line); desktopName is the window's app id on Linux, so desktops match the running
  // window to its menu entry (syncDesktopName names the .desktop file after it).
  extraMetadata: { author: { name: 'Alliance Notes' }, homepage: HOMEPAGE, desktopName: 'alliance-notes.desktop' },
  directories: { output: 'release', buildResources: 'build' },

  electronDist: ELECTRON_DIST,

  // The bundles electron-vite wrote, plus the production dependencies the main bundle leaves external
  // (electron-builder adds those itself). Sources, tests and the renderer's dev-only packages stay out.
  files: [
    'out/**/*',
    'package.json',
    // PDF fonts: of each family's 9 to 18 weights, ship only the faces electron/services/summary/pdf-fonts.ts
    // registers (keep the two in step). The Chinese family alone is 92 MB in full.
    '!node_modules/@expo-google-fonts/*/*/**',
    'node_modules/@expo-google-fonts/noto-sans/{400Regular,400Regular_Italic,700Bold}/*.ttf',
    'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/*.ttf',
    'node_modules/@expo-google-fonts/noto-sans-arabic/400Regular/*.ttf',
    // The SQLite addon ships its C sources and build leftovers (~30 MB); the app needs only these.
    `!${ADDON_DIR}/**`,
    `${ADDON_DIR}/{package.json,LICENSE,lib/**/*,build/Release/better_sqlite3.node}`,
    // Source maps and a bundled copy of yarn (pdfkit's) are never loaded at run time.
    '!**/node_modules/**/*.map',
    '!**/node_modules/**/.yarn/**',
  ],

  asar: true,
  // A native addon cannot be loaded from inside an archive; Electron finds the unpacked copy itself.
  asarUnpack: [`${ADDON_DIR}/build/Release/*.node`],

  // The SQLite addon must match Electron's ABI, not Node's: rebuild it from source (the prebuilt
  // binaries would be another download) for the platform being packaged.
  npmRebuild: true,
  buildDependenciesFromSource: true,

  // The app never uses the network: no update feed, no app-update.yml, no publishing.
  publish: null,

  // Electron fuses are flipped in the packaged binary itself, so they hold even if someone edits the
  // app's files or its launch environment. See README, "Packaging", for why each is set.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    grantFileProtocolExtraPrivileges: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    syncDesktopName: true,
    maintainer: MAINTAINER,
    synopsis: 'Encrypted session notes for therapists, offline',
  },
  deb: { priority: 'optional' },

  mac: {
    target: ['dmg'],
    category: 'public.app-category.medical',
    hardenedRuntime: true,
  },

  win: { target: ['nsis'] },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // Block maps serve only differential auto-updates, which this app does not have.
    differentialPackage: false,
  },
};

export default config;
