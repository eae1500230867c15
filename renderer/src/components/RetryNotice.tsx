import { Text } from '@mantine/core';

/** The live "wait" line shown while the main side is refusing attempts after too many wrong ones. */
export function RetryNotice({ seconds }: { seconds: number }) {
  if (seconds <= 0) return null;
  return (
    <Text size="sm" c="dimmed" aria-live="polite">
      Try again in {seconds} s
    </Text>
  );
}
