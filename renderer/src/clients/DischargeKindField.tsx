import { Group, Radio } from '@mantine/core';
import type { DischargeKind } from '../../../shared/clients';

const NOT_RECORDED = 'not_recorded';
const OPTIONS: { value: DischargeKind | typeof NOT_RECORDED; label: string }[] = [
  { value: 'planned', label: 'Planned ending' },
  { value: 'unplanned', label: 'Unplanned (stopped attending)' },
  { value: NOT_RECORDED, label: 'Not recorded' },
];

interface DischargeKindFieldProps {
  /** '' when not recorded. */
  value: DischargeKind | '';
  onChange: (value: DischargeKind | '') => void;
  mt?: string;
}

/**
 * "How did therapy end?": an unplanned ending is a drop-out in the caseload outcomes, so it is asked
 * beside the discharge date; "Not recorded" stays a real choice for endings nobody can tell.
 */
export function DischargeKindField({ value, onChange, mt }: DischargeKindFieldProps) {
  return (
    <Radio.Group label="How did therapy end?" mt={mt} value={value === '' ? NOT_RECORDED : value} onChange={(next) => onChange(next === 'planned' || next === 'unplanned' ? next : '')}>
      <Group gap="lg" mt={6}>
        {OPTIONS.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} />
        ))}
      </Group>
    </Radio.Group>
  );
}
