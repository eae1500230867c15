import { Group, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { CUTOFF_OPTIONS, formatRange, METHOD_OPTIONS, optionValue } from './measure-labels';
import { liveRange } from './measure-validation';
import type { MeasureDraftState } from './useMeasureDraft';

/** How the total is made and read: method, blanks allowed, cutoff and reliable change, with the range live. */
export function ScoringFields({ state }: { state: MeasureDraftState }) {
  const { draft, errors, set } = state;
  const range = liveRange(draft);
  return (
    <Stack gap="sm">
      <div>
        <Title order={4}>Total</Title>
        {/* Polite live region: the range follows every change to an item's ends or the method. */}
        <Text size="sm" c="dimmed" aria-live="polite">
          {range ? `With these items the total runs from ${formatRange(range)}.` : 'The total’s range shows once every item has its lowest and highest answer.'}
        </Text>
      </div>
      <Group align="flex-start" gap="sm" grow>
        <Select
          label="Total scored as"
          data={METHOD_OPTIONS.map((option) => ({ ...option }))}
          value={draft.totalMethod}
          onChange={(value) => {
            const method = optionValue(METHOD_OPTIONS, value);
            if (method) set('totalMethod', method);
          }}
          allowDeselect={false}
          error={errors['total.method']}
        />
        <NumberInput
          label="Blank items allowed"
          description="With some blank, the total is prorated from the answered items."
          value={draft.maxMissing}
          onChange={(value) => set('maxMissing', value)}
          error={errors['total.maxMissing']}
          min={0}
          // Kept as typed (-1, 1.5) for the rule's own message rather than clamped or cut.
          clampBehavior="none"
        />
      </Group>
      <Group align="flex-start" gap="sm" grow>
        <Select
          label="Cutoff"
          data={CUTOFF_OPTIONS.map((option) => ({ ...option }))}
          value={draft.cutoff}
          onChange={(value) => {
            const cutoff = optionValue(CUTOFF_OPTIONS, value);
            if (cutoff) set('cutoff', cutoff);
          }}
          allowDeselect={false}
          error={errors['cutoff.concernWhen']}
        />
        <NumberInput
          label="Cutoff value"
          description="The lowest score of the upper side."
          value={draft.cutoff === 'none' ? '' : draft.cutoffValue}
          onChange={(value) => set('cutoffValue', value)}
          error={errors['cutoff.value']}
          disabled={draft.cutoff === 'none'}
        />
        <NumberInput
          label="Reliable change"
          description="Leave empty when not established."
          value={draft.reliableChange}
          onChange={(value) => set('reliableChange', value)}
          error={errors.reliableChange}
          min={0}
          clampBehavior="none"
        />
      </Group>
    </Stack>
  );
}
