/**
 * Open note editors register how to save what the practitioner has typed so far. Locking awaits them
 * first: the lock unmounts every screen and closes the database, and a keystroke typed just before
 * Ctrl+L must not be lost with them.
 */
const flushers = new Set<() => Promise<void>>();

export function registerPendingSave(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Saves every open draft; a failure is left to the editor's own status line, never blocks the lock. */
export async function flushPendingSaves(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()));
}
