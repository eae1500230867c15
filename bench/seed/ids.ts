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
