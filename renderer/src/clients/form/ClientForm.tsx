import { useMemo, useRef, useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Client, ClientFields } from '../../../../shared/clients';
import { localIsoDate } from '../../../../shared/dates';
import { ApiError, errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useGuardedNavigate, useUnsavedChanges } from '../../navigation/navigation-guard';
import { formValuesToFields, toFormErrors, validateClientForm, type ClientFormValues } from './client-form-values';
import { CareSection, ClinicalSection, ContactSection, IdentitySection } from './ClientFormSections';

interface ClientFormProps {
  title: string;
  initialValues: ClientFormValues;
  onSave: (fields: ClientFields) => Promise<Client>;
  cancelTo: string;
}

// After React has drawn the error messages, put the cursor on the first field that needs attention.
const focusFirstError = () =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());

/**
 * The new-client and edit-client form. Validation runs the contract's own rules inline; whatever the
 * service refuses is shown under the field it concerns, and what was typed always stays in place.
 */
export function ClientForm({ title, initialValues, onSave, cancelTo }: ClientFormProps) {
  const today = useMemo(() => localIsoDate(), []);
  const form = useForm<ClientFormValues>({
    initialValues,
    validate: (values) => validateClientForm(values, today),
    validateInputOnBlur: true,
  });
  const navigate = useGuardedNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useUnsavedChanges(form.isDirty() && !saving);
  useHotkeys([['mod+S', () => formRef.current?.requestSubmit()]], [], true);

  const save = async (values: ClientFormValues, fields: ClientFields) => {
    setSaving(true);
    setError(null);
    try {
      const client = await onSave(fields);
      form.resetDirty(values);
      navigate(`/clients/${client.id}`, { force: true, replace: true });
      notifications.show({ color: 'teal', message: 'Client saved' });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VALIDATION' && Object.keys(caught.fieldErrors).length > 0) {
        form.setErrors(toFormErrors(caught.fieldErrors));
        focusFirstError();
      } else {
        setError(errorMessage(caught));
      }
    } finally {
      setSaving(false);
    }
  };

  const sectionProps = { form, today };
  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit((values) => save(values, formValuesToFields(values)), focusFirstError)}>
      <Stack gap="lg" maw={860}>
        <Title order={1}>{title}</Title>
        <Text size="sm" c="dimmed">
          Only the legal name is required. Everything is saved in the encrypted vault on this computer.
        </Text>
        <ErrorAlert title="The client could not be saved" message={error} />
        <IdentitySection {...sectionProps} />
        <ContactSection {...sectionProps} />
        <CareSection {...sectionProps} />
        <ClinicalSection {...sectionProps} />
        <Group>
          <Button type="submit" loading={saving}>
            Save client
          </Button>
          <Button variant="default" onClick={() => navigate(cancelTo)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
