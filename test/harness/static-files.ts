import { promises as fs } from 'node:fs';
import path from 'node:path';

// One MIME table for the app:// protocol and the test host: module scripts fail without the right type.
export { mimeTypeOf } from '../../electron/services/app-files';

/**
 * Maps a URL path to a regular file inside `root`, or null. Decoding happens before the containment
 * check, so `%2e%2e/` and encoded separators cannot climb out; symlinks are resolved for the same reason.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const realRoot = await fs.realpath(root).catch(() => null);
  if (realRoot === null) return null;
  const candidate = path.resolve(realRoot, '.' + path.posix.normalize('/' + decoded.replaceAll('\\', '/')));
  const real = await fs.realpath(candidate).catch(() => null);
  if (real === null || !real.startsWith(realRoot + path.sep)) return null;
  const stat = await fs.stat(real);
  return stat.isFile() ? real : null;
}
