import { useMemo, useState } from 'react';
import { Button, Center, EmptyState, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconPill } from '@tabler/icons-react';
import type { Medication } from '../../../shared/medications';
import { call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { noteKeys } from '../lib/query-keys';
import { AllergiesSection } from './AllergiesSection';
import { MedicationCard } from './MedicationCard';
import { MedicationForm, type MedicationFormMode } from './MedicationForm';
import { EVENT_FORM_TITLES } from './medication-draft';
import { useMedications } from './queries';

const formTitle = (mode: MedicationFormMode): string => (mode.kind === 'start' ? EVENT_FORM_TITLES.start : `${EVENT_FORM_TITLES[mode.kind]}: ${mode.medication.name}`);

/**
 * Session id → date, for "decided in the session on …"; read only when a change came from a signed
 * note, under the Sessions tab's key so both share one answer.
 */
function useSessionDates(clientId: string, medications: readonly Medication[]): ReadonlyMap<string, string> {
  const needed = medications.some((medication) => medication.history.some((event) => event.sessionId !== null));
  const sessions = useQuery({ queryKey: noteKeys.sessions(clientId), queryFn: () => call('listSessions', { clientId }), enabled: needed });
  return useMemo(() => new Map((sessions.data?.sessions ?? []).map(({ session }) => [session.id, session.date])), [sessions.data]);
}

/** The client's Medications tab (for prescribers): allergies first, then current and stopped medications with their histories. */
export function MedicationsTab({ clientId }: { clientId: string }) {
  const list = useMedications(clientId);
  const [form, setForm] = useState<MedicationFormMode | null>(null);
  const medications = list.data?.medications ?? [];
  const sessionDates = useSessionDates(clientId, medications);

  if (list.isError) return <ErrorAlert title="The medications could not be loaded" message={errorMessage(list.error)} />;
  if (!list.data) {
    return (
      <Center py="lg">
        <Loader aria-label="Loading medications" />
      </Center>
    );
  }

  const current = medications.filter((medication) => medication.current);
  const stopped = medications.filter((medication) => !medication.current);
  const card = (medication: Medication) => (
    <MedicationCard key={medication.id} medication={medication} sessionDates={sessionDates} onAction={(kind) => setForm({ kind, medication })} />
  );

  return (
    <Stack gap="lg">
      <AllergiesSection clientId={clientId} allergies={list.data.allergies} />
      <Stack gap="sm" component="section" aria-label="Medications">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Current medications
          </Title>
          {medications.length > 0 && <Button onClick={() => setForm({ kind: 'start' })}>Start medication</Button>}
        </Group>
        {medications.length === 0 ? (
          <EmptyState icon={<IconPill size={28} aria-hidden />}>
            <EmptyState.Title>No medications recorded</EmptyState.Title>
            <EmptyState.Description>
              Each medication keeps its dose, schedule and every change with its date and reason. Changes decided in a Medication management note are added when the
              note is signed.
            </EmptyState.Description>
            <Button mt="md" onClick={() => setForm({ kind: 'start' })}>
              Start medication
            </Button>
          </EmptyState>
        ) : current.length === 0 ? (
          <Text size="sm" c="dimmed">
            No medication is being taken now.
          </Text>
        ) : (
          current.map(card)
        )}
        {stopped.length > 0 && (
          <>
            <Title order={2} size="h4" mt="md">
              Stopped medications
            </Title>
            {stopped.map(card)}
          </>
        )}
      </Stack>
      <Modal opened={form !== null} onClose={() => setForm(null)} title={form ? formTitle(form) : ''} size="lg" centered>
        {form && <MedicationForm key={form.kind === 'start' ? 'start' : `${form.kind}-${form.medication.id}`} clientId={clientId} mode={form} onDone={() => setForm(null)} />}
      </Modal>
    </Stack>
  );
}
