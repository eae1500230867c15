import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CenteredCard } from '../components/CenteredCard';
import type { VaultStatus } from '../../../shared/contract';

/** The vault exists but cannot be opened; we say why and never offer to overwrite it. */
export function ProblemScreen({ problem }: { problem: VaultStatus['problem'] }) {
  return (
    <CenteredCard title="This vault can't be opened">
      <Stack>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {problem?.message ?? 'The vault files could not be read.'}
        </Alert>
        <Text>
          Nothing in your vault was changed. Restoring from a backup will be offered here, so your notes can be
          brought back safely.
        </Text>
      </Stack>
    </CenteredCard>
  );
}
