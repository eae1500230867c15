import { electronBinaryInstalled } from './electron-binary';
import { bundleHost } from '../harness/bundle-host';
import { buildApp, mainIsStale, rendererIsStale } from '../harness/renderer-build';

/**
 * Builds once before any test, and only when stale, so each test's harness start finds the renderer
 * ready instead of racing to build it. The main bundle matters only where Electron can run. The test
 * host is bundled on every run (about a second), so no test ever starts an out-of-date host.
 */
export default async function globalSetup(): Promise<void> {
  if (rendererIsStale() || (electronBinaryInstalled() && mainIsStale())) buildApp();
  await bundleHost();
}
