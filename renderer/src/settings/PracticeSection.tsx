import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SettingsSection } from './SettingsSection';

interface PracticeDetails {
  practitionerName: string;
  credentials: string;
}

type FieldErrors = Partial<Record<keyof PracticeDetails, string>>;

const FIELDS: readonly (keyof PracticeDetails)[] = ['practitionerName', 'credentials'];

/** The server's per-field messages for this form's fields; anything else is for the form-level alert. */
function fieldErrorsOf(error: ApiError): FieldErrors {
  const found: FieldErrors = {};
  for (const field of FIELDS) {
    const message = error.fieldErrors[field];
    if (message) found[field] = message;
  }
  return found;
}

/** Who signs notes: the name and credentials printed on every signature from now on. */
export function PracticeSection() {
  const [details, setDetails] = useState<PracticeDetails | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    call('getSettings').then(
      ({ practitionerName, credentials }) => !cancelled && setDetails({ practitionerName, credentials }),
      (caught: unknown) => !cancelled && setError(errorMessage(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const change = (field: keyof PracticeDetails, value: string) => {
    setDetails((current) => current && { ...current, [field]: value });
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (details === null) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await call('updateSettings', {
        practitionerName: details.practitionerName.trim(),
        credentials: details.credentials.trim(),
      });
      setDetails({ practitionerName: saved.practitionerName, credentials: saved.credentials });
      notifications.show({ color: 'teal', message: 'Practice details saved' });
    } catch (caught) {
      const atFields = caught instanceof ApiError && caught.code === 'VALIDATION' ? fieldErrorsOf(caught) : {};
      setFieldErrors(atFields);
      // A message no field can show (or any other failure) goes above the form.
      if (Object.keys(atFields).length === 0) setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  // The signing check trims too, so a name of only spaces counts as missing.
  const nameMissing = details !== null && details.practitionerName.trim() === '';

  return (
    <SettingsSection
      title="Practice details"
      description="Signed notes and addenda carry this name and these credentials. Notes already signed keep the details they were signed with."
    >
      <ErrorAlert message={error} />
      {details === null && !error && <Skeleton height={140} maw={480} aria-label="Loading practice details" />}
      {details !== null && (
        <form onSubmit={submit} noValidate>
          <Stack maw={480}>
            <TextInput
              label="Your name"
              placeholder="Dr. A. Example"
              autoComplete="name"
              value={details.practitionerName}
              error={fieldErrors.practitionerName}
              description={nameMissing ? <NameMissingWarning /> : undefined}
              onChange={(event) => change('practitionerName', event.currentTarget.value)}
            />
            <TextInput
              label="Credentials"
              placeholder="PhD, Licensed Psychologist"
              value={details.credentials}
              error={fieldErrors.credentials}
              onChange={(event) => change('credentials', event.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={busy}>
                Save practice details
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SettingsSection>
  );
}

/** A warning, not a block: the details can be saved without a name, but signing will ask for one. */
function NameMissingWarning() {
  return (
    <Text span size="xs" c="orange.8" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconAlertTriangle size={14} aria-hidden />
      Notes cannot be signed until you enter your name.
    </Text>
  );
}
