import { useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { DEFAULT_ENGAGEMENT_SETTINGS, type EngagementSettings } from '../../../shared/engagement';
import { ApiError, call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { measureKeys, practiceEngagementKeys, SETTINGS_QUERY_KEY } from '../lib/query-keys';
import { useSettings } from '../lib/settings-query';
import { SettingsSection } from './SettingsSection';

type Field = keyof EngagementSettings;
type Values = Record<Field, number | string>;

interface FieldSpec {
  field: Field;
  label: string;
  description: string;
  min: number;
  max: number;
  unit: string;
}

/** The ranges are the contract's (engagementSettingsSchema); the messages here say them in full. */
const FIELDS: readonly FieldSpec[] = [
  { field: 'missedInARow', label: 'Missed sessions in a row', description: 'No-shows or late cancellations one after another that raise the engagement flag.', min: 1, max: 10, unit: '' },
  { field: 'graceDays', label: 'Grace days before overdue', description: 'Days past the agreed session frequency before a client counts as overdue.', min: 0, max: 90, unit: ' days' },
  { field: 'homeworkNotDoneRun', label: 'Homework not done, sessions in a row', description: 'Notes in a row reviewing the homework as not done that raise the flag.', min: 1, max: 10, unit: '' },
  { field: 'ruptureWithinNotes', label: 'Notes searched for an unrepaired rupture', description: 'How many of the latest notes are looked at for a rupture with no repair noted since.', min: 1, max: 20, unit: '' },
];

function fieldProblem(value: number | string, spec: FieldSpec): string | null {
  const range = `from ${spec.min} to ${spec.max}${spec.unit}`;
  if (value === '') return `Enter a whole number ${range}.`;
  if (typeof value !== 'number' || !Number.isInteger(value)) return `Enter a whole number ${range}.`;
  if (value < spec.min || value > spec.max) return `Choose a number ${range}.`;
  return null;
}

/**
 * When the engagement (drop-out risk) flag is raised, and how much grace a client gets before counting
 * as overdue. Values are kept as typed and explained when out of range, never clamped.
 */
export function EngagementSection() {
  const settings = useSettings();
  return (
    <SettingsSection
      title="Engagement"
      description="When a client is flagged as at risk of dropping out, and when they count as overdue for a session. Changes apply to every client at once."
    >
      {settings.isError && <ErrorAlert message={errorMessage(settings.error)} />}
      {settings.isPending && <Skeleton height={140} aria-label="Loading the engagement settings" />}
      {settings.data && <EngagementForm saved={settings.data.engagement} />}
    </SettingsSection>
  );
}

function EngagementForm({ saved }: { saved: EngagementSettings }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(saved);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    for (const spec of FIELDS) {
      const problem = fieldProblem(values[spec.field], spec);
      if (problem) found[spec.field] = problem;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const engagement = { missedInARow: Number(values.missedInARow), graceDays: Number(values.graceDays), homeworkNotDoneRun: Number(values.homeworkNotDoneRun), ruptureWithinNotes: Number(values.ruptureWithinNotes) };
      const next = await call('updateSettings', { engagement });
      queryClient.setQueryData(SETTINGS_QUERY_KEY, next);
      setValues(next.engagement);
      // The flags and the overdue list are worked out again with the new thresholds.
      void queryClient.invalidateQueries({ queryKey: practiceEngagementKeys.all });
      void queryClient.invalidateQueries({ queryKey: measureKeys.all });
      notifications.show({ color: 'teal', message: 'Engagement settings saved' });
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors : {};
      const atFields = Object.fromEntries(FIELDS.flatMap(({ field }) => (fields[`engagement.${field}`] ? [[field, fields[`engagement.${field}`]]] : [])));
      if (Object.keys(atFields).length > 0) setErrors(atFields);
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const isDefault = FIELDS.every(({ field }) => values[field] === DEFAULT_ENGAGEMENT_SETTINGS[field]);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {FIELDS.map((spec) => (
            <NumberInput
              key={spec.field}
              label={spec.label}
              description={spec.description}
              min={spec.min}
              max={spec.max}
              // Kept as typed so an out-of-range or fractional value is explained, not silently changed.
              clampBehavior="none"
              value={values[spec.field]}
              error={errors[spec.field]}
              onChange={(value) => {
                setValues((current) => ({ ...current, [spec.field]: value }));
                setErrors(({ [spec.field]: _dropped, ...rest }) => rest);
              }}
            />
          ))}
        </SimpleGrid>
        <ErrorAlert title="The engagement settings were not saved" message={error} />
        <Group>
          <Button type="submit" loading={busy}>
            Save engagement settings
          </Button>
          <Button variant="subtle" disabled={isDefault} onClick={() => {
              setValues(DEFAULT_ENGAGEMENT_SETTINGS);
              setErrors({});
            }}>
            Back to the defaults
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
