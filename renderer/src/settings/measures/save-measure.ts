import type { MethodInput } from '../../../../shared/contract';

export type SaveCustomMeasureInput = MethodInput<'saveCustomMeasure'>;
