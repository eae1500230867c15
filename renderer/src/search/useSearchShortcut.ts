import { useEffect } from 'react';

/**
 * Ctrl+K / Cmd+K opens search from anywhere in the unlocked app, including inside text fields and the
 * note editor. Listening in the capture phase means no component (an editor's own Mod-K) can swallow it.
 */
export function useSearchShortcut(onOpen: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const isK = event.key.toLowerCase() === 'k' || event.code === 'KeyK';
      if (!isK || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat) onOpen();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [onOpen]);
}
