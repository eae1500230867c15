import { List } from '@mantine/core';
import { itemLabel } from '../../../shared/measure-item-names';
import type { MeasureDefinition, MeasureItem } from '../../../shared/measures';
import { useItemNames } from './item-names';

/** An answer as read back: "1 · Several days" where the item words its answers, else the number. */
export function answerText(item: MeasureItem, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'not answered';
  const worded = item.step === 1 ? item.labels?.[value - item.min] : undefined;
  return worded ? `${value} · ${worded}` : String(value);
}

/**
 * Every answer of a result, by the item's wording or the practitioner's name for it, under the
 * definition version it was recorded with; an unscored item (PHQ-9's difficulty question) says so.
 */
export function ResultAnswers({ measure, responses, label = 'Answers' }: { measure: MeasureDefinition; responses: Readonly<Record<string, number | null>>; label?: string }) {
  const names = useItemNames().data?.names[measure.id];
  return (
    <List size="sm" aria-label={label}>
      {measure.items.map((item, index) => (
        <List.Item key={item.key}>
          {itemLabel(item, index + 1, names)}: {answerText(item, responses[item.key])}
          {item.scored === false ? ' (not scored)' : ''}
        </List.Item>
      ))}
    </List>
  );
}
