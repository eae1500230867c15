import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, MethodName } from '../../shared/contract';
import { channelOf } from '../../shared/contract/channels';

/**
 * Builds `window.api` (typed as `AllianceApi` in shared/contract/index.ts) from the method list and
 * nothing else: one `invoke` per method on its own channel, plus `on` for pushed events. No logic lives
 * here; the main side checks the sender and validates every input. `ipcRenderer` itself is never
 * exposed, so page code cannot reach channels that are not in the contract.
 *
 * This file is bundled as CommonJS for the sandboxed renderer, where only 'electron' can be required;
 * that is why it imports no package and takes the contract's names as constants the bundler writes in
 * (shared/contract/preload-names.ts) rather than importing the contract, which would pull zod in.
 */
declare const __CONTRACT_METHOD_NAMES__: readonly MethodName[];
declare const __CONTRACT_EVENT_NAMES__: readonly EventName[];
const methodNames = __CONTRACT_METHOD_NAMES__;
const eventNames = __CONTRACT_EVENT_NAMES__;

const knownEvents = new Set<string>(eventNames);
const isEventName = (value: unknown): value is EventName => typeof value === 'string' && knownEvents.has(value);

// The page is untrusted input here: check both arguments rather than rely on the TypeScript types.
function on(event: unknown, listener: unknown): () => void {
  if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
  if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
  const channel = channelOf(event);
  // Pass only the payload: the IpcRendererEvent would hand the page a route back to ipcRenderer.
  const forward = (_event: IpcRendererEvent, payload: unknown): void => {
    listener(payload);
  };
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const api: Record<string, unknown> = {};
for (const name of methodNames) {
  const channel = channelOf(name);
  // Every input is a JSON object in the contract; a call without one sends `{}`.
  api[name] = (input?: unknown): Promise<unknown> => ipcRenderer.invoke(channel, input ?? {});
}
api.on = on;

contextBridge.exposeInMainWorld('api', Object.freeze(api));
