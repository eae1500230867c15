import { useState, type FormEvent } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { localIsoDate } from '../../../../shared/dates';
import { ApiError, call, errorMessage } from '../../api';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { typedDateProblem } from '../../components/typed-date';
import { useClientMutation } from '../queries';

interface DiagnosisDraft {
  code: string;
  label: string;
  dateAdded: string;
}

const emptyDraft = (): DiagnosisDraft => ({ code: '', label: '', dateAdded: localIsoDate() });

/** Free entry of a diagnosis (any classification), e.g. ICD-10-CM "F41.1 Generalized anxiety disorder". */
export function AddDiagnosisForm({ clientId }: { clientId: string }) {
  const [draft, setDraft] = useState(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const add = useClientMutation((input: DiagnosisDraft) => call('addDiagnosis', { clientId, ...input }));
  const change = (key: keyof DiagnosisDraft) => (value: string) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (draft.code.trim() === '' && draft.label.trim() === '') next.label = 'Enter a diagnosis code, a description, or both.';
    const unreadable = typedDateProblem(draft.dateAdded);
    if (unreadable) next.dateAdded = unreadable;
    else if (draft.dateAdded === '') next.dateAdded = 'Enter the date the diagnosis was made.';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setError(null);
    add.mutate(draft, {
      onSuccess: () => setDraft(emptyDraft()),
      onError: (caught) => {
        if (caught instanceof ApiError && Object.keys(caught.fieldErrors).length > 0) setErrors(caught.fieldErrors);
        else setError(errorMessage(caught));
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add diagnosis">
      <ErrorAlert message={error} />
      <Group align="flex-start" gap="sm" mt={error ? 'sm' : 0}>
        <TextInput label="Diagnosis code" placeholder="F41.1" w={120} value={draft.code} error={errors.code} onChange={(e) => change('code')(e.currentTarget.value)} />
        <TextInput
          label="Diagnosis"
          placeholder="Generalized anxiety disorder"
          dir="auto"
          style={{ flex: '1 1 240px' }}
          value={draft.label}
          error={errors.label}
          onChange={(e) => change('label')(e.currentTarget.value)}
        />
        <DateField
          label="Date added"
          w={160}
          value={draft.dateAdded}
          error={errors.dateAdded}
          onChange={(value) => setDraft((previous) => ({ ...previous, dateAdded: value }))}
          onClearError={() => setErrors(({ dateAdded: _dropped, ...rest }) => rest)}
        />
        <Button type="submit" mt={25} variant="light" loading={add.isPending}>
          Add diagnosis
        </Button>
      </Group>
    </form>
  );
}
