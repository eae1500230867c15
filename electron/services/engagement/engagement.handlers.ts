import type { engagementMethods } from '../../../shared/contract/engagement';
import type { HandlersOf } from '../ipc/dispatch';
import type { EngagementService } from './engagement.service';

/** Follow-up plans, appointments, missed sessions, contacts and who is overdue. Inputs arrive already validated. */
export function engagementHandlers({ engagement }: { engagement: EngagementService }): HandlersOf<typeof engagementMethods> {
  return {
    getFollowUpPlan: async ({ clientId }) => ({ plan: await engagement.plan(clientId) }),
    setFollowUpPlan: (input) => engagement.setPlan(input),
    listAppointments: async ({ clientId }) => ({ appointments: await engagement.appointments(clientId) }),
    addAppointments: async (input) => ({ appointments: await engagement.addAppointments(input) }),
    removeAppointment: (input) => engagement.removeAppointment(input),
    getAgenda: async (range) => ({ items: await engagement.agenda(range) }),
    recordMissedSession: (input) => engagement.recordMissed(input),
    removeMissedSession: async ({ id }) => {
      await engagement.removeMissed(id);
      return {};
    },
    listMissedSessions: async ({ clientId }) => ({ records: await engagement.missed(clientId) }),
    addContact: (input) => engagement.addContact(input),
    removeContact: async ({ id }) => {
      await engagement.removeContact(id);
      return {};
    },
    listContacts: async ({ clientId }) => ({ contacts: await engagement.contacts(clientId) }),
    listOverdueClients: async () => ({ clients: await engagement.overdue() }),
    exportAppointmentsCalendar: (input) => engagement.exportCalendar(input),
  };
}
