import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type {
  AddAppointmentsInput,
  AddContactInput,
  AgendaItem,
  Appointment,
  AttendanceRecord,
  Contact,
  FollowUpPlan,
  OverdueClient,
  RecordMissedInput,
  SetFollowUpPlanInput,
} from '../../../shared/engagement';
import { appointmentDates, appointmentProblems, contactProblems, daysOverdue, followUpPlanProblems, missedProblems } from '../../../shared/engagement-rules';
import { appendActivity } from '../activity/activity-log';
import { clientRowOrThrow } from '../clients/client-store';
import { reindexClient } from '../clients/search-index';
import { invalid, ServiceContext, type ServiceClock } from '../clients/service-context';
import { readSettings } from '../database/settings.repository';
import type { Dialogs } from '../dialogs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { writeProblem } from '../fs/write-problem';
import { appointmentsCalendar } from './appointments-calendar';
import { appointmentRow, appointmentsInRange, appointmentsInScope, deleteAppointments, insertAppointments, linkAppointmentAttendance } from './appointments.repository';
import { attendanceRecordRow, attendanceRecordsInScope, deleteAttendanceRecord, insertAttendanceRecord } from './attendance-records.repository';
import { contactRow, contactsInScope, deleteContact, insertContact } from './contacts.repository';
import { refreshEngagement } from './engagement-events';
import { planOfClient, plansOfActiveClients, savePlan } from './follow-up-plans.repository';

/**
 * Follow-up: the session frequency agreed with each client, appointments, missed sessions (recorded
 * without a note), contacts between sessions, who is overdue, and the engagement flag they feed.
 */
export class EngagementService {
  private readonly ctx: ServiceContext;

  constructor(private readonly options: ServiceClock & { dialogs: Dialogs; onSaved?: (file: string) => void }) {
    this.ctx = new ServiceContext(options);
  }

  async plan(clientId: string): Promise<FollowUpPlan | null> {
    await clientRowOrThrow(this.ctx.db(), clientId);
    return planOfClient(this.ctx.db(), clientId);
  }

  async setPlan(input: SetFollowUpPlanInput): Promise<FollowUpPlan> {
    await clientRowOrThrow(this.ctx.db(), input.clientId);
    const problems = followUpPlanProblems(input, this.ctx.today());
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const at = this.ctx.now();
    const plan: FollowUpPlan = { ...input, updatedAt: at.toISOString() };
    await this.ctx.transaction(async (trx) => {
      await savePlan(trx, plan);
      await refreshEngagement(trx, input.clientId, at);
      await appendActivity(trx, { action: 'update', recordType: 'follow_up', recordId: input.clientId, clientId: input.clientId, fields: ['frequency'], detail: { kind: input.frequency, date: input.agreedOn } }, at);
    });
    return plan;
  }

  async appointments(clientId: string): Promise<Appointment[]> {
    await clientRowOrThrow(this.ctx.db(), clientId);
    return appointmentsInScope(this.ctx.db(), clientId);
  }

  /** Books one appointment, or a repeating series sharing one series id. */
  async addAppointments(input: AddAppointmentsInput): Promise<Appointment[]> {
    const client = await clientRowOrThrow(this.ctx.db(), input.clientId);
    const problems = appointmentProblems(input, this.ctx.today(), client.date_of_birth);
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const at = this.ctx.now();
    const seriesId = input.repeat ? randomUUID() : null;
    const appointments: Appointment[] = appointmentDates(input).map((date) => ({
      id: randomUUID(),
      clientId: input.clientId,
      date,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes,
      place: input.place,
      seriesId,
      sessionId: null,
      attendanceId: null,
      createdAt: at.toISOString(),
    }));
    await this.ctx.transaction(async (trx) => {
      await insertAppointments(trx, appointments);
      for (const appointment of appointments) {
        await appendActivity(trx, { action: 'create', recordType: 'appointment', recordId: appointment.id, clientId: input.clientId, fields: [], detail: { date: appointment.date, kind: appointment.place } }, at);
      }
    });
    return appointments;
  }

  /** Removes an appointment, and with `andLaterInSeries` the later ones of its series not yet held or missed. */
  async removeAppointment(input: { id: string; andLaterInSeries: boolean }): Promise<{ removed: number }> {
    const appointment = await appointmentRow(this.ctx.db(), input.id);
    if (!appointment) throw new AppError('NOT_FOUND', 'That appointment was already removed.');
    const at = this.ctx.now();
    const removed = await this.ctx.transaction(async (trx) => {
      const count = await deleteAppointments(trx, appointment, input.andLaterInSeries);
      await appendActivity(trx, { action: 'delete', recordType: 'appointment', recordId: appointment.id, clientId: appointment.clientId, fields: [], detail: { date: appointment.date, count } }, at);
      return count;
    });
    return { removed };
  }

  /** The practice's appointments from `from` to `to`, for the Dashboard's "Today and this week". */
  agenda(range: { from: string; to: string }): Promise<AgendaItem[]> {
    if (range.to < range.from) throw invalid({ to: 'The end of the range cannot be before its start.' });
    return appointmentsInRange(this.ctx.db(), range);
  }

  /** A no-show or late cancellation: an attendance record, never a note, so nothing waits for a signature. */
  async recordMissed(input: RecordMissedInput): Promise<AttendanceRecord> {
    const client = await clientRowOrThrow(this.ctx.db(), input.clientId);
    const problems = missedProblems(input, this.ctx.today(), client.date_of_birth);
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const appointment = input.appointmentId ? await appointmentRow(this.ctx.db(), input.appointmentId) : null;
    if (input.appointmentId && (!appointment || appointment.clientId !== input.clientId)) throw new AppError('NOT_FOUND', 'That appointment was removed.');
    if (appointment && (appointment.sessionId || appointment.attendanceId)) throw new AppError('CONFLICT', 'That appointment already has a session or a missed-session record.');
    const at = this.ctx.now();
    const record: AttendanceRecord = { id: randomUUID(), clientId: input.clientId, date: input.date, startTime: input.startTime, kind: input.kind, remark: input.remark, createdAt: at.toISOString() };
    await this.ctx.transaction(async (trx) => {
      await insertAttendanceRecord(trx, record);
      if (appointment) await linkAppointmentAttendance(trx, appointment.id, record.id);
      // A remark is found by search, with the client's other records.
      if (record.remark !== '') await reindexClient(trx, input.clientId);
      await refreshEngagement(trx, input.clientId, at);
      await appendActivity(trx, { action: 'create', recordType: 'attendance', recordId: record.id, clientId: input.clientId, fields: [], detail: { date: record.date, kind: record.kind } }, at);
    });
    return record;
  }

  /** Removes a missed-session record entered in error. */
  async removeMissed(id: string): Promise<void> {
    const record = await attendanceRecordRow(this.ctx.db(), id);
    if (!record) throw new AppError('NOT_FOUND', 'That missed-session record was already removed.');
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      await deleteAttendanceRecord(trx, id);
      if (record.remark !== '') await reindexClient(trx, record.clientId);
      await refreshEngagement(trx, record.clientId, at);
      await appendActivity(trx, { action: 'delete', recordType: 'attendance', recordId: id, clientId: record.clientId, fields: [], detail: { date: record.date, kind: record.kind } }, at);
    });
  }

  async missed(clientId: string): Promise<AttendanceRecord[]> {
    await clientRowOrThrow(this.ctx.db(), clientId);
    return attendanceRecordsInScope(this.ctx.db(), clientId);
  }

  async addContact(input: AddContactInput): Promise<Contact> {
    const client = await clientRowOrThrow(this.ctx.db(), input.clientId);
    const problems = contactProblems(input, this.ctx.today(), client.date_of_birth);
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const at = this.ctx.now();
    const contact: Contact = { id: randomUUID(), ...input, createdAt: at.toISOString() };
    await this.ctx.transaction(async (trx) => {
      await insertContact(trx, contact);
      // A contact's note is found by search, with the client's other records.
      await reindexClient(trx, input.clientId);
      await appendActivity(trx, { action: 'create', recordType: 'contact', recordId: contact.id, clientId: input.clientId, fields: [], detail: { date: contact.date, kind: contact.kind } }, at);
    });
    return contact;
  }

  /** Removes a contact entered in error. */
  async removeContact(id: string): Promise<void> {
    const contact = await contactRow(this.ctx.db(), id);
    if (!contact) throw new AppError('NOT_FOUND', 'That contact was already removed.');
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      await deleteContact(trx, id);
      await reindexClient(trx, contact.clientId);
      await appendActivity(trx, { action: 'delete', recordType: 'contact', recordId: id, clientId: contact.clientId, fields: [], detail: { date: contact.date, kind: contact.kind } }, at);
    });
  }

  async contacts(clientId: string): Promise<Contact[]> {
    await clientRowOrThrow(this.ctx.db(), clientId);
    return contactsInScope(this.ctx.db(), clientId);
  }

  /** Active clients past their agreed frequency plus the grace in Settings, the longest overdue first. */
  async overdue(): Promise<OverdueClient[]> {
    const db = this.ctx.db();
    const { graceDays } = (await readSettings(db)).engagement;
    const today = this.ctx.today();
    const overdue: OverdueClient[] = [];
    for (const plan of await plansOfActiveClients(db)) {
      const late = daysOverdue(plan, plan.lastSeen, graceDays, today);
      if (late !== null) overdue.push({ clientId: plan.clientId, code: plan.code, frequency: plan.frequency, everyDays: plan.everyDays, lastSeen: plan.lastSeen, daysOverdue: late });
    }
    return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code));
  }

  /** Saves the appointments of a range as an .ics file where the practitioner chooses; not encrypted (the screen warns). */
  async exportCalendar(input: { from: string; to: string; withNames: boolean }): Promise<{ saved: boolean; path: string | null; count: number }> {
    const items = await this.agenda(input);
    const text = appointmentsCalendar(items, input.withNames);
    const chosen = await this.options.dialogs.chooseSavePath({
      title: 'Save appointments as a calendar file',
      suggestedName: `appointments-${input.from}-to-${input.to}.ics`,
      filters: [{ name: 'Calendar', extensions: ['ics'] }],
    });
    if (chosen === null) return { saved: false, path: null, count: items.length };
    const file = path.extname(chosen).toLowerCase() === '.ics' ? chosen : `${chosen}.ics`;
    try {
      await writeFileAtomic(file, Buffer.from(text, 'utf8'), 0o600);
    } catch (error) {
      throw new AppError('IO_ERROR', `The calendar file could not be saved there: ${writeProblem(error)} Nothing was written; choose another folder.`);
    }
    this.options.onSaved?.(file);
    await this.ctx.transaction((trx) =>
      appendActivity(trx, { action: 'export', recordType: 'appointment', recordId: 'calendar', clientId: null, fields: input.withNames ? ['names'] : ['codes'], detail: { count: items.length } }, this.ctx.now()),
    );
    return { saved: true, path: file, count: items.length };
  }
}
