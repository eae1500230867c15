import type { measuresMethods } from '../../../shared/contract/measures';
import type { HandlersOf } from '../ipc/dispatch';
import type { MeasuresService } from './measures.service';

/** Measures, results, alerts and the practice overview. Inputs arrive already validated. */
export function measuresHandlers({ measures }: { measures: MeasuresService }): HandlersOf<typeof measuresMethods> {
  return {
    listMeasures: async () => ({ measures: await measures.listMeasures() }),
    saveCustomMeasure: (input) => measures.saveCustomMeasure(input),
    getMeasureItemNames: async () => ({ names: await measures.itemNames() }),
    saveMeasureItemNames: async (input) => ({ names: await measures.saveItemNames(input) }),
    recordMeasure: (input) => measures.recordMeasure(input),
    deleteMeasureResult: async ({ id }) => {
      await measures.deleteMeasureResult(id);
      return {};
    },
    recordLateEntry: (input) => measures.recordLateEntry(input),
    strikeOutMeasureResult: async (input) => {
      await measures.strikeOutResult(input);
      return {};
    },
    listMeasureResults: ({ clientId }) => measures.listResults(clientId),
    listClientAlerts: async ({ clientId }) => ({ alerts: await measures.listAlerts(clientId) }),
    acknowledgeAlert: (input) => measures.acknowledgeAlert(input),
    getPracticeOverview: async () => ({ clients: await measures.practiceOverview() }),
  };
}
