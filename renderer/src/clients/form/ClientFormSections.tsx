import { Fieldset, Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { clientStatuses } from '../../../../shared/clients';
import { DateField } from '../../components/DateField';
import { RichTextField } from '../../rich-text/RichTextField';
import { DischargeKindField } from '../DischargeKindField';
import { CLIENT_STATUS_LABELS } from '../format';
import type { ClientFormValues } from './client-form-values';

type ClientForm = UseFormReturnType<ClientFormValues>;
interface SectionProps {
  form: ClientForm;
  today: string;
}

const STATUS_DATA = clientStatuses.map((status) => ({ value: status, label: CLIENT_STATUS_LABELS[status] }));
const isStatus = (value: string | null): value is ClientFormValues['status'] => clientStatuses.some((status) => status === value);
const errorOf = (form: ClientForm, path: string): string | undefined => {
  const error = form.errors[path];
  return typeof error === 'string' ? error : undefined;
};

type DatePath = 'dateOfBirth' | 'intakeDate' | 'reviewDate' | 'dischargeDate';
/** A date field wired to the form: checked on leaving it, like the other fields. */
const dateProps = (form: ClientForm, path: DatePath) => ({
  value: form.values[path],
  error: errorOf(form, path),
  onChange: (value: string) => form.setFieldValue(path, value),
  onClearError: () => form.clearFieldError(path),
  onBlur: () => form.validateField(path),
});

export function IdentitySection({ form, today }: SectionProps) {
  return (
    <Fieldset legend="Identity">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Legal name" required dir="auto" autoComplete="off" {...form.getInputProps('legalName')} />
        <TextInput label="Preferred name" dir="auto" autoComplete="off" {...form.getInputProps('preferredName')} />
        <TextInput label="Pronouns" placeholder="she/her, they/them…" {...form.getInputProps('pronouns')} />
        <DateField label="Date of birth" max={today} {...dateProps(form, 'dateOfBirth')} />
        <TextInput
          label="Client code"
          description="Shown instead of the name wherever a name is not needed."
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          autoComplete="off"
          {...form.getInputProps('code')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

export function ContactSection({ form }: SectionProps) {
  return (
    <Fieldset legend="Contact">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Phone" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
        <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps('email')} />
      </SimpleGrid>
      <Textarea label="Address" mt="sm" autosize minRows={2} dir="auto" {...form.getInputProps('address')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
        <TextInput label="Emergency contact name" dir="auto" autoComplete="off" {...form.getInputProps('emergencyContact.name')} />
        <TextInput label="Relation" placeholder="Partner, parent, friend…" {...form.getInputProps('emergencyContact.relation')} />
        <TextInput label="Emergency contact phone" type="tel" autoComplete="off" {...form.getInputProps('emergencyContact.phone')} />
      </SimpleGrid>
    </Fieldset>
  );
}

export function CareSection({ form, today }: SectionProps) {
  const discharged = form.values.status === 'discharged';
  const changeStatus = (value: string | null) => {
    if (!isStatus(value)) return;
    form.setFieldValue('status', value);
    // Discharging today is the common case; the date stays editable.
    if (value === 'discharged' && form.values.dischargeDate === '') form.setFieldValue('dischargeDate', today);
  };
  return (
    <Fieldset legend="Care">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label="Intake date" max={today} {...dateProps(form, 'intakeDate')} />
        <TextInput label="Referral source" dir="auto" {...form.getInputProps('referralSource')} />
        <Select label="Status" data={STATUS_DATA} allowDeselect={false} {...form.getInputProps('status')} onChange={changeStatus} />
        <DateField label="Plan review date" {...dateProps(form, 'reviewDate')} />
        {discharged && <DateField label="Discharge date" max={today} {...dateProps(form, 'dischargeDate')} />}
      </SimpleGrid>
      {discharged && (
        <>
          <DischargeKindField mt="sm" value={form.values.dischargeKind} onChange={(value) => form.setFieldValue('dischargeKind', value)} />
          <Textarea label="Discharge reason" mt="sm" autosize minRows={2} dir="auto" {...form.getInputProps('dischargeReason')} />
        </>
      )}
    </Fieldset>
  );
}

export function ClinicalSection({ form }: SectionProps) {
  return (
    <Fieldset legend="Clinical">
      <RichTextField
        label="Presenting concerns"
        value={form.values.presentingConcerns}
        onChange={(doc) => form.setFieldValue('presentingConcerns', doc)}
        error={errorOf(form, 'presentingConcerns')}
      />
      <TagsInput
        label="Tags"
        description="Press Enter or type a comma after each tag."
        mt="sm"
        splitChars={[',']}
        acceptValueOnBlur
        clearable
        {...form.getInputProps('tags')}
      />
      <Textarea
        label="Private remarks"
        description="Your own reminders about this client."
        mt="sm"
        autosize
        minRows={3}
        dir="auto"
        {...form.getInputProps('privateRemarks')}
      />
    </Fieldset>
  );
}
