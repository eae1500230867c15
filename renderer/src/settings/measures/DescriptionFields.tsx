import { Group, Select, Textarea, TextInput } from '@mantine/core';
import { KIND_OPTIONS, optionValue, RATER_OPTIONS } from './measure-labels';
import type { MeasureDraftState } from './useMeasureDraft';

/** What the measure is called, who fills it in, what it tracks, and what the rater reads first. */
export function DescriptionFields({ state }: { state: MeasureDraftState }) {
  const { draft, errors, set } = state;
  return (
    <>
      <Group align="flex-start" gap="sm" grow>
        <TextInput label="Measure name" value={draft.name} onChange={(event) => set('name', event.currentTarget.value)} error={errors.name} maxLength={80} dir="auto" data-autofocus />
        <TextInput
          label="Short name"
          description="Shown on charts; at most 16 characters."
          value={draft.shortName}
          onChange={(event) => set('shortName', event.currentTarget.value)}
          error={errors.shortName}
          maxLength={16}
          dir="auto"
        />
      </Group>
      <Group align="flex-start" gap="sm" grow>
        <Select
          label="Rated by"
          data={RATER_OPTIONS.map((option) => ({ ...option }))}
          value={draft.rater}
          onChange={(value) => {
            const rater = optionValue(RATER_OPTIONS, value);
            if (rater) set('rater', rater);
          }}
          allowDeselect={false}
          error={errors.rater}
        />
        <Select
          label="Kind"
          description="Alliance measures feed the alliance charts; outcome measures the symptom charts."
          data={KIND_OPTIONS.map((option) => ({ ...option }))}
          value={draft.kind}
          onChange={(value) => {
            const kind = optionValue(KIND_OPTIONS, value);
            if (kind) set('kind', kind);
          }}
          allowDeselect={false}
          error={errors.kind}
        />
      </Group>
      <Textarea
        label="Instructions"
        description="Shown above the items: the question stem and what the points mean."
        value={draft.instructions}
        onChange={(event) => set('instructions', event.currentTarget.value)}
        error={errors.instructions}
        maxLength={1000}
        autosize
        minRows={2}
        dir="auto"
      />
    </>
  );
}
