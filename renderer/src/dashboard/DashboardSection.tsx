import { useId, type ReactNode } from 'react';
import { Paper, Text, Title } from '@mantine/core';

interface DashboardSectionProps {
  title: string;
  description?: string;
  children: ReactNode;
}

/** One block of the Dashboard under its own heading, so screen readers can jump between sections. */
export function DashboardSection({ title, description, children }: DashboardSectionProps) {
  const headingId = useId();
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb={description ? 4 : 'md'}>
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
