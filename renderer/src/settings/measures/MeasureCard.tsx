import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { IconCopy, IconPencil } from '@tabler/icons-react';
import { scoredItems, type MeasureDefinition } from '../../../../shared/measures/definition';
import { cutoffText, formatRange, kindLabel, raterLabel } from './measure-labels';

interface MeasureCardProps {
  measure: MeasureDefinition;
  onCopy: () => void;
  onEdit: () => void;
}

/** One measure at a glance: who rates it, what it measures, its size and range, and where it came from. */
export function MeasureCard({ measure, onCopy, onEdit }: MeasureCardProps) {
  // Scored items; a question recorded but not scored (PHQ-9's difficulty) is counted apart.
  const items = scoredItems(measure.items).length;
  const unscored = measure.items.length - items;
  const details = [
    raterLabel(measure.rater),
    kindLabel(measure.kind),
    `${items} ${items === 1 ? 'item' : 'items'}${unscored > 0 ? ` (+${unscored} not scored)` : ''}`,
    `total ${formatRange(measure.range)}`,
    ...(measure.cutoff ? [cutoffText(measure.cutoff.value, measure.cutoff.concernWhen)] : []),
  ];
  return (
    <Paper component="article" withBorder radius="md" p="sm" aria-label={`Measure: ${measure.name}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap={8}>
            <Text fw={600} dir="auto">
              {measure.name}
            </Text>
            <Text size="sm" c="dimmed" dir="auto">
              ({measure.shortName})
            </Text>
            <Badge variant="light" color={measure.builtIn ? 'gray' : 'blue'} radius="sm">
              {measure.builtIn ? 'Built-in' : `Custom v${measure.version}`}
            </Badge>
            {measure.scoreOnly && (
              <Badge variant="light" color="grape" radius="sm">
                Scores only
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {details.join(' · ')}
          </Text>
        </div>
        {/* Built-ins are read-only (the service refuses them); a copy is how to change one. */}
        {measure.builtIn ? (
          <Button variant="default" size="xs" leftSection={<IconCopy size={14} aria-hidden />} onClick={onCopy}>
            Copy
          </Button>
        ) : (
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
            Edit
          </Button>
        )}
      </Group>
    </Paper>
  );
}
