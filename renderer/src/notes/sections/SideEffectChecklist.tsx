import { Group, SegmentedControl, SimpleGrid, Text } from '@mantine/core';
import { sideEffects, sideEffectSeverities, sideEffectWords, type MedicationReviewItem, type SideEffect, type SideEffectSeverity } from '../../../../shared/medication-review';
import { severityWords } from '../../../../shared/medication-review-words';

interface SideEffectChecklistProps {
  /** Names the medication in each control's name, so two medications' checklists are told apart. */
  medicationName: string;
  value: MedicationReviewItem['sideEffects'];
  onChange: (value: MedicationReviewItem['sideEffects']) => void;
}

const NOT_ASKED = 'not_asked';
const options = [{ value: NOT_ASKED, label: 'Not asked' }, ...sideEffectSeverities.map((severity) => ({ value: severity, label: severityWords[severity] }))];

/** Our own plain checklist of common side effects, each rated none to severe, or left as not asked. */
export function SideEffectChecklist({ medicationName, value, onChange }: SideEffectChecklistProps) {
  const rated = new Map(value.map((entry) => [entry.effect, entry.severity]));
  const rate = (effect: SideEffect, next: string) => {
    const rest = value.filter((entry) => entry.effect !== effect);
    // Kept in the checklist's order, so the stored review reads the same however it was filled in.
    const entries = next === NOT_ASKED ? rest : [...rest, { effect, severity: next as SideEffectSeverity }];
    onChange(sideEffects.filter((candidate) => entries.some((entry) => entry.effect === candidate)).map((effect) => entries.find((entry) => entry.effect === effect)!));
  };
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        Side effects
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" verticalSpacing={6}>
        {sideEffects.map((effect) => (
          <Group key={effect} justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{sideEffectWords[effect]}</Text>
            <SegmentedControl
              size="xs"
              aria-label={`${sideEffectWords[effect]} (${medicationName})`}
              data={options}
              value={rated.get(effect) ?? NOT_ASKED}
              onChange={(next) => rate(effect, next)}
            />
          </Group>
        ))}
      </SimpleGrid>
    </div>
  );
}
