import { Group, Radio, Stack, Textarea } from '@mantine/core';
import { riskLevels, type RiskLevel } from '../../../../shared/notes';
import { RISK_LABELS } from '../../../../shared/note-labels';
import { RISK_ACTION_NEEDED, riskActionMissing, type NoteExtras } from './note-extras';

interface RiskPanelProps {
  value: NoteExtras['risk'];
  onChange: (value: NoteExtras['risk']) => void;
  /** Set after a signing attempt the service refused for this reason. */
  actionError?: string | undefined;
}

const NOT_RECORDED = 'not_recorded';

/** Risk screening level and the action taken; a high level cannot be signed without an action. */
export function RiskPanel({ value, onChange, actionError }: RiskPanelProps) {
  const missing = riskActionMissing(value);
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Risk level (suicide or self-harm, harm to others)"
        value={value.level ?? NOT_RECORDED}
        onChange={(next) => onChange({ ...value, level: next === NOT_RECORDED ? null : (next as RiskLevel) })}
      >
        <Group gap="md" mt={6}>
          <Radio value={NOT_RECORDED} label="Not recorded" />
          {riskLevels.map((level) => (
            <Radio key={level} value={level} label={RISK_LABELS[level]} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea
        label="Action taken"
        autosize
        minRows={2}
        maxLength={2000}
        withAsterisk={value.level === 'high'}
        value={value.action}
        onChange={(event) => onChange({ ...value, action: event.currentTarget.value })}
        error={actionError ?? (missing ? RISK_ACTION_NEEDED : undefined)}
      />
    </Stack>
  );
}
