import { createDecipheriv, scrypt as scryptCallback } from 'node:crypto';
import { promisify } from 'node:util';
import { Decrypter, type Identity, type Stanza } from 'age-encryption';

export { prng } from './prng';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;


export interface Mutation {
  kind: 'flip' | 'truncate' | 'insert';
  at: number;
  describe: string;
  bytes: Buffer;
}

/**
 * A damaged copy of `file`: one bit flipped, the file cut short, or 1–16 random bytes inserted (or
 * appended). A share of them is aimed at the header and nonce, which are a tiny part of the file but
 * where each byte matters differently.
 */
export function mutate(file: Buffer, headerEnd: number, random: () => number): Mutation {
  const pick = (limit: number) => Math.floor(random() * limit);
  const inHeader = random() < 0.2;
  const position = inHeader ? pick(headerEnd + 16) : pick(file.length);
  const roll = random();
  if (roll < 0.5) {
    const bit = pick(8);
    const bytes = Buffer.from(file);
    bytes[position] = bytes[position]! ^ (1 << bit);
    return { kind: 'flip', at: position, describe: `flip bit ${bit} of byte ${position}`, bytes };
  }
  if (roll < 0.75) {
    const length = inHeader ? position : pick(file.length);
    return { kind: 'truncate', at: length, describe: `truncate to ${length} of ${file.length} bytes`, bytes: file.subarray(0, length) };
  }
  const count = 1 + pick(16);
  const inserted = Buffer.from(Array.from({ length: count }, () => pick(256)));
  const at = random() < 0.05 ? file.length : position;
  return {
    kind: 'insert',
    at,
    describe: `insert ${count} bytes at ${at}`,
    bytes: Buffer.concat([file.subarray(0, at), inserted, file.subarray(at)]),
  };
}

const stanzaKey = (stanzas: Stanza[]) =>
  JSON.stringify(stanzas.map((stanza) => [stanza.args, Buffer.from(stanza.body).toString('base64')]));

/**
 * An age Identity for the fuzz test that pays scrypt once per distinct header stanza instead of once
 * per decryption. Most mutations leave the stanza alone (they hit the MAC line, the nonce or the
 * payload), so their file key comes from the cache; a mutated stanza is unwrapped for real (age's
 * scrypt recipient: scrypt over "age-encryption.org/v1/scrypt" + salt, then ChaCha20-Poly1305 with a
 * zero nonce), so a changed salt, work factor or wrapped key still fails as it would with the
 * passphrase. Everything after unwrapping (header MAC, every payload chunk) is the library's own code.
 */
export async function cachingScryptIdentity(passphrase: string, header: Uint8Array): Promise<Identity & { misses: () => number }> {
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  const fileKey = await decrypter.decryptHeader(header);
  const cache = new Map<string, Uint8Array | null>();
  let misses = 0;
  const identity: Identity & { misses: () => number } = {
    misses: () => misses,
    async unwrapFileKey(stanzas) {
      const key = stanzaKey(stanzas);
      if (!cache.has(key)) {
        misses += 1;
        cache.set(key, await unwrapScrypt(passphrase, stanzas));
      }
      const found = cache.get(key) ?? null;
      return found === null ? null : Uint8Array.from(found);
    },
  };
  // The untouched header's stanza is primed with the key the library itself derived.
  const original = await parseStanzas(header);
  cache.set(stanzaKey(original), fileKey);
  return identity;
}

async function parseStanzas(header: Uint8Array): Promise<Stanza[]> {
  let captured: Stanza[] = [];
  const decrypter = new Decrypter();
  decrypter.addIdentity({
    unwrapFileKey(stanzas) {
      captured = stanzas;
      return null;
    },
  });
  await decrypter.decryptHeader(header).catch(() => undefined);
  return captured;
}

async function unwrapScrypt(passphrase: string, stanzas: Stanza[]): Promise<Uint8Array | null> {
  const stanza = stanzas.find((s) => s.args[0] === 'scrypt');
  if (!stanza || stanzas.length !== 1 || stanza.args.length !== 3) return null;
  const salt = Buffer.from(stanza.args[1]!, 'base64');
  const logN = Number(stanza.args[2]);
  if (salt.length !== 16 || !Number.isInteger(logN) || logN < 1 || logN > 20 || stanza.body.length !== 32) return null;
  const key = await scrypt(passphrase, Buffer.concat([Buffer.from('age-encryption.org/v1/scrypt'), salt]), 32, {
    N: 2 ** logN,
    r: 8,
    p: 1,
    maxmem: 2 * 128 * 8 * 2 ** logN,
  });
  const body = Buffer.from(stanza.body);
  const decipher = createDecipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
  decipher.setAuthTag(body.subarray(16));
  try {
    return Uint8Array.from(Buffer.concat([decipher.update(body.subarray(0, 16)), decipher.final()]));
  } catch {
    return null;
  }
}
