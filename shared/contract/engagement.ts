import { z } from 'zod';
import { idSchema, isoDateSchema } from '../clients';
import {
  addAppointmentsInputSchema,
  addContactInputSchema,
  agendaItemSchema,
  appointmentSchema,
  attendanceRecordSchema,
  contactSchema,
  followUpPlanSchema,
  overdueClientSchema,
  recordMissedInputSchema,
  setFollowUpPlanInputSchema,
} from '../engagement';
import { method, noInput } from './method';

const ofClient = z.strictObject({ clientId: idSchema });
const byId = z.strictObject({ id: idSchema });

/** Follow-up: agreed frequency, appointments, missed sessions, contacts between sessions, who is overdue. */
export const engagementMethods = {
  getFollowUpPlan: method(ofClient, z.strictObject({ plan: followUpPlanSchema.nullable() })),
  setFollowUpPlan: method(setFollowUpPlanInputSchema, followUpPlanSchema),
  listAppointments: method(ofClient, z.strictObject({ appointments: z.array(appointmentSchema) })),
  /** One appointment, or a repeating series. */
  addAppointments: method(addAppointmentsInputSchema, z.strictObject({ appointments: z.array(appointmentSchema) })),
  /** Removes one appointment, or it and the later ones of its series that have not happened. */
  removeAppointment: method(z.strictObject({ id: idSchema, andLaterInSeries: z.boolean().default(false) }), z.strictObject({ removed: z.number().int() })),
  /** The practice's appointments in a range of days: the Dashboard's "Today and this week". */
  getAgenda: method(z.strictObject({ from: isoDateSchema, to: isoDateSchema }), z.strictObject({ items: z.array(agendaItemSchema) })),
  /** A no-show or late cancellation: an attendance record, with no note. */
  recordMissedSession: method(recordMissedInputSchema, attendanceRecordSchema),
  removeMissedSession: method(byId, z.strictObject({})),
  listMissedSessions: method(ofClient, z.strictObject({ records: z.array(attendanceRecordSchema) })),
  addContact: method(addContactInputSchema, contactSchema),
  removeContact: method(byId, z.strictObject({})),
  listContacts: method(ofClient, z.strictObject({ contacts: z.array(contactSchema) })),
  /** Active clients past their agreed frequency plus grace, longest overdue first. */
  listOverdueClients: method(noInput, z.strictObject({ clients: z.array(overdueClientSchema) })),
  /**
   * Saves the appointments from `from` to `to` as an .ics calendar file (not encrypted: the screen warns),
   * with client codes, or names when `withNames` is chosen.
   */
  exportAppointmentsCalendar: method(
    z.strictObject({ from: isoDateSchema, to: isoDateSchema, withNames: z.boolean().default(false) }),
    z.strictObject({ saved: z.boolean(), path: z.string().nullable(), count: z.number().int() }),
  ),
} as const;
