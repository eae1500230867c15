import { List, Stack, Text } from '@mantine/core';
import { ENGAGEMENT_MEASURE_ID } from '../../../shared/engagement-flag';

/**
 * An open alert's reason in the caseload's alerts column. Most are one sentence naming their measure.
 * The engagement flag holds one reason a line and names no measure, so it gets its name and each
 * reason as an item of its own, rather than sentences run together.
 */
export function AlertReason({ alert }: { alert: { key: string; reason: string } }) {
  const lines = alert.reason.split('\n').filter((line) => line.trim() !== '');
  const engagement = alert.key.startsWith(`${ENGAGEMENT_MEASURE_ID}|`);
  if (!engagement && lines.length <= 1) return <Text size="xs">{alert.reason}</Text>;
  return (
    <Stack gap={2}>
      {engagement && (
        <Text size="xs" fw={600}>
          Engagement
        </Text>
      )}
      {lines.length === 1 ? (
        <Text size="xs">{lines[0]}</Text>
      ) : (
        <List size="xs" spacing={2} withPadding={false} styles={{ root: { paddingInlineStart: 14 } }}>
          {lines.map((line, index) => (
            <List.Item key={index}>{line}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
