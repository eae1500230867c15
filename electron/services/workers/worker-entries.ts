/**
 * The services' worker threads, by the name each is emitted under beside its bundle (see
 * worker-thread.ts). One list for every bundle that carries the services: the Electron main build
 * (electron.vite.config.ts) and the test host's (test/harness/bundle-host.ts).
 */
export const WORKER_ENTRIES = {
  'integrity-worker': 'electron/services/database/integrity-worker.ts',
  'kdf-worker': 'electron/services/vault/kdf-worker.ts',
  'verify-worker': 'electron/services/activity/verify-worker.ts',
  'restore-inspect-worker': 'electron/services/backup/restore-inspect-worker.ts',
  'page-cipher-worker': 'electron/services/backup/page-cipher-worker.ts',
  'summary-render-worker': 'electron/services/summary/summary-render-worker.tsx',
} as const;
