import type { EventName, MethodName } from './index';

/**
 * The IPC channel of a method or event; the preload and main derive channels from here only. This
 * module imports no package at run time, so the sandboxed preload (which can load none but Electron's
 * own) can bundle it.
 */
export const channelOf = (name: MethodName | EventName): string => `alliance:${name}`;
