import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../harness/renderer-build';

/**
 * Whether the Electron binary was downloaded: the electron package writes path.txt (the binary's path
 * under dist/) only after its install script fetched it, which cannot happen on our build machines.
 */
export function electronBinaryInstalled(root = REPO_ROOT): boolean {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return false;
  const binary = readFileSync(pathFile, 'utf8').trim();
  return binary !== '' && existsSync(path.join(root, 'node_modules', 'electron', 'dist', binary));
}
