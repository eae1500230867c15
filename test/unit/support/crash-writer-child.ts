/**
 * Child process of crash-safety.test.ts: unlocks an existing vault and makes a seeded-random mix of real
 * service writes (clients, session notes, alliance measures) until the parent SIGKILLs it.
 *
 * For every write it prints two JSON lines on stdout: `intent` just before the service call (when the
 * record's id is already known) and `done` only after the call has resolved. A `done` line is a write the
 * service confirmed, so it must survive the kill; an `intent` without its `done` may or may not have
 * committed. Each line carries the fields the write sets, so the parent can check them in the vault.
 * Run as: node --import tsx crash-writer-child.ts <vaultDir> <seed> (the test runs it bundled).
 */
import { prng } from './prng';
import { ClientsService } from '../../../electron/services/clients/clients.service';
import { MeasuresService } from '../../../electron/services/measures/measures.service';
import { NotesService } from '../../../electron/services/notes/notes.service';
import { clientFieldsSchema } from '../../../shared/clients';
import { clientFields, fieldsOf } from './client-vault';
import { allianceContent, doc, sessionFields } from './notes-vault';
import { newVaultService, PASSPHRASE } from './temp-vault';

/** What the parent can read back of a client: the fields our updates change. */
export interface ClientState {
  legalName: string;
  preferredName: string;
  privateRemarks: string;
}

/** What the parent can read back of a note; `goals` is the plain text of the Goals section. */
export interface NoteState {
  status: 'draft' | 'signed';
  revision: number;
  goals: string;
  durationMinutes: number | null;
  contentHash: string | null;
  addenda: number;
}

/** A stored alliance result; null once it has been deleted. */
export type MeasureState = { clientId: string; measureId: string; total: number | null; responses: Record<string, number | null> } | null;

/**
 * One stdout line. `state` holds only the fields this write sets; later writes to the same record
 * supersede them. `unknown` names fields an intent will change to values known only once it returns.
 */
export type WriteLine = { step: 'intent' | 'done'; unknown?: string[] } & (
  | { kind: 'client'; id: string; state: ClientState }
  | { kind: 'note'; id: string; state: Partial<NoteState> }
  | { kind: 'measure'; id: string; state: MeasureState }
);

interface KnownNote {
  clientId: string;
  sessionId: string;
  status: 'draft' | 'signed';
  revision: number;
  addenda: number;
}

const [dir, seedText] = process.argv.slice(2);
if (!dir || !seedText) throw new Error('usage: crash-writer-child.ts <vaultDir> <seed>');
const random = prng(Number(seedText));

const vault = newVaultService(dir);
await vault.unlock(PASSPHRASE);
const db = () => vault.database();
const clients = new ClientsService({ db });
const notes = new NotesService({ db });
const measures = new MeasuresService({ db });

// Earlier children left records behind (some of them created just before a kill, never confirmed);
// this child edits those as well as its own.
const clientIds = (await db().selectFrom('clients').select('id').execute()).map((row) => row.id);
const knownNotes = new Map<string, KnownNote>();
const addendaCounts = await db().selectFrom('note_addenda').select(['note_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('note_id').execute();
const addendaOf = new Map(addendaCounts.map((row) => [row.note_id, Number(row.n)]));
for (const row of await db().selectFrom('notes').select(['id', 'client_id', 'session_id', 'status', 'revision']).execute()) {
  const status = row.status === 'signed' ? 'signed' : 'draft';
  knownNotes.set(row.id, { clientId: row.client_id, sessionId: row.session_id, status, revision: row.revision, addenda: addendaOf.get(row.id) ?? 0 });
}
// Each result with the note of its session: once that note is signed the result stays (strike-outs are
// not part of this workload), and its session takes no new results.
const noteOfSession = new Map([...knownNotes].map(([noteId, note]) => [note.sessionId, noteId]));
const measures_ = (await db().selectFrom('measure_results').select(['id', 'session_id']).execute()).map((row) => ({
  id: row.id,
  noteId: row.session_id === null ? null : (noteOfSession.get(row.session_id) ?? null),
}));
const removable = (entry: { noteId: string | null }) => entry.noteId === null || knownNotes.get(entry.noteId)?.status !== 'signed';

const WORDS = ['breathing', 'sleep', 'walking', 'journal', 'boundaries', 'pacing', 'routine', 'values', 'grounding', 'planning', 'rest', 'contact'];
const word = () => pick(WORDS);

function emit(line: WriteLine): void {
  // Synchronous on Linux pipes: once this returns, the parent can read the line even if we die next.
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function createClient(): Promise<void> {
  const legalName = `Sample Client ${Math.floor(random() * 1e6)}`;
  const created = await clients.create(clientFields({ legalName, preferredName: word(), privateRemarks: `Prefers ${word()}` }));
  clientIds.push(created.id);
  emit({ step: 'done', kind: 'client', id: created.id, state: clientStateOf(created) });
}

async function updateClient(): Promise<void> {
  const id = pick(clientIds);
  const current = await clients.get(id);
  const fields = clientFieldsSchema.parse({ ...fieldsOf(current), preferredName: word(), privateRemarks: `Working on ${word()} and ${word()}` });
  emit({ step: 'intent', kind: 'client', id, state: clientStateOf(fields) });
  const updated = await clients.update(id, fields);
  emit({ step: 'done', kind: 'client', id, state: clientStateOf(updated) });
}

async function createSession(): Promise<void> {
  const clientId = pick(clientIds);
  const session = sessionFields({ date: `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`, durationMinutes: 30 + Math.floor(random() * 60) });
  const note = await notes.createSession({ clientId, session, templateId: 'alliance' });
  knownNotes.set(note.id, { clientId, sessionId: note.session.id, status: 'draft', revision: note.revision, addenda: 0 });
  emit({
    step: 'done',
    kind: 'note',
    id: note.id,
    state: { status: 'draft', revision: note.revision, goals: '', durationMinutes: session.durationMinutes, contentHash: null, addenda: 0 },
  });
}

async function saveDraft(): Promise<void> {
  const [id, note] = pickNote('draft');
  const goals = `Revision ${note.revision + 1}: practise ${word()} and ${word()} before next session.`;
  emit({ step: 'intent', kind: 'note', id, state: { revision: note.revision + 1, goals } });
  const content = allianceContent({ goals: doc(goals), bond: doc(`Settled quickly; talked about ${word()}.`) });
  const saved = await notes.saveDraft({ noteId: id, baseRevision: note.revision, content, processNote: null });
  note.revision = saved.revision;
  emit({ step: 'done', kind: 'note', id, state: { revision: saved.revision, goals } });
}

async function updateSession(): Promise<void> {
  const [id, note] = pickNote('draft');
  const current = await notes.getNote(id);
  const durationMinutes = 30 + Math.floor(random() * 60);
  emit({ step: 'intent', kind: 'note', id, state: { durationMinutes } });
  const { id: _sessionId, clientId: _clientId, ...session } = current.session;
  const updated = await notes.updateSession({ noteId: id, session: { ...session, durationMinutes } });
  note.revision = updated.revision;
  emit({ step: 'done', kind: 'note', id, state: { durationMinutes: updated.session.durationMinutes } });
}

async function sign(): Promise<void> {
  const [id, note] = pickNote('draft');
  emit({ step: 'intent', kind: 'note', id, state: { status: 'signed' }, unknown: ['contentHash'] });
  const signed = await notes.sign({ noteId: id, baseRevision: note.revision });
  note.status = 'signed';
  emit({ step: 'done', kind: 'note', id, state: { status: 'signed', contentHash: signed.contentHash } });
}

async function addAddendum(): Promise<void> {
  const [id, note] = pickNote('signed');
  emit({ step: 'intent', kind: 'note', id, state: { addenda: note.addenda + 1 } });
  const updated = await notes.addAddendum({ noteId: id, text: doc(`Correction: homework was ${word()}, not ${word()}.`) });
  note.addenda = updated.addenda.length;
  emit({ step: 'done', kind: 'note', id, state: { addenda: updated.addenda.length } });
}

async function recordAllianceCheck(): Promise<void> {
  const withSession = hasNote('draft') && random() < 0.7;
  const [noteId, note] = withSession ? pickNote('draft') : [null, null];
  const clientId = note?.clientId ?? pick(clientIds);
  const score = () => Math.floor(random() * 11);
  const responses = { goals: score(), tasks: score(), bond: score() };
  const result = await measures.recordMeasure({ clientId, sessionId: note?.sessionId ?? null, measureId: 'sac-client', takenOn: '2026-05-04', responses });
  measures_.push({ id: result.id, noteId });
  emit({ step: 'done', kind: 'measure', id: result.id, state: { clientId, measureId: result.measureId, total: result.total, responses: result.responses } });
}

async function deleteMeasure(): Promise<void> {
  const candidates = measures_.filter(removable);
  const chosen = candidates[Math.floor(random() * candidates.length)];
  if (!chosen) return;
  measures_.splice(measures_.indexOf(chosen), 1);
  const { id } = chosen;
  emit({ step: 'intent', kind: 'measure', id, state: null });
  await measures.deleteMeasureResult(id);
  emit({ step: 'done', kind: 'measure', id, state: null });
}

/** Weighted like a working day: mostly autosaves, some new records, occasional signing and deletions. */
const WRITES: { weight: number; ready: () => boolean; run: () => Promise<void> }[] = [
  { weight: 34, ready: () => hasNote('draft'), run: saveDraft },
  { weight: 8, ready: () => true, run: createClient },
  { weight: 12, ready: () => clientIds.length > 0, run: updateClient },
  { weight: 10, ready: () => clientIds.length > 0, run: createSession },
  { weight: 5, ready: () => hasNote('draft'), run: updateSession },
  { weight: 6, ready: () => hasNote('draft'), run: sign },
  { weight: 4, ready: () => hasNote('signed'), run: addAddendum },
  { weight: 16, ready: () => clientIds.length > 0, run: recordAllianceCheck },
  { weight: 3, ready: () => measures_.some(removable), run: deleteMeasure },
];
const totalWeight = WRITES.reduce((sum, write) => sum + write.weight, 0);

for (;;) {
  let roll = random() * totalWeight;
  const chosen = WRITES.find((write) => (roll -= write.weight) < 0) ?? WRITES[0]!;
  await (chosen.ready() ? chosen.run() : createClient());
}

function clientStateOf(fields: ClientState): ClientState {
  return { legalName: fields.legalName, preferredName: fields.preferredName, privateRemarks: fields.privateRemarks };
}

function hasNote(status: KnownNote['status']): boolean {
  for (const note of knownNotes.values()) if (note.status === status) return true;
  return false;
}

function pickNote(status: KnownNote['status']): [string, KnownNote] {
  return pick([...knownNotes].filter(([, note]) => note.status === status));
}

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

