import { useState } from 'react';
import { Badge, Button, Group, Pagination, Stack, Switch, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { IMPORT_FIELD_LABELS, type CheckedImport, type ImportFile } from '../../../../shared/client-import';
import type { ColumnMapping } from '../../../../shared/client-import-mapping';
import { clientCount, problemsByColumn } from './import-wizard';
import classes from './ImportPreview.module.css';

const PAGE_SIZE = 50;

interface ImportPreviewStepProps {
  file: ImportFile;
  mapping: ColumnMapping;
  checked: CheckedImport;
  onBack: () => void;
  onImport: () => void;
}

/** Step 3: every row as it will be read, its problems marked at the cell, and how many are ready. */
export function ImportPreviewStep({ file, mapping, checked, onBack, onImport }: ImportPreviewStepProps) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(1);
  const withProblems = checked.rows.filter((row) => Object.keys(row.problems).length > 0).length;
  const ready = checked.rows.length - withProblems;
  const columns = mapping.flatMap((field, index) => (field === null ? [] : [{ index, field }]));
  const shown = checked.rows.map((row, index) => ({ index, problems: row.problems })).filter((row) => !onlyProblems || Object.keys(row.problems).length > 0);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const onPage = shown.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);

  return (
    <Stack>
      <div role="status">
        <Text fw={600}>
          {ready.toLocaleString()} ready, {withProblems.toLocaleString()} with problems
        </Text>
        <Text size="sm" c="dimmed">
          {withProblems > 0 ? 'Rows with problems are left out. You can fix them in the file and import it again later: clients already imported are recognised and not added twice.' : 'Every row can be imported.'}
        </Text>
      </div>
      {withProblems > 0 && (
        <Switch
          label="Show only rows with problems"
          checked={onlyProblems}
          onChange={(event) => {
            setOnlyProblems(event.currentTarget.checked);
            setPage(1);
          }}
        />
      )}
      {/* Focusable, so the rows can be scrolled sideways from the keyboard. */}
      <Table.ScrollContainer type="native" minWidth={Math.max(560, 160 * columns.length)} tabIndex={0} role="region" aria-label="Rows to import" className={classes.scroller}>
        <Table verticalSpacing="xs" captionSide="top">
          <Table.Caption style={{ textAlign: 'start' }}>Rows to import</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              {columns.map(({ index, field }) => (
                <Table.Th key={index} scope="col">
                  {IMPORT_FIELD_LABELS[field]}
                </Table.Th>
              ))}
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {onPage.map(({ index, problems }) => {
              const marked = problemsByColumn(mapping, problems);
              const hasProblems = Object.keys(problems).length > 0;
              return (
                <Table.Tr key={index} aria-label={`Row ${index + 1}`}>
                  <Table.Th scope="row">{index + 1}</Table.Th>
                  {columns.map(({ index: column }) => {
                    const messages = marked.columns.get(column);
                    const cell = file.rows[index]?.[column] ?? '';
                    return (
                      <Table.Td key={column} className={messages ? classes.problemCell : undefined}>
                        <Text size="sm" dir="auto">
                          {cell}
                        </Text>
                        {messages?.map((message) => (
                          <Text key={message} size="xs" className={classes.problemText}>
                            <IconAlertTriangle size={12} aria-hidden /> {message}
                          </Text>
                        ))}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    {hasProblems ? (
                      <Badge color="red" variant="light" tt="none">
                        Not imported
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light" tt="none">
                        Ready
                      </Badge>
                    )}
                    {marked.row.map((message) => (
                      <Text key={message} size="xs" className={classes.problemText}>
                        {message}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} aria-label="Pages of rows" />}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Back to the columns
        </Button>
        <Button onClick={onImport} disabled={ready === 0}>
          Import {clientCount(ready)}
        </Button>
      </Group>
    </Stack>
  );
}
