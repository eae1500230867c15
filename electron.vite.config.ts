import { defineConfig } from 'electron-vite';
import { WORKER_ENTRIES } from './electron/services/workers/worker-entries';
import { preloadNameConstants } from './shared/contract/preload-names';

/**
 * electron-vite builds the three parts into out/: the main process (ESM), the preload (CommonJS,
 * because a sandboxed preload cannot be an ES module) and the renderer (served from app://).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Worker threads are entries of their own, emitted beside index.js (see worker-thread.ts).
      lib: {
        entry: { index: 'electron/main/index.ts', ...WORKER_ENTRIES },
      },
    },
  },
  preload: {
    // The contract's method and event names, written in: the sandboxed preload cannot load zod.
    define: preloadNameConstants(),
    build: {
      outDir: 'out/preload',
      lib: { entry: 'electron/preload/index.ts' },
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: 'out/renderer',
      emptyOutDir: true,
      minify: true,
      // The passphrase dictionaries (~1.7 MB) load lazily, only on screens that set a passphrase.
      chunkSizeWarningLimit: 2_000,
      rollupOptions: {
        input: 'renderer/index.html',
        onwarn(warning, warn) {
          // Mantine marks modules "use client" for React Server Components; meaningless in a bundle.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
