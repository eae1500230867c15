import type { ReactNode } from 'react';
import { Paper, Text, Title } from '@mantine/core';

interface SettingsSectionProps {
  title: string;
  description?: string;
  children: ReactNode;
}

/** One bordered block of the settings page with its own heading, so each is a landmark for screen readers. */
export function SettingsSection({ title, description, children }: SettingsSectionProps) {
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-label={title}>
      <Title order={3} mb={description ? 4 : 'md'}>
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
