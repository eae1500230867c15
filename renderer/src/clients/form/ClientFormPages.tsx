import { useMemo } from 'react';
import { Center, Loader } from '@mantine/core';
import type { ClientFields } from '../../../../shared/clients';
import { localIsoDate } from '../../../../shared/dates';
import { call } from '../../api';
import { useClient, useClientSaved, useSuggestedCode } from '../queries';
import { ClientLoadError } from '../page/ClientLoadError';
import { ClientForm } from './ClientForm';
import { clientToFormValues, emptyClientFormValues } from './client-form-values';

const loader = (label: string) => (
  <Center py="xl">
    <Loader aria-label={label} />
  </Center>
);

/** `/clients/new`: the form, with the next free client code already filled in. */
export function NewClientPage() {
  const suggestion = useSuggestedCode();
  const onSaved = useClientSaved();
  // If no code could be suggested, an empty one asks the service to generate it on save.
  const code = suggestion.isError ? '' : suggestion.data?.code;
  const initialValues = useMemo(() => (code === undefined ? null : emptyClientFormValues(code, localIsoDate())), [code]);

  if (!initialValues) return loader('Preparing the form');
  const save = async (fields: ClientFields) => {
    const client = await call('createClient', { fields });
    onSaved(client);
    return client;
  };
  return <ClientForm title="New client" initialValues={initialValues} onSave={save} cancelTo="/" />;
}

/** `/clients/:id/edit`: the same form, filled from the saved record. */
export function EditClientPage({ id }: { id: string }) {
  const client = useClient(id);
  const onSaved = useClientSaved();
  if (client.isError) return <ClientLoadError error={client.error} />;
  if (!client.data) return loader('Loading client');
  // useForm reads its initial values once, so a background refresh never replaces what is being typed.
  const initialValues = clientToFormValues(client.data);
  const save = async (fields: ClientFields) => {
    const saved = await call('updateClient', { id, fields });
    onSaved(saved);
    return saved;
  };
  return <ClientForm title="Edit client" initialValues={initialValues} onSave={save} cancelTo={`/clients/${id}`} />;
}
