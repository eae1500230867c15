import { createHash } from 'node:crypto';
import type { Rng } from './prng';

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/**
 * A UUID-v4-formatted id drawn from `rng` (version nibble 4, RFC 4122 variant), so two runs with the
 * same seed write identical rows. Not for anything that needs unpredictable ids: this is test data.
 */
export function seededUuid(rng: Rng): string {
  const a = rng.uint32();
  const b = rng.uint32();
  const c = rng.uint32();
  const d = rng.uint32();
  const timeMid = b >>> 16;
  const version = ((b & 0x0fff) | 0x4000) >>> 0;
  const variant = (((c >>> 16) & 0x3fff) | 0x8000) >>> 0;
  const nodeHigh = c & 0xffff;
  return `${hex(a, 8)}-${hex(timeMid, 4)}-${hex(version, 4)}-${hex(variant, 4)}-${hex(nodeHigh, 4)}${hex(d, 8)}`;
}

/**
 * A UUID-v4-formatted id made from the SHA-256 of `text`: the same text always gives the same id, so
 * rows named after what they record (an alert event, its acknowledgement) come out alike for one seed.
 */
export function hashedUuid(text: string): string {
  const digest = createHash('sha256').update(text).digest('hex');
  return `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
}
