// Makes sure better-sqlite3-multiple-ciphers has a native build for this Node.js. `.npmrc` turns off
// install scripts (Electron's would try to download a binary and fail the whole install offline), so
// the addon is compiled here on first use, from the sources the package ships. Later runs are instant.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);

function loads() {
  try {
    const Database = require('better-sqlite3-multiple-ciphers');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

if (!loads()) {
  console.error('Building the encrypted SQLite engine for Node.js (first run only, about two minutes)…');
  const result = spawnSync('npm', ['rebuild', 'better-sqlite3-multiple-ciphers', '--ignore-scripts=false', '--foreground-scripts'], {
    // stdout stays clean for callers that parse it (the test host prints one HARNESS_URL line).
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, npm_config_build_from_source: 'true' },
  });
  if (result.status !== 0 || !loads()) {
    console.error('Could not build better-sqlite3-multiple-ciphers. It needs python3, make and a C++ compiler.');
    process.exit(1);
  }
}
