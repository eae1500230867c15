import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { ClientListStateContext, INITIAL_LIST_STATE, type ClientListState, type ClientListStateValue } from './list-state';

/** Holds the list's search, filters and sort for as long as the vault is open (never on disk). */
export function ClientListStateProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ClientListState>(INITIAL_LIST_STATE);
  const update = useCallback((change: Partial<ClientListState>) => setState((previous) => ({ ...previous, ...change })), []);
  const value = useMemo<ClientListStateValue>(() => [state, update], [state, update]);
  return <ClientListStateContext.Provider value={value}>{children}</ClientListStateContext.Provider>;
}
