import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { CenteredCard } from '../components/CenteredCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorMessage } from '../api';

interface StartupScreenProps {
  error: unknown;
  onRetry: () => void;
}

/** What shows before the first vault status arrives, or if it could not be read at all. */
export function StartupScreen({ error, onRetry }: StartupScreenProps) {
  if (!error) {
    return (
      <Center component="main" mih="100vh" aria-busy="true">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return (
    <CenteredCard title="Alliance Notes could not start">
      <Stack>
        <ErrorAlert message={errorMessage(error)} />
        <Text size="sm">Your notes have not been touched.</Text>
        <Button onClick={onRetry}>Try again</Button>
      </Stack>
    </CenteredCard>
  );
}
