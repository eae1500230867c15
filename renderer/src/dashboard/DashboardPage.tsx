import { Stack, Title } from '@mantine/core';
import { AgendaSection } from './AgendaSection';
import { NeedsSigningSection } from './NeedsSigningSection';
import { OverdueSection } from './OverdueSection';
import { PracticeOverviewSection } from './PracticeOverviewSection';
import { ReviewsDueSection } from './ReviewsDueSection';
import { BackupOverdueAlert } from '../backups/BackupOverdueAlert';

/**
 * The practice at a glance. It may be on screen with someone else in the room, so its lists name
 * clients by code only; the day's appointments are the one exception, since a practitioner needs to
 * know who is coming. A missing or overdue backup is said first, then the week's appointments, the
 * caseload with its alerts, and who is overdue for a session.
 */
export function DashboardPage() {
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>Dashboard</Title>
      <BackupOverdueAlert />
      <AgendaSection />
      <PracticeOverviewSection />
      <OverdueSection />
      <NeedsSigningSection />
      <ReviewsDueSection />
    </Stack>
  );
}
