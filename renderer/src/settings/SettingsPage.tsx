import { useCallback, useState } from 'react';
import { Stack, Title } from '@mantine/core';
import { ActivityLogSection } from './ActivityLogSection';
import { AutoLockForm } from './AutoLockForm';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { ProtectionSection } from './ProtectionSection';
import { RecoveryKeySection } from './RecoveryKeySection';
import { NoteTemplatesSection } from './templates/NoteTemplatesSection';
import { CustomMeasuresSection } from './measures/CustomMeasuresSection';
import { ItemNamesSection } from './measures/ItemNamesSection';
import { PracticeSection } from './PracticeSection';
import { PrescriberSection } from './PrescriberSection';
import { BackupSection } from './BackupSection';
import { AppearanceSection } from './AppearanceSection';
import { EngagementSection } from './EngagementSection';

/** Settings: who signs notes, security and backups, which are what a practitioner needs to trust the app, and the records' activity log. */
export function SettingsPage() {
  // Bumped after a change so the protection summary shows the new dates.
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((value) => value + 1), []);

  return (
    <Stack gap="lg" maw={860}>
      <Title order={1}>Settings</Title>
      <Title order={2}>Practice</Title>
      <PracticeSection />
      <PrescriberSection />
      <EngagementSection />
      <AppearanceSection />
      <Title order={2}>Security</Title>
      <ProtectionSection version={version} />
      <ChangePassphraseForm onChanged={changed} />
      <AutoLockForm />
      <RecoveryKeySection onChanged={changed} />
      <Title order={2}>Backups</Title>
      <BackupSection />
      <Title order={2}>Notes</Title>
      <NoteTemplatesSection />
      <CustomMeasuresSection />
      <ItemNamesSection />
      <Title order={2}>Records</Title>
      <ActivityLogSection />
    </Stack>
  );
}
