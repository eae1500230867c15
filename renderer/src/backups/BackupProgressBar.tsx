import { Progress, Stack, Text } from '@mantine/core';
import type { BackupProgress } from '../../../shared/backup';

interface BackupProgressBarProps {
  /** What the screen says before the first phase arrives ("Backing up…"). */
  label: string;
  progress: BackupProgress | null;
}

/** A bar with the phase in words; striped and full while the main side cannot yet say how far it is. */
export function BackupProgressBar({ label, progress }: BackupProgressBarProps) {
  const fraction = progress?.fraction ?? null;
  const phase = progress?.phase ?? label;
  return (
    <Stack gap={4}>
      <Progress
        value={fraction === null ? 100 : Math.round(fraction * 100)}
        animated={fraction === null}
        size="md"
        aria-label={label}
        transitionDuration={200}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {phase}
        {fraction !== null && fraction < 1 ? ` (${Math.round(fraction * 100)} %)` : ''}
      </Text>
    </Stack>
  );
}
