import { useMemo, useRef } from 'react';
import { Fieldset, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import {
  adherenceReports,
  adherenceWords,
  medicationReviewItemSchema,
  missedDosesProblem,
  type AdherenceReport,
  type MedicationReviewItem,
} from '../../../../shared/medication-review';
import { reviewTextLabels } from '../../../../shared/medication-review-words';
import { regimenInWords, type Medication } from '../../../../shared/medications';
import { SideEffectChecklist } from './SideEffectChecklist';
import { WholeNumberField } from './WholeNumberField';

interface MedicationReviewItemFieldsProps {
  /** Undefined when the item names a medication no longer on the list. */
  medication: Medication | undefined;
  item: MedicationReviewItem;
  onChange: (item: MedicationReviewItem) => void;
  /** The service's messages for this item, keyed by field. */
  errors: Record<string, string>;
  onProblem: (problem: string | null) => void;
}

const NOT_ASKED = 'not_asked';
type TextField = keyof typeof reviewTextLabels;

/** One medication's review: adherence as the client reports it, side effects, how it works, and the shared decision. */
export function MedicationReviewItemFields({ medication, item, onChange, errors, onProblem }: MedicationReviewItemFieldsProps) {
  const name = medication?.name ?? 'A medication no longer on the list';
  const regimen = medication?.history.at(-1)?.regimen ?? null;
  const perDay = regimen?.dosesPerDay ?? null;
  const set = <K extends keyof MedicationReviewItem>(key: K, value: MedicationReviewItem[K]) => onChange({ ...item, [key]: value });
  // The checklist (fourteen controls) is drawn again only when its own answers change, not on every
  // keystroke in this item's text boxes.
  const latest = useRef({ item, onChange });
  latest.current = { item, onChange };
  const checklist = useMemo(
    () => <SideEffectChecklist medicationName={name} value={item.sideEffects} onChange={(value) => latest.current.onChange({ ...latest.current.item, sideEffects: value })} />,
    [name, item.sideEffects],
  );
  const text = (key: TextField, minRows = 1) => (
    <Textarea
      label={reviewTextLabels[key]}
      autosize
      minRows={minRows}
      maxLength={2000}
      dir="auto"
      value={item[key]}
      error={errors[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
    />
  );
  return (
    <Fieldset legend={name} radius="md" p="sm">
      <Stack gap="sm">
        {regimen && (
          <Text size="sm" c="dimmed">
            {regimenInWords(regimen)}
          </Text>
        )}
        {errors.medicationId && (
          <Text size="sm" c="red" role="alert">
            {errors.medicationId}
          </Text>
        )}
        <Radio.Group
          label="Adherence since the last visit, as the client tells it"
          value={item.adherence ?? NOT_ASKED}
          onChange={(next) => set('adherence', next === NOT_ASKED ? null : (next as AdherenceReport))}
          error={errors.adherence}
        >
          <Group gap="md" mt={6}>
            <Radio value={NOT_ASKED} label="Not asked" />
            {adherenceReports.map((report) => (
              <Radio key={report} value={report} label={adherenceWords[report]} />
            ))}
          </Group>
        </Radio.Group>
        <WholeNumberField
          label="Doses missed in the last 7 days"
          description={perDay === null ? 'Optional.' : `Optional; of ${7 * perDay} due (${perDay} a day).`}
          value={item.missedDoses}
          schema={medicationReviewItemSchema.shape.missedDoses}
          onChange={(value) => set('missedDoses', value)}
          onProblem={onProblem}
          error={errors.missedDoses ?? missedDosesProblem(item.missedDoses, perDay) ?? undefined}
          w={260}
        />
        {checklist}
        {text('sideEffectNotes', 2)}
        {text('working', 2)}
        <Text size="sm" fw={500}>
          Shared decision
        </Text>
        {text('options')}
        {text('preference')}
        {text('decision')}
      </Stack>
    </Fieldset>
  );
}
