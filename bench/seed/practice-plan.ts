import { clientFieldProblems } from '../../shared/clients';
import { HISTORY_END } from './calendar';
import type { Ending } from './people';
import { planClient } from './plan-client';
import { planEngagement } from './plan-engagement';
import { planGoals } from './plan-goals';
import { planMedications } from './plan-medications';
import { planSessions } from './plan-sessions';
import type { PlannedClient, PracticePlan } from './plan-types';
import { Rng } from './prng';
import { allocateSessions, type ClientRole } from './schedule';

/*
 * The whole synthetic practice as plain data, decided before anything is written: clients with their
 * records, goals (with status history) and diagnoses; sessions with attendance, note template and
 * status, rupture and risk flags, goal-progress marks and measure results. Everything is a function
 * of the seed, and every timestamp is derived from a session or record date, so two plans from the
 * same seed are identical. The note text itself is written later, session by session (write-vault.ts).
 * The client, its goals and its sessions are planned in plan-client.ts, plan-goals.ts and plan-sessions.ts.
 */

export const SIGNER = { name: 'Dr. Mara Quillon', credentials: 'PsyD, Clinical Psychologist' };
const PRACTICE = { practiceName: 'Quillon Psychology (synthetic practice)', licenceNumber: 'PSY-000000', practiceContact: '12 Example Lane, Tamford ZZ1 1ZZ\n07700 900000\nreception@example.org' };
const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

const endingOf = (rng: Rng, role: ClientRole): Ending =>
  role !== 'ordinary' ? 'active' : rng.weighted([['active', 74], ['paused', 4], ['planned', 14], ['dropout', 8]] as const);

/** Clients are created a week or three before their intake; codes count up in that order. */
function assignCodes(root: Rng, clients: PlannedClient[]): PlannedClient[] {
  const rng = root.fork('codes');
  const ordered = [...clients].sort((a, b) => a.createdAt - b.createdAt || a.index - b.index);
  ordered.forEach((client, i) => {
    client.code = `${rng.pick([...CODE_LETTERS])}${rng.pick([...CODE_LETTERS])}-${String(i + 1).padStart(4, '0')}`;
    client.fields = { ...client.fields, code: client.code };
    if (client.statusChange) client.statusChange.before = { ...client.statusChange.before, code: client.code };
    const problems = clientFieldProblems(client.fields, HISTORY_END);
    if (Object.keys(problems).length > 0) throw new Error(`seed made an invalid client record: ${JSON.stringify(problems)}`);
  });
  return ordered;
}

/** The practice for `seed`, with `clientCount` clients and `sessionCount` sessions in all. */
export function planPractice(options: { seed: number; clients: number; sessions: number }): PracticePlan {
  const root = new Rng(`alliance-notes-practice/${options.seed}`);
  const roles: ClientRole[] = Array.from({ length: options.clients }, (_, i) => (i === 0 ? 'busy' : i === 1 ? 'pdf' : 'ordinary'));
  const endings = roles.map((role, i) => endingOf(root.fork('ending', i), role));
  const counts = allocateSessions(root.fork('counts'), options.sessions, endings.slice(2));
  const clients = roles.map((role, i) => {
    const count = role === 'busy' ? counts.busy : role === 'pdf' ? counts.pdf : counts.others[i - 2]!;
    const client = planClient(root, i, role, endings[i]!, count);
    planGoals(client);
    planSessions(client);
    planMedications(client);
    planEngagement(client);
    return client;
  });
  const sessions = clients.flatMap((client) => client.sessions).sort((a, b) => a.createdAt - b.createdAt || a.client.index - b.client.index || a.index - b.index);
  sessions.forEach((session, i) => {
    session.noteKey = i + 1;
  });
  return { seed: options.seed, clients: assignCodes(root, clients), sessions, signer: SIGNER, practice: PRACTICE };
}
