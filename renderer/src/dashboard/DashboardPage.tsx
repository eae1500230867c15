import { Stack, Title } from '@mantine/core';
import { NeedsSigningSection } from './NeedsSigningSection';

/**
 * The practice at a glance. It may be on screen with someone else in the room, so its lists name
 * clients by code only. Further sections (measures, backups) stack below this one.
 */
export function DashboardPage() {
  return (
    <Stack gap="lg" maw={860}>
      <Title order={1}>Dashboard</Title>
      <NeedsSigningSection />
    </Stack>
  );
}
