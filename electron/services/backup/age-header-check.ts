import { BACKUP_SCRYPT_LOG_N_RANGE } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { problems } from './backup-problems';

/* age's format (age-encryption.org/v1), as far as this reader checks it before decrypting. */
const AGE_VERSION_LINE = 'age-encryption.org/v1';
const AGE_ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const STANZA_PREFIX = '-> ';
const MAC_PREFIX = '--- ';
const STANZA_LINE_CHARS = 64;

const isPrintable = (byte: number) => byte >= 0x20 && byte <= 0x7e;

/** Canonical unpadded base64, as age writes it: anything else is a damaged header. */
function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64').replace(/=+$/, '') === text ? bytes : null;
}

/** What the first bytes of a non-age file suggest, so the message can say what was picked instead. */
function sniff(prefix: Buffer): string {
  const starts = (text: string) => prefix.subarray(0, text.length).toString('latin1') === text;
  if (starts('%PDF-')) return ': it is a PDF document';
  if (starts('PK\x03\x04')) return ': it is a ZIP archive (or a document saved as one)';
  if (starts('SQLite format 3\0')) return ': it is an unencrypted database file';
  if (prefix.length >= 262 && prefix.subarray(257, 262).toString('latin1') === 'ustar') return ': it is an unencrypted archive (perhaps a plain export)';
  return '';
}

/**
 * Checks the age header: the version line, one scrypt stanza with its salt, work factor and wrapped
 * key, and the MAC line. Returns the header's length. The age-encryption package checks the same
 * things, but it reads a header line of any length into memory and its errors cannot tell a key-encrypted
 * file from a damaged one; this also refuses a work factor the package would spend seconds or
 * gigabytes on before it gives up.
 */
export function inspectHeader(prefix: Buffer, wholeFile: boolean, minLogN: number): number {
  const versionLine = Buffer.from(`${AGE_VERSION_LINE}\n`, 'latin1');
  if (prefix.subarray(0, AGE_ARMOR_BEGIN.length).toString('latin1') === AGE_ARMOR_BEGIN) throw problems.armored();
  if (!prefix.subarray(0, versionLine.length).equals(versionLine)) {
    if (wholeFile && prefix.length < versionLine.length && versionLine.subarray(0, prefix.length).equals(prefix)) throw problems.incomplete();
    throw problems.notAge(sniff(prefix));
  }
  let offset = versionLine.length;
  const nextLine = (): string => {
    const end = prefix.indexOf(0x0a, offset);
    if (end < 0) throw wholeFile ? problems.incomplete() : problems.header();
    const bytes = prefix.subarray(offset, end);
    if (!bytes.every(isPrintable)) throw problems.header();
    offset = end + 1;
    return bytes.toString('latin1');
  };

  const stanzas: { args: string[]; body: Buffer }[] = [];
  for (;;) {
    const line = nextLine();
    if (line.startsWith(MAC_PREFIX)) {
      const mac = decodeBase64(line.slice(MAC_PREFIX.length));
      if (mac === null || mac.length !== 32) throw problems.header();
      break;
    }
    if (!line.startsWith(STANZA_PREFIX)) throw problems.header();
    const args = line.slice(STANZA_PREFIX.length).split(' ');
    if (args.some((arg) => arg.length === 0)) throw problems.header();
    const body: Buffer[] = [];
    for (;;) {
      const bodyLine = nextLine();
      const bytes = decodeBase64(bodyLine);
      if (bytes === null || bodyLine.length > STANZA_LINE_CHARS) throw problems.header();
      body.push(bytes);
      if (bodyLine.length < STANZA_LINE_CHARS) break;
    }
    stanzas.push({ args, body: Buffer.concat(body) });
  }

  const scrypt = stanzas.filter((stanza) => stanza.args[0] === 'scrypt');
  if (stanzas.length === 0) throw problems.header();
  if (scrypt.length === 0) throw problems.ageKey();
  // age allows a scrypt stanza only alone: anything else next to it is damage, not another recipient.
  if (stanzas.length !== 1) throw problems.header();
  const { args, body } = scrypt[0]!;
  const salt = args[1] === undefined ? null : decodeBase64(args[1]);
  if (args.length !== 3 || salt === null || salt.length !== 16 || body.length !== 32) throw problems.header();
  if (!/^[1-9][0-9]*$/.test(args[2]!)) throw problems.header();
  const logN = Number(args[2]);
  if (logN > BACKUP_SCRYPT_LOG_N_RANGE.max) throw problems.workFactor();
  // Alliance Notes writes 2^18 or more: a lower factor makes a passphrase cheaper to guess, and a
  // file that asks for one was made by some other tool (perhaps to be restored over a practice's vault).
  if (logN < minLogN) throw problems.weakWorkFactor(logN);
  return offset;
}

/** Failures while age derives the key and checks the header MAC, after inspectHeader accepted it. */
export function headerStageError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : '';
  if (message.includes("no identity matched any of the file's recipients")) return problems.wrongPassphrase();
  if (message.includes('stream ended before reading')) return problems.incomplete();
  if (message.includes('scrypt work factor is too high')) return problems.workFactor();
  return problems.header();
}
