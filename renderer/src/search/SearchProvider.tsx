import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { INITIAL_SEARCH_STATE, SearchContext, type SearchContextValue, type SearchState } from './search-state';
import { SearchDialog } from './SearchDialog';
import { useSearchShortcut } from './useSearchShortcut';

/**
 * Holds the Search page's words and filters for as long as the vault is open (never on disk), and the
 * Ctrl/Cmd+K dialog. It lives inside AppLayout, so both vanish when the vault locks. The dialog is not
 * loaded on demand (it uses no zod): a practitioner typing straight after Ctrl+K must not lose keys.
 */
export function SearchProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SearchState>(INITIAL_SEARCH_STATE);
  const [opened, setOpened] = useState(false);
  const update = useCallback((change: Partial<SearchState>) => setState((previous) => ({ ...previous, ...change })), []);
  const openDialog = useCallback(() => setOpened(true), []);
  const close = useCallback(() => setOpened(false), []);
  useSearchShortcut(openDialog);

  const value = useMemo<SearchContextValue>(() => ({ state, update, openDialog }), [state, update, openDialog]);
  return (
    <SearchContext.Provider value={value}>
      {children}
      <SearchDialog opened={opened} onClose={close} />
    </SearchContext.Provider>
  );
}
