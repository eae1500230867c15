import { defineConfig } from 'vitest/config';
import { preloadNameConstants } from './shared/contract/preload-names';

export default defineConfig({
  // The names the preload is built with, for the tests that load electron/preload/index.ts.
  define: preloadNameConstants(),
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Each file gets its own process: the native SQLite module and Argon2id's 64 MiB stay isolated.
    pool: 'forks',
    // Vitest's default is one fewer than the cores, so one file at a time here. Most files wait on
    // the disk, child processes and worker threads as much as on the CPU: two at once took the suite
    // from 414 s to 258 s on this 2-core machine, every test passing.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
