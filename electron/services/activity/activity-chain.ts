import { createHash } from 'node:crypto';
import type { ActivityDetail } from '../../../shared/record-verification';
import { canonicalJson } from '../notes/note-hash';

/**
 * The hash chain of the activity log: each entry stores the SHA-256 of its own content and of the
 * entry before it, so changing or removing an entry in the middle breaks the chain that
 * `verifyActivityLog` walks.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers, in the names the chain uses. */
export interface ChainedContent {
  seq: number;
  at: string;
  action: string;
  recordType: string;
  recordId: string;
  clientId: string | null;
  fields: readonly string[];
  prevHash: string;
  /** The stored detail text (canonical JSON), or null. */
  detail?: string | null;
}

/**
 * The hash of an entry: a fixed-order JSON array, so the same content always gives the same text. The
 * detail joins the array only when there is one, so every entry written before it existed keeps its hash.
 */
export function entryHash(entry: ChainedContent): string {
  const parts: unknown[] = [entry.seq, entry.at, entry.action, entry.recordType, entry.recordId, entry.clientId, [...entry.fields], entry.prevHash];
  if (entry.detail !== undefined && entry.detail !== null) parts.push(entry.detail);
  return createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex');
}

/** The text stored for a detail: canonical JSON, so the hash covers exactly what is stored. */
export function detailText(detail: ActivityDetail | undefined): string | null {
  if (detail === undefined) return null;
  const present = Object.fromEntries(Object.entries(detail).filter(([, value]) => value !== undefined)) as Record<string, string>;
  return Object.keys(present).length === 0 ? null : canonicalJson(present);
}
