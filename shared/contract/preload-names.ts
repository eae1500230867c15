import { eventNames, methodNames } from './index';

/**
 * The contract's method and event names as constants the bundler writes into the preload
 * (electron.vite.config.ts, and vitest.config.ts for the tests that load it). The sandboxed preload
 * can load no package but Electron's own, so it cannot import the contract (which would pull zod in);
 * taking the names at build time keeps one list, the contract's keys, with nothing to keep in step.
 * The test host fills its injected window.api from the same lists (test/harness/api-script.ts).
 */
export const preloadNameConstants = (): Record<string, string> => ({
  __CONTRACT_METHOD_NAMES__: JSON.stringify(methodNames),
  __CONTRACT_EVENT_NAMES__: JSON.stringify(eventNames),
});
