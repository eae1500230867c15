import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import type { ProgressSummaryOptionsInput } from '../../../shared/progress-summary';
import { call } from '../api';
import { summaryKeys } from '../lib/query-keys';

/** The date span and note sections the dialog offers; fresh each time it opens (a note may just have been signed). */
export function useSummaryChoices(clientId: string) {
  return useQuery({
    queryKey: summaryKeys.choices(clientId),
    queryFn: () => call('getSummaryChoices', { clientId }),
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * The preview PDF for `options` (already debounced by the caller; null while the form is invalid).
 * The query key is the options, so only the latest request's answer is ever shown; the previous page
 * stays on screen while the next one is made. gcTime 0: a summary's bytes are not kept once unseen.
 */
export function useSummaryPreview(options: ProgressSummaryOptionsInput | null) {
  return useQuery({
    queryKey: options === null ? summaryKeys.noPreview : summaryKeys.preview(options),
    queryFn: options === null ? skipToken : () => call('previewProgressSummary', options),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}
