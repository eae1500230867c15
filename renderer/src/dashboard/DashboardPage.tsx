import { Stack, Title } from '@mantine/core';
import { NeedsSigningSection } from './NeedsSigningSection';
import { PracticeOverviewSection } from './PracticeOverviewSection';
import { ReviewsDueSection } from './ReviewsDueSection';
import { BackupOverdueAlert } from '../backups/BackupOverdueAlert';

/**
 * The practice at a glance. It may be on screen with someone else in the room, so its lists name
 * clients by code only. A missing or overdue backup is said first, then the caseload with its alerts.
 */
export function DashboardPage() {
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>Dashboard</Title>
      <BackupOverdueAlert />
      <PracticeOverviewSection />
      <NeedsSigningSection />
      <ReviewsDueSection />
    </Stack>
  );
}
