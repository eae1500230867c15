import { Alert, List, Stack, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import type { ActivityLogVerdict } from '../../../shared/clients';
import { describeMismatch } from '../../../shared/record-words';

/**
 * The answer of "Verify records": the activity log's chain, and every signed note and addendum whose
 * recomputed hash does not match, each named by client code and session date.
 */
export function RecordsVerdictAlert({ verdict }: { verdict: ActivityLogVerdict }) {
  const unlisted = verdict.mismatchCount - verdict.mismatches.length;
  return (
    <Alert
      color={verdict.intact ? 'teal' : 'red'}
      variant="light"
      icon={verdict.intact ? <IconShieldCheck aria-hidden /> : <IconShieldX aria-hidden />}
      title={verdict.intact ? 'The records are intact' : 'Records have been altered outside Alliance Notes'}
    >
      {verdict.intact || verdict.mismatchCount === 0 ? (
        <Text size="sm">{verdict.message}</Text>
      ) : (
        <Stack gap="xs">
          {verdict.logProblem !== null && <Text size="sm">{verdict.logProblem}</Text>}
          <Text size="sm">
            {verdict.mismatchCount === 1 ? 'One signed record does not match:' : `${verdict.mismatchCount.toLocaleString('en')} signed records do not match:`}
          </Text>
          <List size="sm" aria-label="Signed records that do not match">
            {verdict.mismatches.map((mismatch, index) => (
              <List.Item key={index}>{describeMismatch(mismatch)}</List.Item>
            ))}
          </List>
          {unlisted > 0 && <Text size="sm">…and {unlisted.toLocaleString('en')} more.</Text>}
        </Stack>
      )}
    </Alert>
  );
}
