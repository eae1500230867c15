import { electronBinaryInstalled } from './electron-binary';
import { buildApp, mainIsStale, rendererIsStale } from '../harness/renderer-build';

/**
 * Builds once before any test, and only when stale, so each test's harness start finds the renderer
 * ready instead of racing to build it. The main bundle matters only where Electron can run.
 */
export default function globalSetup(): void {
  if (rendererIsStale() || (electronBinaryInstalled() && mainIsStale())) buildApp();
}
