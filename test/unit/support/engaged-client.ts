import type { Dialogs } from '../../../electron/services/dialogs';
import { EngagementService } from '../../../electron/services/engagement/engagement.service';
import { clientFields, testNow } from './client-vault';
import { allianceContent, doc, sessionFields, setPractitioner, type NotesVault } from './notes-vault';

/**
 * A synthetic client with every engagement record, for the tests of what those records take part in
 * (export, backup, erasure, search, the PDF): a fortnightly plan; a signed note of an attended session on
 * 4 May with a repair worked on, then a no-show session on 18 May; an appointment on 1 June recorded as a
 * no-show with a remark; a late cancellation on 8 June; a phone call to the client (with a note) and a
 * letter to the GP; and a repeating video booking from 22 June. Each text the practitioner typed carries
 * the caller's marker, an invented word, so a test can follow it into every file.
 */
export interface EngagedClient {
  clientId: string;
  code: string;
  noteId: string;
  missedAppointmentId: string;
  noShowId: string;
  lateCancellationId: string;
  phoneCallId: string;
  letterId: string;
  /** What the marker was written into. */
  remark: string;
  contactNote: string;
  professional: string;
}

export const noDialogs: Dialogs = {
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  chooseOpenPath: async () => null,
  showInFolder: async () => undefined,
};

export const engagementServiceOf = (nv: Pick<NotesVault, 'db'>, now: () => Date = testNow): EngagementService => new EngagementService({ db: nv.db, now, dialogs: noDialogs });

export async function seedEngagedClient(nv: NotesVault, options: { legalName: string; code: string; marker: string }): Promise<EngagedClient> {
  await setPractitioner(nv, 'Dr. Synthetic Example', 'PsyD');
  const engagement = engagementServiceOf(nv);
  const { id: clientId } = await nv.clients.create(clientFields({ legalName: options.legalName, code: options.code, intakeDate: '2026-03-01' }));
  await engagement.setPlan({ clientId, frequency: 'fortnightly', everyDays: null, agreedOn: '2026-03-01' });

  const attended = await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-05-04' }), templateId: 'alliance' });
  await nv.notes.saveDraft({
    noteId: attended.id,
    baseRevision: 0,
    content: allianceContent({ bond: doc('We talked about last time openly.') }, { rupture: { noted: false, description: '', repaired: true } }),
    processNote: null,
  });
  await nv.notes.sign({ noteId: attended.id, baseRevision: 1 });
  // A no-show recorded the older way, as a session: it is not "seeing" the client.
  await nv.notes.createSession({ clientId, session: sessionFields({ date: '2026-05-18', attendance: 'no_show' }), templateId: 'alliance' });

  const [missedAppointment] = await engagement.addAppointments({ clientId, date: '2026-06-01', startTime: '10:00', durationMinutes: 50, place: 'in_person', repeat: null });
  await engagement.addAppointments({ clientId, date: '2026-06-22', startTime: '14:30', durationMinutes: 45, place: 'video', repeat: { every: 'weekly', count: 2 } });
  const remark = `Phoned twice, ${options.marker} voicemail left`;
  const noShow = await engagement.recordMissed({ clientId, date: '2026-06-01', startTime: '10:00', kind: 'no_show', remark, appointmentId: missedAppointment!.id });
  const lateCancellation = await engagement.recordMissed({ clientId, date: '2026-06-08', startTime: null, kind: 'late_cancellation', remark: '', appointmentId: null });
  const contactNote = `Checked in after the missed session; ${options.marker} agreed to come next week.`;
  const phoneCall = await engagement.addContact({ clientId, date: '2026-06-02', startTime: '09:15', kind: 'phone', direction: 'to_client', professional: '', note: contactNote });
  const professional = 'Dr Hollowbeck, GP';
  const letter = await engagement.addContact({ clientId, date: '2026-06-03', startTime: null, kind: 'letter', direction: 'with_professional', professional, note: 'Letter about the plan.' });
  return {
    clientId,
    code: options.code,
    noteId: attended.id,
    missedAppointmentId: missedAppointment!.id,
    noShowId: noShow.id,
    lateCancellationId: lateCancellation.id,
    phoneCallId: phoneCall.id,
    letterId: letter.id,
    remark,
    contactNote,
    professional,
  };
}
