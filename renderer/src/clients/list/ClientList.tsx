import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ClientListItem } from '../../../../shared/clients';
import { ClientRow } from './ClientRow';
import type { ActiveRow } from './useActiveRow';
import classes from './ClientList.module.css';

export const CLIENT_LISTBOX_ID = 'client-listbox';
const ROW_HEIGHT = 68;

interface ClientListProps {
  clients: readonly ClientListItem[];
  active: ActiveRow<ClientListItem>;
  busy: boolean;
  onOpen: (client: ClientListItem) => void;
}

/**
 * The client list as a virtualised listbox: only the rows in view exist in the DOM, so a caseload of a
 * thousand scrolls like one of ten. aria-setsize/posinset tell screen readers the real size.
 */
export function ClientList({ clients, active, busy, onOpen }: ClientListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: clients.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => clients[index]?.id ?? index,
  });

  // Keep the active row on screen (and therefore in the DOM, for aria-activedescendant).
  useEffect(() => {
    if (active.activeIndex >= 0) virtualizer.scrollToIndex(active.activeIndex, { align: 'auto' });
  }, [active.activeIndex, virtualizer]);

  const activeClient = clients[active.activeIndex];

  return (
    <div
      ref={scrollRef}
      id={CLIENT_LISTBOX_ID}
      role="listbox"
      aria-label="Clients"
      aria-busy={busy || undefined}
      aria-activedescendant={activeClient ? active.optionId(activeClient) : undefined}
      tabIndex={0}
      className={classes.listbox}
      onKeyDown={active.onKeyDown}
    >
      <div role="presentation" className={classes.sizer} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const client = clients[row.index];
          if (!client) return null;
          const selected = row.index === active.activeIndex;
          return (
            <div
              key={row.key}
              id={active.optionId(client)}
              role="option"
              aria-selected={selected}
              aria-setsize={clients.length}
              aria-posinset={row.index + 1}
              className={classes.row}
              data-active={selected || undefined}
              style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onClick={() => onOpen(client)}
            >
              <ClientRow client={client} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
