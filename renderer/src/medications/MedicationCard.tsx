import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { allowedKinds } from '../../../shared/medication-rules';
import { regimenInWords, type Medication, type MedicationEvent, type MedicationEventKind } from '../../../shared/medications';
import { formatLocalDay } from '../lib/dates';
import { EVENT_FORM_TITLES } from './medication-draft';
import { MedicationHistory } from './MedicationHistory';

interface MedicationCardProps {
  medication: Medication;
  sessionDates: ReadonlyMap<string, string>;
  onAction: (kind: Exclude<MedicationEventKind, 'start'>) => void;
}

/** Each button's name carries the medication's, so a screen reader's list of buttons tells them apart. */
const actionName = (kind: Exclude<MedicationEventKind, 'start'>, name: string): string =>
  kind === 'stop' || kind === 'restart' ? `${EVENT_FORM_TITLES[kind]} ${name}` : `${EVENT_FORM_TITLES[kind]} of ${name}`;

/** When the current course began: the latest start or restart. */
const courseStart = (history: readonly MedicationEvent[]): MedicationEvent | undefined =>
  history.findLast((event) => event.kind === 'start' || event.kind === 'restart');

/** One medication: the regimen as it stands (or when and why it stopped), what can be done next, and its history. */
export function MedicationCard({ medication, sessionDates, onAction }: MedicationCardProps) {
  const last = medication.history.at(-1);
  if (!last) return null;
  const { regimen } = last;
  const since = courseStart(medication.history);
  const actions = allowedKinds(medication.history).filter((kind): kind is Exclude<MedicationEventKind, 'start'> => kind !== 'start');

  return (
    <Paper component="article" withBorder radius="md" p="md" aria-label={medication.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={3} size="h4" dir="auto">
                {medication.name}
              </Title>
              {!medication.current && (
                <Badge variant="light" color="gray" radius="sm" tt="none">
                  Stopped
                </Badge>
              )}
            </Group>
            <Text size="sm" dir="auto" td={medication.current ? undefined : 'line-through'}>
              {regimenInWords(regimen)}
            </Text>
          </Stack>
          <Group gap="xs">
            {actions.map((kind) => (
              <Button
                key={kind}
                size="compact-sm"
                variant={kind === 'stop' ? 'subtle' : 'light'}
                color={kind === 'stop' ? 'red' : undefined}
                aria-label={actionName(kind, medication.name)}
                onClick={() => onAction(kind)}
              >
                {EVENT_FORM_TITLES[kind]}
              </Button>
            ))}
          </Group>
        </Group>
        <Text size="sm" c="dimmed" dir="auto">
          {regimen.prescriber === 'me' ? 'Prescribed by me' : `Prescribed by ${regimen.prescriberName || 'another prescriber'}`}
          {regimen.indication && ` · for ${regimen.indication}`}
          {medication.current && since && ` · since ${formatLocalDay(since.date)}`}
        </Text>
        {!medication.current && (
          <Text size="sm" dir="auto">
            Stopped on {formatLocalDay(last.date)}
            {last.reason && `: ${last.reason}`}
          </Text>
        )}
        <Title order={4} size="sm" mt="xs">
          History
        </Title>
        <MedicationHistory medication={medication} sessionDates={sessionDates} />
      </Stack>
    </Paper>
  );
}
