import { useEffect, useRef } from 'react';

/**
 * Makes a toolbar one Tab stop, with the arrow keys moving between its buttons (the WAI-ARIA toolbar
 * pattern, "roving tabindex"). A note has a toolbar of 13 buttons per section; without this, Tab from
 * one section's text to the next walks through every button on the way.
 *
 * The buttons are Mantine's editor controls, which set their own tabIndex and are added and removed as
 * the editor changes (a control swapped, Undo becoming disabled), so the hook works on the DOM: one
 * enabled button keeps tabindex 0 (the last one used, else the first), the others -1, and it settles
 * again whenever a button appears, goes or changes its disabled state.
 */
export function useRovingToolbar<T extends HTMLElement>() {
  const ref = useRef<T>(null);

  useEffect(() => {
    const toolbar = ref.current;
    if (!toolbar) return undefined;
    let active: HTMLButtonElement | null = null;

    const buttons = () => [...toolbar.querySelectorAll<HTMLButtonElement>('button')];
    const usable = () => buttons().filter((button) => !button.disabled && button.getAttribute('aria-hidden') !== 'true');
    const settle = () => {
      const list = usable();
      if (!active || !list.includes(active)) active = list[0] ?? null;
      for (const button of buttons()) {
        const wanted = button === active ? '0' : '-1';
        if (button.getAttribute('tabindex') !== wanted) button.setAttribute('tabindex', wanted);
      }
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const list = usable();
      const index = list.findIndex((button) => button === document.activeElement);
      if (index < 0) return;
      const last = list.length - 1;
      const next =
        event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
        : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
        : event.key === 'Home' ? 0
        : event.key === 'End' ? last
        : null;
      if (next === null) return;
      event.preventDefault();
      active = list[next] ?? null;
      settle();
      active?.focus();
    };
    // Focus arriving by any means (a click, a screen reader's cursor) makes that button the Tab stop.
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLButtonElement && toolbar.contains(event.target)) {
        active = event.target;
        settle();
      }
    };

    const observer = new MutationObserver(settle);
    observer.observe(toolbar, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'aria-hidden'] });
    toolbar.addEventListener('keydown', onKeyDown);
    toolbar.addEventListener('focusin', onFocusIn);
    settle();
    return () => {
      observer.disconnect();
      toolbar.removeEventListener('keydown', onKeyDown);
      toolbar.removeEventListener('focusin', onFocusIn);
    };
  }, []);

  return ref;
}
