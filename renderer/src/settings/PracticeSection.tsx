import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Radio, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Settings } from '../../../shared/contract';
import { paperSizes, type PaperSize } from '../../../shared/progress-summary';
import { ApiError, call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SettingsSection } from './SettingsSection';

type PracticeDetails = Pick<Settings, 'practitionerName' | 'credentials' | 'practiceName' | 'licenceNumber' | 'practiceContact' | 'paperSize'>;
type TextField = Exclude<keyof PracticeDetails, 'paperSize'>;

type FieldErrors = Partial<Record<keyof PracticeDetails, string>>;

const FIELDS: readonly (keyof PracticeDetails)[] = ['practitionerName', 'credentials', 'practiceName', 'licenceNumber', 'practiceContact', 'paperSize'];
const PAPER_LABELS: Record<PaperSize, string> = { A4: 'A4', Letter: 'US Letter' };
const isPaperSize = (value: string): value is PaperSize => paperSizes.some((size) => size === value);

/** This form's part of the settings (the rest, such as auto-lock, belongs to other sections). */
const detailsOf = (settings: Settings): PracticeDetails => ({
  practitionerName: settings.practitionerName,
  credentials: settings.credentials,
  practiceName: settings.practiceName,
  licenceNumber: settings.licenceNumber,
  practiceContact: settings.practiceContact,
  paperSize: settings.paperSize,
});

/** The server's per-field messages for this form's fields; anything else is for the form-level alert. */
function fieldErrorsOf(error: ApiError): FieldErrors {
  const found: FieldErrors = {};
  for (const field of FIELDS) {
    const message = error.fieldErrors[field];
    if (message) found[field] = message;
  }
  return found;
}

/**
 * Who signs notes (the name and credentials printed on every signature from now on) and the practice
 * details printed on progress summaries.
 */
export function PracticeSection() {
  const [details, setDetails] = useState<PracticeDetails | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    call('getSettings').then(
      (settings) => !cancelled && setDetails(detailsOf(settings)),
      (caught: unknown) => !cancelled && setError(errorMessage(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const change = <F extends keyof PracticeDetails>(field: F, value: PracticeDetails[F]) => {
    setDetails((current) => current && { ...current, [field]: value });
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  };
  const changeText = (field: TextField) => (event: { currentTarget: { value: string } }) => change(field, event.currentTarget.value);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (details === null) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await call('updateSettings', {
        practitionerName: details.practitionerName.trim(),
        credentials: details.credentials.trim(),
        practiceName: details.practiceName.trim(),
        licenceNumber: details.licenceNumber.trim(),
        practiceContact: details.practiceContact.trim(),
        paperSize: details.paperSize,
      });
      setDetails(detailsOf(saved));
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
      description="Signed notes and addenda carry this name and these credentials; progress summaries also carry the practice details. Notes already signed keep the details they were signed with."
    >
      <ErrorAlert message={error} />
      {details === null && !error && <Skeleton height={420} maw={480} aria-label="Loading practice details" />}
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
              onChange={changeText('practitionerName')}
            />
            <TextInput
              label="Credentials"
              placeholder="PhD, Licensed Psychologist"
              value={details.credentials}
              error={fieldErrors.credentials}
              onChange={changeText('credentials')}
            />
            <TextInput
              label="Practice name"
              description="Printed at the top of progress summaries; when empty, your name is used."
              placeholder="Example Counselling"
              autoComplete="organization"
              value={details.practiceName}
              error={fieldErrors.practiceName}
              onChange={changeText('practiceName')}
            />
            <TextInput
              label="Licence number"
              value={details.licenceNumber}
              error={fieldErrors.licenceNumber}
              onChange={changeText('licenceNumber')}
            />
            <Textarea
              label="Contact"
              description="Address, phone, email; printed under your signature on summaries."
              autosize
              minRows={3}
              maxRows={8}
              value={details.practiceContact}
              error={fieldErrors.practiceContact}
              onChange={changeText('practiceContact')}
            />
            <Radio.Group
              label="Paper size for summaries"
              value={details.paperSize}
              error={fieldErrors.paperSize}
              onChange={(value) => isPaperSize(value) && change('paperSize', value)}
            >
              <Group gap="lg" mt={6}>
                {paperSizes.map((size) => (
                  <Radio key={size} value={size} label={PAPER_LABELS[size]} />
                ))}
              </Group>
            </Radio.Group>
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
    <Text span size="xs" c="var(--app-color-warning-text)" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconAlertTriangle size={14} aria-hidden />
      Notes cannot be signed until you enter your name.
    </Text>
  );
}
