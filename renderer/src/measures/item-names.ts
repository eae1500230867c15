import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AllItemNames } from '../../../shared/measure-item-names';
import { call } from '../api';

/** The practitioner's names for the items of score-only measures; the cache goes when the vault locks. */
export const ITEM_NAMES_KEY = ['measures', 'item-names'] as const;

export function useItemNames() {
  return useQuery({ queryKey: ITEM_NAMES_KEY, queryFn: () => call('getMeasureItemNames') });
}

/** After Settings saved names: every form and table that shows them reads the new ones. */
export function useItemNamesSaved(): (names: AllItemNames) => void {
  const queryClient = useQueryClient();
  return useCallback((names: AllItemNames) => queryClient.setQueryData(ITEM_NAMES_KEY, { names }), [queryClient]);
}
