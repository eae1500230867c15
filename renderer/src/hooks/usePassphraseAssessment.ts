import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { loadPassphrasePolicy, type PassphraseAssessment } from '../passphrase';

type Policy = Awaited<ReturnType<typeof loadPassphrasePolicy>>;

export interface StrengthInfo {
  assessment: PassphraseAssessment;
  label: string;
}

/** Live strength of a passphrase being typed; null until the policy module has loaded. */
export function usePassphraseAssessment(passphrase: string): StrengthInfo | null {
  const [policy, setPolicy] = useState<Policy | null>(null);
  // Deferred so a long passphrase never makes typing feel sluggish.
  const deferred = useDeferredValue(passphrase);

  useEffect(() => {
    let cancelled = false;
    loadPassphrasePolicy().then(
      (loaded) => !cancelled && setPolicy(loaded),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);

  return useMemo(() => {
    if (!policy) return null;
    const assessment = policy.assessPassphrase(deferred);
    return { assessment, label: policy.STRENGTH_LABELS[assessment.score] };
  }, [policy, deferred]);
}
