import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import type { KeyedResult } from './search-labels';

export interface ActiveResult {
  activeIndex: number;
  setActiveId: (id: string | null) => void;
  /** For the search box: ArrowUp/ArrowDown move through the results, Enter opens the highlighted one. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  optionId: (item: KeyedResult) => string;
  /** The DOM id of the highlighted option, for aria-activedescendant. */
  activeDescendant: string | undefined;
}

/**
 * The highlighted row of a results listbox, tracked by key rather than position so results arriving
 * between two key presses never move it onto a different hit. With nothing chosen yet, Enter opens the
 * first result: type, Enter, done.
 */
export function useActiveResult(items: readonly KeyedResult[], idPrefix: string, open: (item: KeyedResult) => void): ActiveResult {
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = useMemo(() => {
    if (items.length === 0) return -1;
    const index = activeId === null ? 0 : items.findIndex((item) => item.id === activeId);
    return index < 0 ? 0 : index;
  }, [items, activeId]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (items.length === 0) return;
      const moveTo = (index: number) => {
        event.preventDefault();
        setActiveId(items[Math.max(0, Math.min(items.length - 1, index))]?.id ?? null);
      };
      if (event.key === 'ArrowDown') moveTo(activeIndex + 1);
      else if (event.key === 'ArrowUp') moveTo(activeIndex - 1);
      else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
        const item = items[activeIndex];
        if (!item) return;
        event.preventDefault();
        open(item);
      }
    },
    [items, activeIndex, open],
  );

  const optionId = useCallback((item: KeyedResult) => `${idPrefix}-${item.id}`, [idPrefix]);
  const active = items[activeIndex];
  return { activeIndex, setActiveId, onKeyDown, optionId, activeDescendant: active ? optionId(active) : undefined };
}
