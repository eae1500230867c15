import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';

export interface ActiveRow<T> {
  activeId: string | null;
  activeIndex: number;
  setActiveId: (id: string | null) => void;
  /** For the search box and the listbox alike: ArrowUp/ArrowDown/Home/End move, Enter opens. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  optionId: (item: T) => string;
}

/**
 * The "active" row of a listbox driven by aria-activedescendant. It is tracked by id, not position, so
 * rows arriving or leaving between two key presses never shift it onto a different client.
 */
export function useActiveRow<T extends { id: string }>(items: readonly T[], open: (item: T) => void): ActiveRow<T> {
  const [activeId, setActiveId] = useState<string | null>(null);
  // If the active row left the results (a search finished after an arrow key), the first row takes over,
  // so typing, ArrowDown and Enter opens the first match rather than nothing.
  const activeIndex = useMemo(() => {
    if (activeId === null) return -1;
    const index = items.findIndex((item) => item.id === activeId);
    return index < 0 && items.length > 0 ? 0 : index;
  }, [items, activeId]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (items.length === 0) return;
      const last = items.length - 1;
      const moveTo = (index: number) => {
        event.preventDefault();
        setActiveId(items[Math.max(0, Math.min(last, index))]?.id ?? null);
      };
      if (event.key === 'ArrowDown') moveTo(activeIndex < 0 ? 0 : activeIndex + 1);
      else if (event.key === 'ArrowUp') moveTo(activeIndex < 0 ? last : activeIndex - 1);
      else if (event.key === 'PageDown') moveTo(Math.max(activeIndex, 0) + 10);
      else if (event.key === 'PageUp') moveTo(activeIndex - 10);
      else if (event.key === 'Home' && event.currentTarget.getAttribute('role') === 'listbox') moveTo(0);
      else if (event.key === 'End' && event.currentTarget.getAttribute('role') === 'listbox') moveTo(last);
      else if (event.key === 'Enter' && activeIndex >= 0) {
        event.preventDefault();
        const item = items[activeIndex];
        if (item) open(item);
      }
    },
    [items, activeIndex, open],
  );

  const optionId = useCallback((item: T) => `client-option-${item.id}`, []);

  return { activeId: items[activeIndex]?.id ?? null, activeIndex, setActiveId, onKeyDown, optionId };
}
