import { Stack, Title } from '@mantine/core';
import { NeedsSigningSection } from './NeedsSigningSection';
import { PracticeOverviewSection } from './PracticeOverviewSection';
import { ReviewsDueSection } from './ReviewsDueSection';

/**
 * The practice at a glance. It may be on screen with someone else in the room, so its lists name
 * clients by code only. The caseload with its alerts comes first; backups will add a section.
 */
export function DashboardPage() {
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>Dashboard</Title>
      <PracticeOverviewSection />
      <NeedsSigningSection />
      <ReviewsDueSection />
    </Stack>
  );
}
