import type { ChainAnchor } from '../../../shared/record-verification';
import type { Sqlite } from '../database/open-database';
import { GENESIS_HASH } from './activity-log';

/**
 * The activity log's anchor read straight from a connection, synchronously: a lock reads it just
 * before the connection closes, and a backup inside the read transaction its snapshot is taken in.
 */
/** The newest entry's number and hash; length 0 with the genesis hash for an empty log. */
export function readChainAnchor(sqlite: Sqlite): ChainAnchor {
  const row = sqlite.prepare('SELECT seq, hash FROM activity_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return row ? { length: Number(row.seq), latestHash: row.hash } : { length: 0, latestHash: GENESIS_HASH };
}

/** True when the log still holds the anchored entry unchanged (always, for an empty anchor). */
export function logHoldsAnchor(sqlite: Sqlite, anchor: ChainAnchor): boolean {
  if (anchor.length === 0) return true;
  const row = sqlite.prepare('SELECT hash FROM activity_log WHERE seq = ?').get(anchor.length) as { hash: string } | undefined;
  return row?.hash === anchor.latestHash;
}
