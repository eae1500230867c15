import { Progress, Stack, Text } from '@mantine/core';
import { usePassphraseAssessment } from '../hooks/usePassphraseAssessment';

const COLORS = ['red', 'orange', 'yellow', 'teal', 'green'] as const;

interface StrengthMeterProps {
  passphrase: string;
  /** Off while the field itself shows the same reason as its error, so it is never said twice. */
  showReason?: boolean;
}

/** Five-step meter fed by the same policy the main side enforces. */
export function StrengthMeter({ passphrase, showReason = true }: StrengthMeterProps) {
  const info = usePassphraseAssessment(passphrase);
  const score = info && passphrase ? info.assessment.score : 0;
  const reason = info && passphrase && !info.assessment.acceptable ? info.assessment.reason : null;

  return (
    <Stack gap={4}>
      <Progress
        value={passphrase ? (score + 1) * 20 : 0}
        color={COLORS[score]}
        size="sm"
        aria-label="Passphrase strength"
        transitionDuration={150}
      />
      <div aria-live="polite">
        <Text size="sm" c="dimmed">
          Strength: {info ? info.label : '…'}
        </Text>
        {showReason && reason && (
          <Text size="sm" c="var(--app-color-warning-text)">
            {reason}
          </Text>
        )}
      </div>
    </Stack>
  );
}
