import { Decrypter, Encrypter, type Identity, type Recipient } from 'age-encryption';
import { PAYLOAD_NONCE_BYTES, TAG_BYTES } from './age-payload';

/*
 * The age header (version line, recipient stanzas, header MAC) stays the age-encryption package's: only
 * the payload is encrypted here (age-payload.ts). The package has no call that returns a header and its
 * file key for a payload written elsewhere, so the key is taken where the Recipient interface hands it
 * over, and the header is cut from the package's encryption of an empty payload.
 */

export interface AgeHeader {
  header: Uint8Array;
  fileKey: Uint8Array;
}

/** A new file key and the header that wraps it for `recipient`. */
export async function sealHeader(recipient: Recipient): Promise<AgeHeader> {
  let fileKey: Uint8Array | null = null;
  const encrypter = new Encrypter();
  encrypter.addRecipient({
    wrapFileKey: (key: Uint8Array) => {
      fileKey = Uint8Array.from(key);
      return recipient.wrapFileKey(key);
    },
  });
  const empty = await encrypter.encrypt(new Uint8Array(0));
  // An empty payload is its nonce and one tag, after the header.
  const headerBytes = empty.length - PAYLOAD_NONCE_BYTES - TAG_BYTES;
  if (fileKey === null || headerBytes <= 0 || empty[headerBytes - 1] !== 0x0a) throw new Error('age header not produced');
  return { header: empty.slice(0, headerBytes), fileKey };
}

/**
 * The file key of a header (the bytes up to and including the MAC line's newline), unwrapped by
 * `identity` and checked against the header MAC. Throws the package's own errors ("no identity
 * matched…", "invalid header HMAC"), which callers already classify.
 */
export function openHeader(header: Uint8Array, identity: Identity): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  return decrypter.decryptHeader(header);
}
