import { addDays, format, parseISO } from 'date-fns';
import { MeasuresService } from '../../../electron/services/measures/measures.service';
import type { GoalProgressMark } from '../../../shared/notes';
import { progressSummaryOptionsSchema, summarySectionKeys, type ProgressSummaryOptions, type ProgressSummaryOptionsInput } from '../../../shared/progress-summary';
import { clientFields } from './client-vault';
import { allianceContent, doc, sessionFields, setPractitioner, type NotesVault } from './notes-vault';

/**
 * A synthetic client for progress-summary tests and the bench: weekly sessions with signed alliance
 * notes, three goals with progress marks, a diagnosis, Session Alliance Check and PHQ-9 results, a few
 * no-shows and late cancellations, process notes on some sessions and unsigned drafts at the end.
 * Each note section carries a marker word, so a test can tell which sections reached the PDF.
 */
export const MARKERS = {
  goals: 'GOALSMARKER',
  tasks: 'TASKSMARKER',
  bond: 'BONDMARKER',
  plan: 'PLANMARKER',
  process: 'PROCESSMARKER',
  diagnosis: 'DIAGNOSISMARKER',
  goalText: 'GOALTEXTMARKER',
} as const;

export interface SeededSummaryClient {
  clientId: string;
  code: string;
  firstDate: string;
  lastDate: string;
}

/** A summary of every part of the client's whole record, Plan and Goals excerpted, as the contract receives it. */
export function everyPartSummaryInput(
  client: Pick<SeededSummaryClient, 'clientId' | 'firstDate' | 'lastDate'>,
  overrides: Partial<ProgressSummaryOptionsInput> = {},
): ProgressSummaryOptionsInput {
  return {
    clientId: client.clientId,
    from: client.firstDate,
    to: client.lastDate,
    identity: 'full',
    sections: [...summarySectionKeys],
    excerptSections: ['plan', 'goals'],
    ...overrides,
  };
}

/** everyPartSummaryInput, validated as the main process validates it before the service sees it. */
export const everyPartSummary = (client: Pick<SeededSummaryClient, 'clientId' | 'firstDate' | 'lastDate'>, overrides: Partial<ProgressSummaryOptionsInput> = {}): ProgressSummaryOptions =>
  progressSummaryOptionsSchema.parse(everyPartSummaryInput(client, overrides));

const PROGRESS: GoalProgressMark[] = ['no_change', 'some_progress', 'some_progress', 'worse', 'achieved'];

export async function seedSummaryClient(
  nv: NotesVault,
  options: { legalName: string; preferredName?: string; sessions: number; firstDate?: string; draftsAtEnd?: number; mentionName?: string },
): Promise<SeededSummaryClient> {
  await setPractitioner(nv, 'Dr. Synthetic Example', 'PsyD');
  const measures = new MeasuresService({ db: nv.db });
  const firstDate = options.firstDate ?? '2025-09-01';
  const client = await nv.clients.create(
    clientFields({ legalName: options.legalName, preferredName: options.preferredName ?? '', intakeDate: firstDate, dateOfBirth: '1990-04-02', address: '1 Example Road' }),
  );
  await nv.plans.addDiagnosis({ clientId: client.id, code: 'F41.1', label: `Generalized anxiety disorder ${MARKERS.diagnosis}`, dateAdded: firstDate });
  let goals = client.goals;
  for (const text of ['Sleep through the night', 'Return to work part time', `Reconnect with friends ${MARKERS.goalText}`]) {
    goals = (await nv.plans.addGoal({ clientId: client.id, text, objective: '', targetDate: null, dateSet: firstDate })).goals;
  }
  const drafts = options.draftsAtEnd ?? 2;
  let date = firstDate;
  for (let i = 0; i < options.sessions; i += 1) {
    const attendance = i % 9 === 4 ? 'no_show' : i % 13 === 7 ? 'late_cancellation' : 'attended';
    const note = await nv.notes.createSession({ clientId: client.id, session: sessionFields({ date, attendance, type: i === 0 ? 'intake' : 'individual' }), templateId: 'alliance' });
    const mention = options.mentionName ? ` ${options.mentionName} said the week went better.` : '';
    const content = allianceContent(
      {
        goals: doc(`${MARKERS.goals} session ${i + 1}: agreed to keep the sleep goal.${mention}`),
        tasks: doc(`${MARKERS.tasks} practised paced breathing.`),
        bond: doc(`${MARKERS.bond} collaborative, some hesitation at the start.`),
        plan: doc(`${MARKERS.plan} continue weekly; review sleep diary.${mention}`),
      },
      {
        goalProgress: goals.map((goal, g) => ({ goalId: goal.id, progress: PROGRESS[(i + g) % PROGRESS.length]! })),
        rupture: { noted: i % 10 === 6, description: '' },
      },
    );
    const processNote = i % 5 === 0 ? doc(`${MARKERS.process} my own reaction to the session.`) : null;
    const saved = await nv.notes.saveDraft({ noteId: note.id, baseRevision: note.revision, content, processNote });
    // Measures are recorded while the note is a draft: a signed session takes only late entries.
    if (attendance === 'attended') {
      const wave = Math.round(2 * Math.sin(i / 3));
      await measures.recordMeasure({
        clientId: client.id,
        sessionId: note.session.id,
        measureId: 'sac-client',
        takenOn: date,
        responses: { goals: clamp(7 + wave), tasks: clamp(8 - (i % 3)), bond: clamp(i % 10 === 6 ? 5 : 9) },
      });
      if (i % 2 === 0) {
        const level = Math.max(0, 3 - Math.floor(i / 8));
        const responses = Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`item${k + 1}`, k === 8 ? 0 : Math.min(3, level + (k % 2))]));
        await measures.recordMeasure({ clientId: client.id, sessionId: note.session.id, measureId: 'phq-9', takenOn: date, responses });
      }
    }
    if (i < options.sessions - drafts) await nv.notes.sign({ noteId: note.id, baseRevision: saved.revision });
    date = format(addDays(parseISO(date), 7), 'yyyy-MM-dd');
  }
  const lastDate = format(addDays(parseISO(date), -7), 'yyyy-MM-dd');
  return { clientId: client.id, code: client.code, firstDate, lastDate };
}

const clamp = (value: number) => Math.max(0, Math.min(10, value));
