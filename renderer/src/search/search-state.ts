import { createContext, useContext } from 'react';
import type { NoteStatus } from './search-labels';

/** What the Search page is showing: kept above the routes so coming back to the page restores it. */
export interface SearchState {
  query: string;
  clientId: string | null;
  /** `YYYY-MM-DD` or '' (the native date inputs' own values). */
  from: string;
  to: string;
  templateId: string | null;
  status: NoteStatus | null;
  ruptureOnly: boolean;
}

export const INITIAL_SEARCH_STATE: SearchState = {
  query: '',
  clientId: null,
  from: '',
  to: '',
  templateId: null,
  status: null,
  ruptureOnly: false,
};

export interface SearchContextValue {
  state: SearchState;
  update: (change: Partial<SearchState>) => void;
  /** Opens the quick-search dialog (Ctrl/Cmd+K does the same). */
  openDialog: () => void;
}

export const SearchContext = createContext<SearchContextValue | null>(null);

export function useSearchContext(): SearchContextValue {
  const value = useContext(SearchContext);
  if (!value) throw new Error('useSearchContext must be used inside SearchProvider');
  return value;
}
