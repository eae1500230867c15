import type { ActivityLogVerdict } from '../../../shared/clients';
import type { ChainAnchor } from '../../../shared/record-verification';

/** What the verification worker is given; shared by both sides so they cannot drift. */
export interface VerifyJob {
  file: string;
  /** A copy of the data key; the worker wipes it once the connection is keyed. */
  dataKey: Uint8Array;
  nativeBinding?: string;
  anchor: ChainAnchor | null;
}

/** `unavailable`: the worker could not verify (not a finding about the records); the caller verifies in-process. */
export type VerifyReply = { kind: 'verdict'; verdict: ActivityLogVerdict } | { kind: 'unavailable' };
