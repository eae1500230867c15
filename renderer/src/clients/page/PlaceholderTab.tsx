import { EmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';

/** A tab whose records arrive with a later feature: an honest, quiet empty state. */
export function PlaceholderTab({ title, text }: { title: string; text: string }) {
  return <EmptyState icon={<IconInbox size={28} aria-hidden />} title={title} description={text} mt="md" />;
}
