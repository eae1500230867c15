import type { ReactNode } from 'react';
import { Box, Group, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';

interface CenteredCardProps {
  title: string;
  children: ReactNode;
  width?: number;
}

/** The calm, single-card layout shared by every screen shown before the vault is open. */
export function CenteredCard({ title, children, width = 460 }: CenteredCardProps) {
  return (
    <Box component="main" className="centered-page">
      <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={width} className="centered-card">
        <Group gap="xs" mb="lg" className="no-print">
          <ThemeIcon variant="light" radius="xl" size="lg" aria-hidden>
            <IconShieldLock size={20} />
          </ThemeIcon>
          <Text fw={600} c="dimmed">
            Alliance Notes
          </Text>
        </Group>
        <Title order={1} size="h2" mb="sm">
          {title}
        </Title>
        {children}
      </Paper>
    </Box>
  );
}
