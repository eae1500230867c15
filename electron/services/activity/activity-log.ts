import type { Kysely } from 'kysely';
import type { ActivityAction, ActivityLogVerdict } from '../../../shared/clients';
import { MAX_LISTED_MISMATCHES, type ActivityDetail, type ChainAnchor } from '../../../shared/record-verification';
import { describeMismatch, describeMissingEnd } from '../../../shared/record-words';
import type { VaultSchema } from '../database/schema';
import { verifySignedRecords, type SignedInLog, type SignedRecordsReport } from '../notes/verify-signed-records';
import { detailText, entryHash, GENESIS_HASH, type ChainedContent } from './activity-chain';
import { highestIssuedSeq, insertActivity, lastLink, parseDetail, parseFieldsStrict, storedActivity, type StoredActivity } from './activity-log.repository';

/**
 * The append-only activity log: appending an entry to its hash chain (activity-chain.ts), and "Verify
 * records". Only names of changed fields are recorded, never their values.
 */
export { entryHash, GENESIS_HASH } from './activity-chain';
export { listActivity } from './activity-log.repository';

export interface NewActivityEntry {
  action: ActivityAction;
  recordType: 'client' | 'goal' | 'diagnosis' | 'session' | 'note' | 'addendum' | 'measure' | 'alert' | 'summary' | 'data' | 'vault' | 'medication' | 'allergy' | 'follow_up' | 'appointment' | 'attendance' | 'contact';
  recordId: string;
  clientId: string | null;
  fields: readonly string[];
  /** Names and hashes only, never values or note text (see ActivityDetail). */
  detail?: ActivityDetail;
}

/** Appends one entry; call inside the transaction that makes the change, so neither exists alone. */
export async function appendActivity(trx: Kysely<VaultSchema>, entry: NewActivityEntry, at: Date): Promise<void> {
  const last = await lastLink(trx);
  const content: ChainedContent = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    clientId: entry.clientId,
    fields: entry.fields,
    prevHash: last?.hash ?? GENESIS_HASH,
    detail: detailText(entry.detail),
  };
  await insertActivity(trx, content, entryHash(content));
}

export interface VerifyOptions {
  /**
   * The log's length and newest hash as last written outside the database (the vault header on lock,
   * or the manifest of the backup a restore came from). Null or absent: no anchor yet (older vaults).
   */
  anchor?: ChainAnchor | null;
  /** Asked between batches: true stops the check with an error (a lock during a worker's check). */
  shouldStop?: () => boolean;
}

/**
 * "Verify records": walks the whole chain in order and names the first entry that does not match (a
 * changed entry, a gap in the numbering, a broken link, entries missing at the end, by SQLite's counter
 * or by the anchor kept outside the database), then recomputes the hash of every signed note and
 * addendum from what is stored (verify-signed-records.ts) and lists each that does not match. One read
 * transaction, so both parts see the same moment. Named for the log, it checks the signed records as well.
 */
export async function verifyActivityLog(db: Kysely<VaultSchema>, options: VerifyOptions = {}): Promise<ActivityLogVerdict> {
  return db.transaction().execute(async (trx) => {
    const shouldStop = options.shouldStop ?? (() => false);
    const chain = await verifyChain(trx, options.anchor ?? null);
    const records = await verifySignedRecords(trx, chain.signed, shouldStop);
    return verdictOf(chain, records);
  });
}

interface ChainReport {
  entriesChecked: number;
  firstBrokenSeq: number | null;
  problem: string | null;
  signed: SignedInLog;
}

async function verifyChain(db: Kysely<VaultSchema>, anchor: ChainAnchor | null): Promise<ChainReport> {
  const rows = await storedActivity(db);
  const signed: SignedInLog = { notes: new Map(), addenda: new Map() };
  const report = (firstBrokenSeq: number | null, problem: string | null): ChainReport => ({ entriesChecked: rows.length, firstBrokenSeq, problem, signed });
  let broken: { seq: number; what: string } | null = null;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    // Signatures are collected from every entry, also past a break: the records are checked regardless.
    collectSignature(signed, row);
    if (broken) continue;
    if (row.seq !== expectedSeq) {
      const gap = expectedSeq === 1 ? 'is the first entry left, so entries before it' : `follows entry ${expectedSeq - 1}, so entries in between`;
      broken = { seq: row.seq, what: `Entry ${row.seq} ${gap} are missing` };
      continue;
    }
    const fields = parseFieldsStrict(row.fields);
    if (fields === null) broken = { seq: row.seq, what: `Entry ${row.seq} cannot be read` };
    else if (row.prev_hash !== prevHash) broken = { seq: row.seq, what: `Entry ${row.seq} does not link to the entry before it` };
    else {
      const recomputed = entryHash({
        seq: row.seq,
        at: row.at,
        action: row.action,
        recordType: row.record_type,
        recordId: row.record_id,
        clientId: row.client_id,
        fields,
        prevHash: row.prev_hash,
        detail: row.detail,
      });
      if (recomputed !== row.hash) broken = { seq: row.seq, what: `Entry ${row.seq} does not match its recorded fingerprint` };
    }
    if (broken) continue;
    prevHash = row.hash;
    expectedSeq += 1;
  }
  if (broken) return report(broken.seq, `${broken.what}: the log was changed outside Alliance Notes.`);
  // AUTOINCREMENT keeps the highest seq ever issued in sqlite_sequence, and the anchor outside the
  // database records the length at the last lock or backup, so entries cut off the end of the log
  // (which leaves the rest of the chain intact) still show as missing, even with the counter lowered.
  const highestIssued = Math.max(await highestIssuedSeq(db), anchor?.length ?? 0);
  if (highestIssued >= expectedSeq) {
    return report(expectedSeq, `${describeMissingEnd(expectedSeq, highestIssued)}: the log was changed outside Alliance Notes.`);
  }
  if (anchor !== null && anchor.length > 0 && rows[anchor.length - 1]?.hash !== anchor.latestHash) {
    return report(anchor.length, `Entry ${anchor.length.toLocaleString('en')} is not the entry recorded when the vault was last locked or backed up: the log was rewritten outside Alliance Notes.`);
  }
  return report(null, null);
}

/** Notes the signature (and its recorded hash, when the entry has one) that a 'sign' or addendum entry records. */
function collectSignature(signed: SignedInLog, row: StoredActivity): void {
  const target = row.action === 'sign' && row.record_type === 'note' ? signed.notes : row.action === 'create' && row.record_type === 'addendum' ? signed.addenda : null;
  if (!target) return;
  const detail = parseDetail(row.detail);
  target.set(row.record_id, { clientId: row.client_id, hash: detail?.hash ?? null, sessionDate: detail?.sessionDate ?? null });
}

function verdictOf(chain: ChainReport, records: SignedRecordsReport): ActivityLogVerdict {
  const count = chain.entriesChecked;
  const chainSentence =
    chain.problem ??
    (count === 0
      ? 'The log is empty; there is nothing to verify yet.'
      : count === 1
        ? 'The 1 entry matches its chain.'
        : `All ${count.toLocaleString('en')} entries match their chain.`);
  const { notesChecked, addendaChecked, mismatches } = records;
  let recordsSentence = '';
  if (mismatches.length > 0) {
    const named = mismatches.slice(0, MISMATCHES_IN_MESSAGE).map(describeMismatch);
    const more = mismatches.length - named.length;
    recordsSentence = [...named, ...(more > 0 ? [`${more.toLocaleString('en')} more signed ${more === 1 ? 'record does' : 'records do'} not match.`] : [])].join(' ');
  } else if (notesChecked + addendaChecked > 0) {
    recordsSentence = `${signedRecordsPhrase(notesChecked, addendaChecked)} ${notesChecked + addendaChecked === 1 ? 'matches its signature' : 'match their signatures'}.`;
  }
  return {
    intact: chain.problem === null && mismatches.length === 0,
    entriesChecked: count,
    firstBrokenSeq: chain.firstBrokenSeq,
    message: recordsSentence === '' ? chainSentence : `${chainSentence} ${recordsSentence}`,
    logProblem: chain.problem,
    notesChecked,
    addendaChecked,
    mismatches: mismatches.slice(0, MAX_LISTED_MISMATCHES),
    mismatchCount: mismatches.length,
  };
}

/** The verdict's message names this many mismatches; the screen lists them all. */
const MISMATCHES_IN_MESSAGE = 3;

/** `All 312 signed notes and 4 addenda` / `The 1 signed note`. */
function signedRecordsPhrase(notes: number, addenda: number): string {
  const n = (value: number) => value.toLocaleString('en');
  const parts = [
    ...(notes > 0 ? [notes === 1 ? '1 signed note' : `${n(notes)} signed notes`] : []),
    ...(addenda > 0 ? [addenda === 1 ? '1 addendum' : `${n(addenda)} addenda`] : []),
  ];
  return `${notes + addenda === 1 ? 'The' : 'All'} ${parts.join(' and ')}`;
}
