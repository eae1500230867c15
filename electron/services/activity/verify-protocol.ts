import type { ActivityLogVerdict } from '../../../shared/clients';
import type { ChainAnchor } from '../../../shared/record-verification';

/** What the verification worker is given; shared by both sides so they cannot drift. */
export interface VerifyJob {
  file: string;
  /** A copy of the data key; the worker wipes it once the connection is keyed. */
  dataKey: Uint8Array;
  nativeBinding?: string;
  anchor: ChainAnchor | null;
  /** One Int32 holding a VerifyState; both threads change it with compareExchange only. */
  state: SharedArrayBuffer;
}

/**
 * The handshake that lets a lock stop a verification, so no connection keeps the key after a lock:
 * STARTING → RUNNING (worker, before it opens) or STARTING → CANCELLED (main); RUNNING → STOPPING
 * (main, on lock: the worker stops between batches); RUNNING or STOPPING → DONE (worker, once closed).
 */
export const VerifyState = { STARTING: 0, RUNNING: 1, DONE: 2, CANCELLED: 3, STOPPING: 4 } as const;

/** `unavailable`: the worker could not verify (not a finding about the records); the caller verifies in-process. */
export type VerifyReply = { kind: 'verdict'; verdict: ActivityLogVerdict } | { kind: 'unavailable' };
