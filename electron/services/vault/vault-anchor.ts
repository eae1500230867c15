import type { ChainAnchor } from '../../../shared/record-verification';
import { logHoldsAnchor, readChainAnchor } from '../activity/activity-log.repository';
import type { Sqlite } from '../database/open-database';
import { readHeaderSync, writeHeaderSync } from './vault-header';

/** The activity log's anchor in the vault header, written when the vault locks. */

/**
 * The anchor a lock should write: the log's length and newest hash now, or null to leave the header
 * as it is. An anchor the log no longer holds is never replaced: writing the shorter log's would erase
 * the evidence that entries were cut off while the vault was closed. Reading it must not stop a lock.
 */
export function anchorToRecord(sqlite: Sqlite, kept: ChainAnchor | undefined): ChainAnchor | null {
  try {
    if (kept && !logHoldsAnchor(sqlite, kept)) return null;
    const current = readChainAnchor(sqlite);
    return kept && kept.length === current.length && kept.latestHash === current.latestHash ? null : current;
  } catch {
    return null;
  }
}

/**
 * Writes the anchor into the header on disk, re-read rather than taken from memory: a passphrase
 * change may be writing it at this moment, and its new key slot must survive whichever lands last.
 * A header that cannot be written keeps its older anchor, which the log still holds.
 */
export function recordAnchor(dir: string, vaultId: string, anchor: ChainAnchor): void {
  try {
    const read = readHeaderSync(dir);
    if (read.kind === 'ok' && read.header.vaultId === vaultId) writeHeaderSync(dir, { ...read.header, activityLog: anchor });
  } catch {
    // Locking must never fail; see above.
  }
}
