/**
 * Child process of draft-crash.test.ts: unlocks the vault and saves drafts of one note as fast as it can,
 * printing `saved <revision>` only after saveNoteDraft has resolved, until the parent kills it.
 * Run as: node --import tsx draft-crash-child.ts <vaultDir> <noteId> (the test runs it bundled).
 */
import { NotesService } from '../../../electron/services/notes/notes.service';
import { draftForRevision } from './draft-crash-content';
import { newVaultService, PASSPHRASE } from './temp-vault';

const [dir, noteId] = process.argv.slice(2);
if (!dir || !noteId) throw new Error('usage: draft-crash-child.ts <vaultDir> <noteId>');

const vault = newVaultService(dir);
await vault.unlock(PASSPHRASE);
const notes = new NotesService({ db: () => vault.database() });
let revision = (await notes.getNote(noteId)).revision;
process.stdout.write('ready\n');
for (;;) {
  const saved = await notes.saveDraft({ noteId, baseRevision: revision, content: draftForRevision(revision + 1), processNote: null });
  revision = saved.revision;
  process.stdout.write(`saved ${revision}\n`);
}
