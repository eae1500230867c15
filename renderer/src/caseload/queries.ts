import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseloadPeriod } from '../../../shared/caseload';
import { call } from '../api';
import { caseloadKeys } from '../lib/query-keys';

/** The caseload outcomes of a period; null while the period typed is not one to look at. */
export function useCaseloadOutcomes(period: CaseloadPeriod | null) {
  return useQuery({
    queryKey: caseloadKeys.outcomes(period?.from ?? '', period?.to ?? ''),
    queryFn: () => call('getCaseloadOutcomes', period!),
    enabled: period !== null,
    // The numbers of the last period stay on screen while the next ones are counted.
    placeholderData: keepPreviousData,
    // Sessions and results change from other screens; a visit here reads them again (a local call).
    staleTime: 0,
  });
}
