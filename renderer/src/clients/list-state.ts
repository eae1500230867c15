import { createContext, useContext } from 'react';
import type { ClientListQuery } from '../../../shared/clients';

/** What the client list is showing: kept above the routes so coming back to the list restores it. */
export type ClientListState = Pick<ClientListQuery, 'query' | 'status' | 'tag' | 'sort'>;

export const INITIAL_LIST_STATE: ClientListState = { query: '', status: 'current', tag: null, sort: 'name' };

export type ClientListStateValue = [ClientListState, (change: Partial<ClientListState>) => void];

export const ClientListStateContext = createContext<ClientListStateValue | null>(null);

export function useClientListState(): ClientListStateValue {
  const value = useContext(ClientListStateContext);
  if (!value) throw new Error('useClientListState must be used inside ClientListStateProvider');
  return value;
}
