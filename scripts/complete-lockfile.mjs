// Run after any change to dependencies (`npm install X && node scripts/complete-lockfile.mjs`).
//
// The registry mirror our machines reach holds only some platforms' builds of rollup's native binary,
// so npm cannot write lock entries for the others, and `npm ci` then refuses the lock as out of sync.
// This adds an entry for each missing platform package with its os/cpu/libc, marked optional, so npm
// sees them as foreign-platform packages and skips them without fetching.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [where, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const match = /^@rollup\/rollup-([a-z0-9]+)-([a-z0-9]+)(?:-(gnu|musl|gnueabihf|musleabihf|msvc|eabi))?$/.exec(name);
    if (!match) continue;
    // npm hoists these to the top level unless another version already sits there.
    const top = `node_modules/${name}`;
    const key = !packages[top] || packages[top].version === version ? top : `${where}/node_modules/${name}`;
    if (packages[key]) continue;
    const [, os, cpu, abi] = match;
    const entry = { version, cpu: [cpu], dev: Boolean(pkg.dev), license: 'MIT', optional: true, os: [os] };
    if (os === 'linux') entry.libc = [abi?.startsWith('musl') ? 'musl' : 'glibc'];
    packages[key] = entry;
    added += 1;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} foreign-platform entries`);
