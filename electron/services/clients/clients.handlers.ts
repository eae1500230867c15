import type { clientsMethods } from '../../../shared/contract/clients';
import type { HandlersOf } from '../ipc/dispatch';
import type { ClientsService } from './clients.service';
import type { TreatmentPlanService } from './treatment-plan.service';

/** Clients and their treatment plans. Inputs arrive already validated. */
export function clientsHandlers({ clients, plans }: { clients: ClientsService; plans: TreatmentPlanService }): HandlersOf<typeof clientsMethods> {
  return {
    listClients: (query) => clients.list(query),
    getClient: ({ id }) => clients.get(id),
    suggestClientCode: async () => ({ code: await clients.suggestCode() }),
    createClient: ({ fields }) => clients.create(fields),
    updateClient: ({ id, fields }) => clients.update(id, fields),
    setClientStatus: ({ id, status, dischargeDate, dischargeReason, dischargeKind }) =>
      clients.setStatus(id, status, dischargeDate, dischargeReason, dischargeKind),
    eraseClient: async ({ id, confirmName }) => {
      await clients.erase(id, confirmName);
      return { erased: true as const };
    },
    addDiagnosis: (input) => plans.addDiagnosis(input),
    removeDiagnosis: (input) => plans.removeDiagnosis(input),
    addGoal: (input) => plans.addGoal(input),
    updateGoal: (input) => plans.updateGoal(input),
    changeGoalStatus: (input) => plans.changeGoalStatus(input),
    deleteGoal: ({ goalId }) => plans.deleteGoal(goalId),
  };
}
