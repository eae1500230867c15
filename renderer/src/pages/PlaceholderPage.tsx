import { EmptyState, Stack, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';

/** A page whose features come in a later update: a heading and one honest sentence. */
export function PlaceholderPage({ title, text }: { title: string; text: string }) {
  return (
    <Stack gap="xl">
      <Title order={1}>{title}</Title>
      <EmptyState icon={<IconSparkles size={28} aria-hidden />} description={text} mt="xl" />
    </Stack>
  );
}
