import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelOf, methodNames, type EventName, type EventPayload } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../services/ipc/dispatch';
import { isAppUrl } from '../services/url-policy';
import { appWindows, isAppWebContents } from './windows';

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Alliance Notes window, so it was refused.' },
};

/**
 * Only the main frame of one of our windows, showing our own page, may call a method. Anything else
 * (a sub-frame, DevTools, a frame that navigated away or was destroyed) is refused before dispatch.
 */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return isAppWebContents(event.sender) && isAppUrl(frame.url);
}

/** Answers every contract method on its own channel through the shared dispatch (validation included). */
export function registerIpcHandlers(dispatch: Dispatch): void {
  for (const name of methodNames) {
    ipcMain.handle(channelOf(name), (event, input: unknown) =>
      isTrustedSender(event) ? dispatch(name, input) : Promise.resolve(forbidden),
    );
  }
}

/**
 * Pushes an event to every app window showing our own page; windows being torn down are skipped, and
 * so is any page that is not ours, by the same rule as for calls.
 */
export function emitToWindows<E extends EventName>(event: E, payload: EventPayload<E>): void {
  for (const window of appWindows()) {
    const contents = window.webContents;
    if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(channelOf(event), payload);
  }
}
