import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IMPORT_DATE_FORMAT_LABELS, IMPORT_FIELD_LABELS, importDateFormats, importFields, type ImportDateFormat, type ImportField, type ImportFile } from '../../../../shared/client-import';
import { mappingProblems, type ColumnMapping } from '../../../../shared/client-import-mapping';
import { dateSamples, sampleReading } from './import-wizard';

const DONT_IMPORT = 'none';
const FIELD_OPTIONS = [{ value: DONT_IMPORT, label: "Don't import" }, ...importFields.map((field) => ({ value: field, label: IMPORT_FIELD_LABELS[field] }))];
const FORMAT_OPTIONS = importDateFormats.map((format) => ({ value: format, label: IMPORT_DATE_FORMAT_LABELS[format] }));

interface ImportMapStepProps {
  file: ImportFile;
  mapping: ColumnMapping;
  dateFormat: ImportDateFormat;
  onChange: (next: { mapping: ColumnMapping; dateFormat: ImportDateFormat }) => void;
  onBack: () => void;
  onCheck: () => void;
  checking: boolean;
}

/** Step 2: which column goes to which field (guesses preselected), and how the file writes its dates. */
export function ImportMapStep({ file, mapping, dateFormat, onChange, onBack, onCheck, checking }: ImportMapStepProps) {
  const problems = mappingProblems(file.headers, mapping);
  const blocked = problems.general !== null || Object.keys(problems.columns).length > 0;
  const samples = dateSamples(file, mapping);
  const example = (column: number) => file.rows.find((row) => (row[column] ?? '').trim() !== '')?.[column] ?? '';
  const setField = (column: number, value: string | null) => {
    const next = [...mapping];
    next[column] = value === null || value === DONT_IMPORT ? null : (value as ImportField);
    onChange({ mapping: next, dateFormat });
  };

  return (
    <Stack>
      <Text size="sm">
        <bdi>{file.fileName}</bdi> has {file.rows.length.toLocaleString()} {file.rows.length === 1 ? 'row' : 'rows'}. Choose what each column holds; columns set to Don&apos;t import are
        left out.
      </Text>
      <Table.ScrollContainer type="native" minWidth={560} tabIndex={0} role="region" aria-label="Columns of the file">
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Column in the file</Table.Th>
              <Table.Th scope="col">First value</Table.Th>
              <Table.Th scope="col">Import as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.headers.map((header, column) => (
              <Table.Tr key={column}>
                <Table.Th scope="row" fw={500}>
                  <bdi>{header}</bdi>
                </Table.Th>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1} dir="auto">
                    {example(column) || '—'}
                  </Text>
                </Table.Td>
                <Table.Td miw={220}>
                  <Select
                    aria-label={`Import column “${header}” as`}
                    data={FIELD_OPTIONS}
                    value={mapping[column] ?? DONT_IMPORT}
                    onChange={(value) => setField(column, value)}
                    allowDeselect={false}
                    error={problems.columns[column]}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {samples.length > 0 && (
        <Select
          label="How the file writes dates"
          description={`First dates in the file: ${samples.map((sample) => sampleReading(sample, dateFormat)).join('; ')}`}
          data={FORMAT_OPTIONS}
          value={dateFormat}
          onChange={(value) => value && onChange({ mapping, dateFormat: value as ImportDateFormat })}
          allowDeselect={false}
          maw={420}
        />
      )}
      {problems.general && (
        <Alert color="yellow" variant="light">
          {problems.general}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Choose another file
        </Button>
        <Button onClick={onCheck} disabled={blocked} loading={checking}>
          Check rows
        </Button>
      </Group>
    </Stack>
  );
}
