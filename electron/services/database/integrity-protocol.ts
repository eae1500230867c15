/** What the integrity worker is given; shared by both sides so they cannot drift. */
export interface IntegrityJob {
  file: string;
  /** A copy of the data key; the worker wipes it once the connection is keyed. */
  dataKey: Uint8Array;
  nativeBinding?: string;
  /** One Int32 holding a CheckState; both threads change it with compareExchange only. */
  state: SharedArrayBuffer;
}

/**
 * The handshake that lets a lock stop a check that has not opened its connection yet, and wait for one
 * that has: STARTING → RUNNING (worker, before it opens) or STARTING → CANCELLED (main, on lock);
 * RUNNING → DONE (worker, after it closes).
 */
export const CheckState = { STARTING: 0, RUNNING: 1, DONE: 2, CANCELLED: 3 } as const;

/**
 * `unavailable`: the check could not run (not a finding about the file), so the caller checks another
 * way; `cancelled`: the vault was locked before the check opened its connection.
 */
export type IntegrityVerdict = 'ok' | 'damaged' | 'unavailable' | 'cancelled';
