#!/usr/bin/env node
// Prints a vault's raw 256-bit data key, recovered from the paper recovery key, so vault.db can be
// opened with SQLCipher 4 tools without Alliance Notes (docs/vault.md: "Opening the vault without the app").
//
//   node scripts/vault-key.mjs <vault folder>      then type the recovery key and press Enter
//
// Plain Node.js and nothing else on purpose: a practitioner must be able to run it years from now
// without installing this project. The recovery key is read from stdin, never from the command line,
// so it stays out of shell history and process lists. Anyone holding the printed key can read every
// note: print it only on your own machine and clear the terminal afterwards.
import { createDecipheriv, hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base 32, as printed on the sheet

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The 20 bytes of a recovery key typed in any case, with or without spaces and dashes. */
function decodeRecoveryKey(typed) {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== 32 || [...compact].some((ch) => !ALPHABET.includes(ch))) {
    fail('That is not a recovery key: it has 32 letters and digits in 8 groups, like ABCD-EFGH-…');
  }
  const out = Buffer.alloc(20);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const ch of compact) {
    value = (value << 5) | ALPHABET.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out[index++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return out;
}

const folder = process.argv[2];
if (!folder) fail('Usage: node scripts/vault-key.mjs <vault folder>   (the recovery key is read from stdin)');
let header;
try {
  header = JSON.parse(readFileSync(path.join(folder, 'vault-header.json'), 'utf8'));
} catch {
  fail(`No readable vault-header.json in ${folder}.`);
}
// Format 2 only adds the activity log's anchor; the key slots read here are the same in both.
if (header.format !== 'alliance-notes-vault' || ![1, 2].includes(header.formatVersion)) fail('This vault header is not a format this script knows.');

/** The first line typed (or piped) on stdin: Enter is enough, no end-of-file needed. */
async function firstLine() {
  if (process.stdin.isTTY) process.stderr.write('Recovery key: ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

const typed = await firstLine();
const slot = header.recoverySlot;
// Key-encryption key = HKDF-SHA256(recovery key bytes, salt from the header, fixed info string).
const kek = Buffer.from(hkdfSync('sha256', decodeRecoveryKey(typed), Buffer.from(slot.salt, 'base64'), 'alliance-notes recovery key v1', 32));
// Data key = AES-256-GCM-decrypt(kek, wrapped key), with the vault id and slot name as associated data.
const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.wrapped.iv, 'base64'));
decipher.setAAD(Buffer.from(`alliance-notes-vault:v1:${header.vaultId}:recovery`, 'utf8'));
decipher.setAuthTag(Buffer.from(slot.wrapped.tag, 'base64'));
let dataKey;
try {
  dataKey = Buffer.concat([decipher.update(Buffer.from(slot.wrapped.ciphertext, 'base64')), decipher.final()]);
} catch {
  fail('That recovery key does not open this vault. Check each group and try again.');
}
process.stdout.write(`${dataKey.toString('hex')}\n`);
