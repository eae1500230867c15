// Makes sure the native addons have a build for this Node.js. `.npmrc` turns off install scripts
// (Electron's would try to download a binary and fail the whole install offline), so each addon is
// compiled here on first use, from the sources its package ships. Later runs are instant.
//
// better-sqlite3-multiple-ciphers is the app's database engine. @journeyapps/sqlcipher is Zetetic's
// SQLCipher, a dev dependency only: a test opens the vault with it to prove the file is standard
// SQLCipher 4. Pass --app-only to skip it (the test host and the bench do not need it).
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';

const require = createRequire(import.meta.url);

const addons = [
  {
    name: 'better-sqlite3-multiple-ciphers',
    label: 'the encrypted SQLite engine',
    loads: () => {
      const Database = require('better-sqlite3-multiple-ciphers');
      new Database(':memory:').close();
    },
  },
  {
    name: '@journeyapps/sqlcipher',
    label: "Zetetic's SQLCipher (used by one test)",
    devOnly: true,
    loads: () => {
      require('@journeyapps/sqlcipher');
    },
  },
];

function loads(addon) {
  try {
    addon.loads();
    return true;
  } catch {
    return false;
  }
}

const appOnly = process.argv.includes('--app-only');
const missing = addons.filter((addon) => !(appOnly && addon.devOnly) && !loads(addon));
// Each build is one large C file compiled on one core; the two addons are built side by side.
const built = await Promise.all(
  missing.map(
    (addon) =>
      new Promise((resolve) => {
        console.error(`Building ${addon.label} for Node.js (first run only, about a minute or two)…`);
        const child = spawn('npm', ['rebuild', addon.name, '--ignore-scripts=false', '--foreground-scripts'], {
          // stdout stays clean for callers that parse it (the test host prints one HARNESS_URL line).
          stdio: ['ignore', process.stderr, process.stderr],
          env: { ...process.env, npm_config_build_from_source: 'true' },
        });
        child.on('close', (code) => resolve({ addon, ok: code === 0 }));
      }),
  ),
);
for (const { addon, ok } of built) {
  if (!ok || !loads(addon)) {
    console.error(`Could not build ${addon.name}. It needs python3, make and a C++ compiler.`);
    process.exit(1);
  }
}
