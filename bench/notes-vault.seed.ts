import { randomUUID } from 'node:crypto';
import type { EngagementService } from '../electron/services/engagement/engagement.service';
import { clientFieldsSchema } from '../shared/clients';
import { BUILT_IN_TEMPLATES } from '../shared/note-templates';
import { emptyNoteContent, type NoteContent } from '../shared/notes';
import type { RichTextNode } from '../shared/rich-text';
import { ClientsService } from '../electron/services/clients/clients.service';
import { TreatmentPlanService } from '../electron/services/clients/treatment-plan.service';
import { NotesService } from '../electron/services/notes/notes.service';
import { noteSearchParts, writeNoteIndex } from '../electron/services/notes/note-index';
import { VaultService } from '../electron/services/vault/vault.service';
import { MeasuresService } from '../electron/services/measures/measures.service';
import { builtInMeasure, scoreMeasure, type MeasureDefinition } from '../shared/measures';
import { practiceSession } from './practice-session';

export const NOTES_SEED = { clients: 300, notes: 20_000, busyClientSessions: 150 } as const;

// Everyday clinical words (so one- and two-word queries match hundreds to thousands of notes) and a
// long tail of rarer words (so the index has a realistic vocabulary).
const COMMON = ['anxiety', 'sleep', 'work', 'mother', 'panic', 'walk', 'breathing', 'homework', 'stress', 'partner', 'school', 'grief', 'anger', 'diary', 'exposure', 'avoidance', 'rupture', 'trust', 'goals', 'plan'];
const RARE = Array.from({ length: 3_000 }, (_, i) => `w${(i * 2_654_435_761) % 1_000_003}x${i % 17}`);

const template = BUILT_IN_TEMPLATES[0]!;
export const benchPara = (text: string): RichTextNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const para = benchPara;

/** A deterministic generator of sentences of common and rare words, one stream per `n`. */
function sentences(n: number): (words: number) => string {
  let seed = n * 7_919 + 13;
  // The high bits of this LCG: its low bits repeat with a short period.
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) >>> 12;
  return (words: number) =>
    Array.from({ length: words }, () => (next() % 4 === 0 ? COMMON[next() % COMMON.length] : RARE[next() % RARE.length])).join(' ');
}

/** What about a second of typing adds to a section: two words. */
export const benchTypedWords = (n: number): string => sentences(500_000 + n)(2);

/** A deterministic note of about 2 KB of text (plus JSON framing) across the alliance template's sections. */
export function benchNoteContent(n: number): NoteContent {
  const sentence = sentences(n);
  const content = emptyNoteContent(template.sections.map((s) => s.key));
  for (const section of template.sections) content.sections[section.key] = para(`${sentence(45)}.`);
  content.rupture = { noted: n % 9 === 0, description: n % 9 === 0 ? sentence(6) : '' };
  content.risk = { level: n % 11 === 0 ? 'low' : 'none', action: '' };
  return content;
}

export interface SeededNotesVault {
  notes: NotesService;
  measures: MeasuresService;
  engagement: EngagementService;
  busyClientId: string;
  draftNoteId: string;
  dispose(): void;
}

let seeded: Promise<SeededNotesVault> | null = null;

const sac = builtInMeasure('sac-client')!;
const phq9 = builtInMeasure('phq-9')!;

/** A deterministic, scored result of `measure` for session `n`, as the service would store it. */
function benchResult(measure: MeasureDefinition, n: number, clientId: string, sessionId: string, date: string, at: string) {
  const responses = Object.fromEntries(measure.items.map((item, i) => [item.key, item.min + ((n * 7 + i * 3) % (item.max - item.min + 1))]));
  const score = scoreMeasure(measure, responses);
  return {
    id: randomUUID(), client_id: clientId, session_id: sessionId, measure_id: measure.id, measure_version: measure.version, taken_on: date,
    responses: JSON.stringify(responses), total: score.total, subscales: JSON.stringify(score.subscales), flags: JSON.stringify(score.flags), created_at: at,
  };
}

/**
 * 300 clients with goals, and 20,000 notes of about 2 KB (one client has 150 sessions, the rest share
 * the remainder). Notes are written in one transaction with the same index helper the service uses,
 * because 20,000 service calls at one fsync each would take minutes.
 * Returns the client ids; the first is the busy one.
 */
export async function fillNotesVault(vault: VaultService): Promise<string[]> {
  const db = () => vault.database();
  const clients = new ClientsService({ db });
  const plans = new TreatmentPlanService({ db });
  const ids: string[] = [];
  for (let i = 0; i < NOTES_SEED.clients; i++) {
    const client = await clients.create(
      clientFieldsSchema.parse({
        legalName: `Bench Client ${i}`, preferredName: '', pronouns: '', dateOfBirth: null, code: '', phone: '', email: '', address: '',
        emergencyContact: { name: '', relation: '', phone: '' }, intakeDate: null, referralSource: '', status: 'active',
        dischargeDate: null, dischargeReason: '', presentingConcerns: null, tags: [], privateRemarks: '', reviewDate: null,
      }),
    );
    ids.push(client.id);
    await plans.addGoal({ clientId: client.id, text: `Goal of client ${i}`, objective: '', dateSet: '2019-01-01', targetDate: null });
  }
  const templateJson = JSON.stringify(template);
  const base = Date.UTC(2019, 0, 1);
  await db().transaction().execute(async (trx) => {
    for (let n = 0; n < NOTES_SEED.notes; n++) {
      const clientId = n < NOTES_SEED.busyClientSessions ? ids[0]! : ids[1 + (n % (ids.length - 1))]!;
      const sessionId = randomUUID();
      const noteId = randomUUID();
      const date = new Date(base + ((n * 37) % 2_700) * 86_400_000).toISOString().slice(0, 10);
      const at = new Date().toISOString();
      const content = benchNoteContent(n);
      await trx.insertInto('sessions').values({ id: sessionId, client_id: clientId, session_date: date, created_at: at, start_time: '10:00', duration_minutes: 50 }).execute();
      const signed = n % 10 !== 0;
      await trx
        .insertInto('notes')
        .values({
          id: noteId, session_id: sessionId, client_id: clientId, template_id: template.id, template_version: template.version,
          template_json: templateJson, status: signed ? 'signed' : 'draft', content: JSON.stringify(content), process_note: null,
          revision: 3, saved_at: at, signed_at: signed ? at : null, signer_name: signed ? 'Bench' : null,
          signer_credentials: signed ? '' : null, content_hash: signed ? 'f'.repeat(64) : null, search_rowid: n + 1, created_at: at,
        })
        .execute();
      await writeNoteIndex(trx, { noteKey: n + 1, noteId, clientId, parts: noteSearchParts(template, content, [], signed ? 'signed' : 'draft') });
      // Alliance scores on four sessions in five, PHQ-9 on every fourth: the practice overview and charts read these.
      if (n % 5 !== 4) await trx.insertInto('measure_results').values(benchResult(sac, n, clientId, sessionId, date, at)).execute();
      if (n % 4 === 0) await trx.insertInto('measure_results').values(benchResult(phq9, n, clientId, sessionId, date, at)).execute();
    }
  });
  return ids;
}

/** The note and measure rows share the seeded practice (bench/practice-session.ts). */
export function seededNotesVault(): Promise<SeededNotesVault> {
  seeded ??= practiceSession().then(({ notes, measures, engagement, manifest }) => ({
    notes,
    measures,
    engagement,
    busyClientId: manifest.landmarks.busyClient.id,
    draftNoteId: manifest.landmarks.draftNoteId,
    // The practice copy is shared by every database row and removed when the bench exits.
    dispose: () => undefined,
  }));
  return seeded;
}
