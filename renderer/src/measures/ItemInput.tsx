import { useState } from 'react';
import { Group, Input, NumberInput, Radio, Slider, Stack, Text } from '@mantine/core';
import type { MeasureItem } from '../../../shared/measures';

interface ItemInputProps {
  item: MeasureItem;
  /** The item's position, named when a licensed measure ships no wording. */
  number: number;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}

/** The answer a number box holds: blank is no answer; anything else is checked by the scoring rules. */
const answerOf = (typed: number | string): number | null => (typeof typed === 'number' ? typed : typed.trim() === '' ? null : Number(typed));

/** Short scales (PHQ-9's 0–3) are radio buttons; longer ones (0–10) a slider with a number box. */
const isShortScale = (item: MeasureItem) => item.step === 1 && item.max - item.min <= 6;

/** One item of a measure, fully keyboard operable, with its anchors in words. */
export function ItemInput({ item, number, value, onChange, error }: ItemInputProps) {
  const label = item.text || `Item ${number}`;
  // The number box shows the text as typed ("7." on the way to 7.5) while it still means the answer held.
  const [typed, setTyped] = useState<number | string>(value ?? '');
  const shown = Object.is(answerOf(typed), value) ? typed : (value ?? '');
  if (isShortScale(item)) {
    const options = Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i);
    return (
      <Radio.Group label={label} value={value === null ? '' : String(value)} onChange={(next) => onChange(Number(next))} error={error}>
        <Group gap="md" mt={6} wrap="wrap">
          {options.map((option) => (
            <Radio
              key={option}
              value={String(option)}
              label={option === item.min && item.anchors.min ? `${option} · ${item.anchors.min}` : option === item.max && item.anchors.max ? `${option} · ${item.anchors.max}` : String(option)}
            />
          ))}
        </Group>
      </Radio.Group>
    );
  }
  return (
    <Input.Wrapper label={label} error={error}>
      <Stack gap={4} mt={6}>
        <Group gap="md" wrap="nowrap" align="center">
          <Slider
            style={{ flex: 1 }}
            min={item.min}
            max={item.max}
            step={item.step}
            value={value ?? item.min}
            onChange={(next) => {
              setTyped(next);
              onChange(next);
            }}
            color={value === null ? 'gray' : undefined}
            thumbLabel={`${label}: slider`}
            marks={[
              { value: item.min, label: String(item.min) },
              { value: item.max, label: String(item.max) },
            ]}
          />
          <NumberInput
            w={90}
            aria-label={`${label}: score`}
            min={item.min}
            max={item.max}
            step={item.step}
            // No rounding, cutting or clamping: 7.5 on a whole-number item stays 7.5 and is explained.
            clampBehavior="none"
            value={shown}
            placeholder="–"
            onChange={(next) => {
              setTyped(next);
              onChange(answerOf(next));
            }}
          />
        </Group>
        <Group justify="space-between" mt={8}>
          <Text size="xs" c="dimmed">
            {item.anchors.min}
          </Text>
          {value === null && (
            <Text size="xs" c="dimmed">
              Not answered
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {item.anchors.max}
          </Text>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
