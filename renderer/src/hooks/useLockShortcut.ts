import { useEffect } from 'react';
import { call } from '../api';
import { flushPendingSaves } from '../lib/pending-saves';
import type { VaultStatus } from '../../../shared/contract';

/**
 * Ctrl+L / Cmd+L locks from anywhere, including inside text fields: a practitioner who hears a knock
 * should not have to find the mouse first. Listening in the capture phase means no component can
 * swallow the key before us.
 */
export function useLockShortcut(enabled: boolean, onLocked: (status: VaultStatus) => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const isL = event.key.toLowerCase() === 'l' || event.code === 'KeyL';
      if (!isL || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      if (event.repeat) return;
      // An open draft saves its last keystrokes before the database closes.
      flushPendingSaves()
        .then(() => call('lockVault'))
        .then(onLocked, () => undefined);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [enabled, onLocked]);
}
