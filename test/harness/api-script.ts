import { readFile } from 'node:fs/promises';
import { eventNames, methodNames } from '../../shared/contract';

/**
 * The text of /__harness/api.js: injected-api.js with the contract's method and event names filled
 * in. Generated from shared/contract/ at start-up, so the test's window.api can never list a method
 * the preload would not (or miss one it would).
 */
export async function buildApiScript(): Promise<string> {
  const template = await readFile(new URL('./injected-api.js', import.meta.url), 'utf8');
  const filled = template
    .replace('/*__METHODS__*/ []', JSON.stringify(methodNames))
    .replace('/*__EVENTS__*/ []', JSON.stringify(eventNames));
  if (filled.includes('/*__')) throw new Error('injected-api.js no longer has the placeholders api-script.ts fills.');
  return filled;
}
