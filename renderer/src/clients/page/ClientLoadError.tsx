import { Button, EmptyState, Stack } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useGuardedNavigate } from '../../navigation/navigation-guard';

/** A client (or one of its notes) that could not be read: gone (erased) or an error worth showing as it is. */
export function ClientLoadError({ error, subject = 'client' }: { error: unknown; subject?: 'client' | 'note' }) {
  const navigate = useGuardedNavigate();
  const back = (
    <Button variant="default" onClick={() => navigate('/')}>
      Back to clients
    </Button>
  );
  if (error instanceof ApiError && error.code === 'NOT_FOUND') {
    return (
      <EmptyState icon={<IconUserQuestion size={28} aria-hidden />} mt="xl">
        <EmptyState.Title>This {subject} could not be found</EmptyState.Title>
        <EmptyState.Description>The record may have been permanently deleted.</EmptyState.Description>
        <EmptyState.Actions>{back}</EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <Stack align="flex-start">
      <ErrorAlert title={`This ${subject} could not be loaded`} message={errorMessage(error)} />
      {back}
    </Stack>
  );
}
