import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { boundaries, electronSubpaths, onlyShellImportsElectron, rendererBase } from './eslint.boundaries.js';

/**
 * Lint, including the import arrows of docs/architecture.md ("Boundaries"): only electron/main and
 * electron/preload may import 'electron'; the renderer knows only window.api (no electron/, no Node
 * built-ins); shared/ imports neither electron/ nor renderer/; migrations import only kysely; and, from
 * eslint.boundaries.js, the layers inside renderer/src and electron/services.
 *
 * `no-restricted-imports` options do not merge between config objects (the last match wins), so each
 * area below repeats the 'electron' rule alongside its own.
 */

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];

export default defineConfig([
  { ignores: ['node_modules/', 'out/', 'test-results/', '.bench-cache/'] },

  js.configs.recommended,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS_FILES })),

  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { paths: [onlyShellImportsElectron], patterns: [electronSubpaths] }] },
  },
  {
    files: TS_FILES,
    rules: {
      // A leading underscore marks a parameter kept for its position (event handlers, callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // The Electron shell itself.
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },

  // The renderer runs sandboxed in a browser page and reaches the app through window.api only.
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: { 'no-restricted-imports': ['error', rendererBase] },
  },

  // shared/ is imported by every layer, so it may import none of them.
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [onlyShellImportsElectron],
          patterns: [
            electronSubpaths,
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may not import from electron/ or renderer/.' },
          ],
        },
      ],
    },
  },

  // Feature folders of the renderer and domain folders of the services, each in its layer.
  ...boundaries,

  // A released migration must do the same thing forever: it imports kysely and nothing else, so no
  // change to live code can change what an old vault's upgrade does. (index.ts is the list of them.)
  {
    files: ['migrations/**'],
    ignores: ['migrations/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['*', '!kysely'], message: 'A migration imports only kysely; copy what it needs into the file, frozen.' }] },
      ],
    },
  },

  // Playwright fixtures that use no other fixture must still destructure their first argument: `({}, use)`.
  {
    files: ['test/e2e/**'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },

  // The test host's injected window.api is plain browser JavaScript.
  {
    files: ['test/harness/injected-api.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },

  // Migration steps are frozen once released and typed against Kysely<any> on purpose.
  {
    files: ['migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
]);
