import { useId, type ReactNode } from 'react';
import { Paper, Text, Title } from '@mantine/core';

export interface PageSectionProps {
  title: string;
  description?: string;
  /** The heading level: 2 directly under a page title, 3 under a group heading. */
  order?: 2 | 3;
  children: ReactNode;
}

/** A bordered block under its own heading; named by it, so screen readers can jump between blocks. */
export function PageSection({ title, description, order = 3, children }: PageSectionProps) {
  const headingId = useId();
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby={headingId}>
      <Title order={order} size="h3" id={headingId} mb={description ? 4 : 'md'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}
