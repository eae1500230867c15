import type { CaseloadMeasure, ChangeClass } from '../../../shared/caseload';
import { CHANGE_LABELS } from '../../../shared/caseload-chart';
import type { ShownClients } from './ClientsModal';

/** What each list of a measure holds, said plainly under its title. */
const DESCRIPTIONS: Record<ChangeClass | 'clients', (measure: CaseloadMeasure) => string> = {
  clients: () => 'At least two scored results.',
  improved: (measure) => `Better by at least ${measure.reliableChange} points, first result against latest.`,
  recovered: (measure) => `Reliably improved, and moved out of the clinical range${measure.cutoff === null ? '' : ` across the cutoff of ${measure.cutoff}`}.`,
  unchanged: (measure) => `Changed by less than ${measure.reliableChange} points either way.`,
  deteriorated: (measure) => `Worse by at least ${measure.reliableChange} points, first result against latest.`,
};

/** The clients behind one of a measure's numbers, with what they have in common. */
export function changeShown(measure: CaseloadMeasure, which: ChangeClass | 'clients', periodWords: string): ShownClients {
  return {
    title: `${measure.name}: ${which === 'clients' ? 'measured' : CHANGE_LABELS[which].toLowerCase()}`,
    description: `${DESCRIPTIONS[which](measure)} Latest result ${periodWords}.`,
    clients: measure[which],
  };
}
