import { defineConfig } from 'vitest/config';
import { preloadNameConstants } from './shared/contract/preload-names';

export default defineConfig({
  // The names the preload is built with, for the tests that load electron/preload/index.ts.
  define: preloadNameConstants(),
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Each file gets its own process: the native SQLite module and Argon2id's 64 MiB stay isolated.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
