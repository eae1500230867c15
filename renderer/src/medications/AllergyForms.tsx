import { useState, type FormEvent } from 'react';
import { Button, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { localIsoDate } from '../../../shared/dates';
import type { Allergy, AddAllergyInput } from '../../../shared/medications';
import { call } from '../api';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { typedDateProblem } from '../components/typed-date';
import { splitError } from './medication-draft';
import { useMedicationsChanged } from './queries';

type AllergyDraft = Omit<AddAllergyInput, 'clientId'>;
const ALLERGY_FIELDS = ['substance', 'reaction', 'kind', 'recordedOn'];

/** Records an allergy or an adverse reaction (a reaction to a medication that is not an allergy). */
export function AddAllergyForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [draft, setDraft] = useState<AllergyDraft>({ substance: '', reaction: '', kind: 'allergy', recordedOn: localIsoDate() });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const changed = useMedicationsChanged();
  const add = useMutation({ mutationFn: (input: AllergyDraft) => call('addAllergy', { clientId, ...input }), onSuccess: () => changed(clientId) });
  const change = <K extends keyof AllergyDraft>(field: K, value: AllergyDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setErrors(({ [field]: _dropped, ...rest }) => rest);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const unreadable = typedDateProblem(draft.recordedOn) ?? (draft.recordedOn === '' ? 'Enter the date it was recorded.' : null);
    if (unreadable) return setErrors({ recordedOn: unreadable });
    setError(null);
    add.mutate(draft, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: draft.kind === 'allergy' ? 'Allergy recorded' : 'Adverse reaction recorded' });
        onDone();
      },
      onError: (caught) => {
        const { atFields, above } = splitError(caught, ALLERGY_FIELDS);
        setErrors(atFields);
        setError(above);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add allergy">
      <Stack gap="sm">
        <ErrorAlert message={error} />
        <TextInput
          label="Substance"
          placeholder="penicillin"
          withAsterisk
          dir="auto"
          data-autofocus
          value={draft.substance}
          error={errors.substance}
          onChange={(event) => change('substance', event.currentTarget.value)}
        />
        <TextInput label="Reaction" placeholder="rash" dir="auto" value={draft.reaction} error={errors.reaction} onChange={(event) => change('reaction', event.currentTarget.value)} />
        <Radio.Group label="Kind" value={draft.kind} error={errors.kind} onChange={(value) => change('kind', value === 'adverse_reaction' ? 'adverse_reaction' : 'allergy')}>
          <Group gap="lg" mt={6}>
            <Radio value="allergy" label="Allergy" />
            <Radio value="adverse_reaction" label="Adverse reaction" />
          </Group>
        </Radio.Group>
        <DateField
          label="Date recorded"
          w={200}
          value={draft.recordedOn}
          error={errors.recordedOn}
          onChange={(value) => setDraft((previous) => ({ ...previous, recordedOn: value }))}
          onClearError={() => setErrors(({ recordedOn: _dropped, ...rest }) => rest)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add allergy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An entry is never deleted: it is marked removed with today's date and a reason, and stays struck through. */
export function RemoveAllergyForm({ clientId, allergy, onDone }: { clientId: string; allergy: Allergy; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changed = useMedicationsChanged();
  const remove = useMutation({ mutationFn: () => call('removeAllergy', { id: allergy.id, reason }), onSuccess: () => changed(clientId) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    remove.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Marked as removed; the entry stays, struck through' });
        onDone();
      },
      onError: (caught) => {
        const { atFields, above } = splitError(caught, ['reason']);
        setReasonError(atFields.reason ?? null);
        setError(above);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Remove allergy">
      <Stack gap="sm">
        <Text size="sm">
          <Text span fw={600} dir="auto">
            {allergy.substance}
          </Text>{' '}
          stays in the record, struck through, with today&apos;s date and the reason.
        </Text>
        <ErrorAlert message={error} />
        <Textarea
          label="Reason"
          description="For example: entered in error, or tested and not allergic."
          withAsterisk
          autosize
          minRows={2}
          dir="auto"
          data-autofocus
          value={reason}
          error={reasonError}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setReasonError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={remove.isPending}>
            Remove
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
