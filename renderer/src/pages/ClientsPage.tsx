import { EmptyState, Stack, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';

/** The home page. Client records arrive in a later update, so for now it explains what will be here. */
export function ClientsPage() {
  return (
    <Stack gap="xl">
      <Title order={1}>Clients</Title>
      <EmptyState variant="light" icon={<IconUsers size={28} aria-hidden />} mt="xl">
        <EmptyState.Title>No clients yet</EmptyState.Title>
        <EmptyState.Description>
          Clients you add will appear here. They are kept only in this encrypted vault, on this computer.
        </EmptyState.Description>
      </EmptyState>
    </Stack>
  );
}
