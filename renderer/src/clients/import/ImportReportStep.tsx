import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ImportReport } from '../../../../shared/client-import';
import { describeRowProblems } from '../../../../shared/client-import-rules';
import { clientCount } from './import-wizard';

/** Step 4: how many were imported, and each row left out with why. */
export function ImportReportStep({ report, onDone }: { report: ImportReport; onDone: () => void }) {
  return (
    <Stack>
      <div role="status">
        <Title order={3} size="h4">
          {report.imported === 0 ? 'No clients were imported' : `${clientCount(report.imported)} imported`}
        </Title>
        {report.imported > 0 && <Text size="sm">They are on the client list, and the activity log records the import (the number of clients only).</Text>}
      </div>
      {report.skipped.length > 0 && (
        <section aria-labelledby="import-skipped-heading">
          <Text id="import-skipped-heading" fw={600} mb="xs">
            {report.skipped.length === 1 ? '1 row was not imported' : `${report.skipped.length.toLocaleString()} rows were not imported`}
          </Text>
          <List size="sm" spacing={4}>
            {report.skipped.map(({ index, problems }) => (
              <List.Item key={index}>{describeRowProblems(index, problems)}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed" mt="xs">
            Fix these rows in the file and import it again: the clients imported now will be recognised and not added twice.
          </Text>
        </section>
      )}
      <Group justify="flex-end">
        <Button onClick={onDone} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
