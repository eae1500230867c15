import { Button, Group } from '@mantine/core';
import { DateField } from '../components/DateField';
import { PERIOD_PRESETS, presetPeriod, type PeriodDraft } from './period';

/** The period looked at: two dates, or one click for the usual ones (each ending today). */
export function PeriodPicker({ draft, problems, today, onChange }: { draft: PeriodDraft; problems: { from?: string; to?: string }; today: string; onChange: (draft: PeriodDraft) => void }) {
  return (
    <Group align="flex-start" gap="md" wrap="wrap" role="group" aria-label="Period">
      <DateField label="From" value={draft.from} error={problems.from} onChange={(from) => onChange({ ...draft, from })} onClearError={() => undefined} w={170} />
      <DateField label="To" value={draft.to} error={problems.to} onChange={(to) => onChange({ ...draft, to })} onClearError={() => undefined} w={170} />
      <Group gap="xs" mt={25} role="group" aria-label="Quick periods">
        {PERIOD_PRESETS.map((preset) => {
          const period = presetPeriod(preset.key, today);
          const current = period.from === draft.from && period.to === draft.to;
          return (
            <Button key={preset.key} size="sm" variant={current ? 'filled' : 'default'} aria-pressed={current} onClick={() => onChange(period)}>
              {preset.label}
            </Button>
          );
        })}
      </Group>
    </Group>
  );
}
