import { useEffect, useRef } from 'react';
import type { KeyedResult } from './search-labels';
import { SearchResultRow } from './SearchResultRow';
import type { ActiveResult } from './useActiveResult';
import classes from './Search.module.css';

interface SearchResultListProps {
  id: string;
  items: readonly KeyedResult[];
  active: ActiveResult;
  busy: boolean;
  onOpen: (item: KeyedResult) => void;
  className?: string | undefined;
}

/**
 * Results as a listbox driven from the search box with aria-activedescendant: focus stays in the box
 * while the arrows move the highlight. At most 100 rows, so no virtualisation is needed.
 */
export function SearchResultList({ id, items, active, busy, onOpen, className }: SearchResultListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const { activeDescendant } = active;

  // Keep the highlighted row in view as the arrows move it.
  useEffect(() => {
    if (!activeDescendant) return;
    listRef.current?.querySelector(`[id="${CSS.escape(activeDescendant)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeDescendant]);

  return (
    <div ref={listRef} id={id} role="listbox" aria-label="Search results" aria-busy={busy || undefined} className={className ? `${classes.listbox} ${className}` : classes.listbox}>
      {items.map((item, index) => {
        const selected = index === active.activeIndex;
        return (
          <div
            key={item.id}
            id={active.optionId(item)}
            role="option"
            aria-selected={selected}
            className={classes.option}
            data-active={selected || undefined}
            onClick={() => onOpen(item)}
            onMouseMove={() => !selected && active.setActiveId(item.id)}
          >
            <SearchResultRow result={item.result} />
          </div>
        );
      })}
    </div>
  );
}
