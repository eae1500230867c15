import { Button, EmptyState } from '@mantine/core';
import { IconFilterOff, IconUserPlus, IconUsers } from '@tabler/icons-react';

/** The vault holds no clients yet: say where they will live and offer the first one. */
export function NoClientsYet({ onAdd }: { onAdd: () => void }) {
  return (
    <EmptyState variant="light" icon={<IconUsers size={28} aria-hidden />} mt="xl">
      <EmptyState.Title>No clients yet</EmptyState.Title>
      <EmptyState.Description>
        Clients you add will appear here. They are kept only in this encrypted vault, on this computer.
      </EmptyState.Description>
      <EmptyState.Actions>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={onAdd}>
          Add your first client
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

/** Clients exist, but none fits the search and filters. */
export function NoClientsMatch({ onClear }: { onClear: () => void }) {
  return (
    <EmptyState icon={<IconFilterOff size={28} aria-hidden />} mt="xl">
      <EmptyState.Title>No clients match</EmptyState.Title>
      <EmptyState.Description>Try another spelling, part of a name, a client code or a tag.</EmptyState.Description>
      <EmptyState.Actions>
        <Button variant="default" onClick={onClear}>
          Clear search and filters
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
