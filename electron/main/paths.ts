import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the other two parts of the build sit, relative to this bundle (out/main/index.js). The main
 * process is an ES module, so there is no __dirname; the folder comes from import.meta.url.
 */
const mainDir = path.dirname(fileURLToPath(import.meta.url));

/** The built renderer (out/renderer), served on app://alliance/. */
export const RENDERER_DIR = path.join(mainDir, '..', 'renderer');

/** The sandboxed preload, bundled as CommonJS (out/preload/index.cjs). */
export const PRELOAD_PATH = path.join(mainDir, '..', 'preload', 'index.cjs');
