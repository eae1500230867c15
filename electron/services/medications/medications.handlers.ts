import type { medicationsMethods } from '../../../shared/contract/medications';
import type { HandlersOf } from '../ipc/dispatch';
import type { MedicationsService } from './medications.service';

/** The medication list and allergies. Inputs arrive already validated. */
export function medicationsHandlers({ medications }: { medications: MedicationsService }): HandlersOf<typeof medicationsMethods> {
  return {
    listMedications: ({ clientId }) => medications.list(clientId),
    listMedicationNames: async () => ({ names: await medications.names() }),
    startMedication: (input) => medications.start(input),
    changeMedication: (input) => medications.change(input),
    addAllergy: (input) => medications.addAllergy(input),
    removeAllergy: (input) => medications.removeAllergy(input),
    getMedicationSeries: ({ clientId }) => medications.series(clientId),
  };
}
