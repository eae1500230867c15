import { useState } from 'react';
import { Button, Group, Input, NumberInput, Radio, Slider, Stack, Text } from '@mantine/core';
import type { MeasureItem } from '../../../shared/measures';
import classes from './ItemInput.module.css';

interface ItemInputProps {
  item: MeasureItem;
  /** What the item is called on screen: its wording, the practitioner's name for it, or "Item n". */
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}

/** The answer a number box holds: blank is no answer; anything else is checked by the scoring rules. */
const answerOf = (typed: number | string): number | null => (typeof typed === 'number' ? typed : typed.trim() === '' ? null : Number(typed));

/** Short scales (PHQ-9's 0–3) are radio buttons; longer ones (0–10) a slider with a number box. */
const isShortScale = (item: MeasureItem) => item.step === 1 && item.max - item.min <= 6;

/** "1 · Several days" where the item words each answer, else the anchors at the two ends. */
function optionLabel(item: MeasureItem, option: number): string {
  const worded = item.labels?.[option - item.min];
  if (worded) return `${option} · ${worded}`;
  if (option === item.min && item.anchors.min) return `${option} · ${item.anchors.min}`;
  if (option === item.max && item.anchors.max) return `${option} · ${item.anchors.max}`;
  return String(option);
}

/** One item of a measure, fully keyboard operable, with its anchors in words; an answer can be cleared. */
export function ItemInput({ item, label, value, onChange, error }: ItemInputProps) {
  // The number box shows the text as typed ("7." on the way to 7.5) while it still means the answer held.
  const [typed, setTyped] = useState<number | string>(value ?? '');
  const shown = Object.is(answerOf(typed), value) ? typed : (value ?? '');
  const description = item.scored === false ? 'Recorded with the result; not part of the score.' : undefined;
  const clear =
    value === null ? null : (
      <Button
        variant="subtle"
        size="compact-xs"
        aria-label={`Clear the answer to ${label}`}
        onClick={() => {
          setTyped('');
          onChange(null);
        }}
      >
        Clear
      </Button>
    );
  if (isShortScale(item)) {
    const options = Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i);
    return (
      <Radio.Group label={label} description={description} value={value === null ? '' : String(value)} onChange={(next) => onChange(Number(next))} error={error}>
        <Group gap="md" mt={6} wrap="wrap">
          {options.map((option) => (
            <Radio key={option} value={String(option)} label={optionLabel(item, option)} />
          ))}
          {clear}
        </Group>
      </Radio.Group>
    );
  }
  const unanswered = value === null;
  return (
    <Input.Wrapper label={label} description={description} error={error}>
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
            classNames={unanswered ? { thumb: classes.unansweredThumb, bar: classes.unansweredBar } : undefined}
            thumbLabel={`${label}: slider`}
            // Read out as "Not answered" rather than as the lowest value the thumb rests on.
            thumbValueText={unanswered ? 'Not answered' : undefined}
            data-answered={unanswered ? 'false' : 'true'}
            label={unanswered ? null : undefined}
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
          {clear}
        </Group>
        <Group justify="space-between" mt={8}>
          <Text size="xs" c="dimmed">
            {item.anchors.min}
          </Text>
          {unanswered && (
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
