import { useId, useState } from 'react';
import { Badge, Button, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Allergy } from '../../../shared/medications';
import { formatLocalDay } from '../lib/dates';
import { AddAllergyForm, RemoveAllergyForm } from './AllergyForms';

const KIND_LABELS: Record<Allergy['kind'], string> = { allergy: 'Allergy', adverse_reaction: 'Adverse reaction' };

/** Allergies and adverse reactions, at the top of the tab so they are seen before any medication. */
export function AllergiesSection({ clientId, allergies }: { clientId: string; allergies: readonly Allergy[] }) {
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Allergy | null>(null);
  const active = allergies.filter((allergy) => allergy.removedOn === null);
  const removed = allergies.filter((allergy) => allergy.removedOn !== null);

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          Allergies and adverse reactions
        </Title>
        <Button size="compact-sm" variant="light" onClick={() => setAdding(true)}>
          Add allergy
        </Button>
      </Group>
      <Stack gap="xs">
        {active.length === 0 ? (
          <Text size="sm" c="dimmed">
            No allergies recorded.
          </Text>
        ) : (
          <List spacing={6} listStyleType="none" aria-label="Allergies and adverse reactions">
            {active.map((allergy) => (
              <List.Item key={allergy.id}>
                <Group gap="xs" wrap="wrap">
                  <IconAlertTriangle size={16} aria-hidden color="var(--app-color-warning-text)" />
                  <Text span fw={600} dir="auto">
                    {allergy.substance}
                  </Text>
                  <Badge variant="light" color={allergy.kind === 'allergy' ? 'red' : 'orange'} radius="sm" tt="none">
                    {KIND_LABELS[allergy.kind]}
                  </Badge>
                  {allergy.reaction && (
                    <Text span size="sm" dir="auto">
                      {allergy.reaction}
                    </Text>
                  )}
                  <Text span size="sm" c="dimmed">
                    recorded {formatLocalDay(allergy.recordedOn)}
                  </Text>
                  <Button size="compact-xs" variant="subtle" color="red" aria-label={`Remove ${allergy.substance}`} onClick={() => setRemoving(allergy)}>
                    Remove
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {removed.length > 0 && (
          <List spacing={4} listStyleType="none" aria-label="Removed entries" c="dimmed" fz="sm">
            {removed.map((allergy) => (
              <List.Item key={allergy.id}>
                <Text span size="sm" td="line-through" dir="auto">
                  {allergy.substance}
                  {allergy.reaction && ` (${allergy.reaction})`}
                </Text>{' '}
                <Text span size="sm" dir="auto">
                  removed {allergy.removedOn ? formatLocalDay(allergy.removedOn) : ''}: {allergy.removedReason}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add allergy or adverse reaction" centered>
        <AddAllergyForm clientId={clientId} onDone={() => setAdding(false)} />
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove allergy" centered>
        {removing && <RemoveAllergyForm clientId={clientId} allergy={removing} onDone={() => setRemoving(null)} />}
      </Modal>
    </Paper>
  );
}
