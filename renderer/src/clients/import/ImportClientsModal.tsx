import { useState } from 'react';
import { Button, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportDateFormat, ImportFile } from '../../../../shared/client-import';
import { guessMapping, mapRows, type ColumnMapping } from '../../../../shared/client-import-mapping';
import { call, errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { activityKeys, clientKeys, searchKeys } from '../../lib/query-keys';
import { clientCount, guessFileDateFormat, type WizardStep } from './import-wizard';
import { ImportMapStep } from './ImportMapStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import { ImportReportStep } from './ImportReportStep';

const STEP_TITLES: Record<WizardStep['kind'], string> = {
  choose: 'Step 1 of 4: choose the file',
  map: 'Step 2 of 4: match the columns',
  preview: 'Step 3 of 4: check the rows',
  importing: 'Importing',
  report: 'Step 4 of 4: done',
};

/**
 * Importing clients from another tool's CSV export: choose the file, match its columns, preview every
 * row with its problems, import the good rows, and see what was left out and why. Nothing is written
 * before the Import button.
 */
export function ImportClientsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [step, setStep] = useState<WizardStep>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const importing = step.kind === 'importing';

  const close = () => {
    if (importing) return;
    setStep({ kind: 'choose' });
    setError(null);
    onClose();
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const choose = () =>
    run(async () => {
      const { file } = await call('chooseClientImportFile');
      if (file) setStep(mapStep(file));
    });

  const check = (file: ImportFile, mapping: ColumnMapping, dateFormat: ImportDateFormat) =>
    run(async () => {
      const rows = mapRows(file.rows, mapping);
      const checked = await call('checkClientImport', { dateFormat, rows });
      setStep({ kind: 'preview', file, mapping, dateFormat, rows, checked });
    });

  const importRows = async (previous: Extract<WizardStep, { kind: 'preview' }>, ready: number) => {
    setError(null);
    setStep({ kind: 'importing', count: ready });
    try {
      const report = await call('importClients', { dateFormat: previous.dateFormat, rows: previous.rows });
      setStep({ kind: 'report', report });
      void queryClient.invalidateQueries({ queryKey: clientKeys.lists });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: searchKeys.all });
    } catch (caught) {
      // Nothing was imported (one transaction): back to the preview, with the reason.
      setStep(previous);
      setError(`Nothing was imported. ${errorMessage(caught)}`);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Import clients" size="72rem" closeOnEscape={!importing} closeOnClickOutside={false} withCloseButton={!importing}>
      <Stack>
        <Text size="sm" c="dimmed">
          {STEP_TITLES[step.kind]}
        </Text>
        <ErrorAlert message={error} />
        {step.kind === 'choose' && (
          <Stack align="flex-start">
            <Text size="sm">
              Choose a client list saved as CSV, exported from your previous practice tool or a spreadsheet, with a header row and one client per row. Nothing is saved until you
              confirm the import.
            </Text>
            <Button leftSection={<IconFileSpreadsheet size={18} aria-hidden />} onClick={() => void choose()} loading={busy} data-autofocus>
              Choose CSV file…
            </Button>
          </Stack>
        )}
        {step.kind === 'map' && (
          <ImportMapStep
            file={step.file}
            mapping={step.mapping}
            dateFormat={step.dateFormat}
            onChange={(next) => setStep({ ...step, ...next })}
            onBack={() => setStep({ kind: 'choose' })}
            onCheck={() => void check(step.file, step.mapping, step.dateFormat)}
            checking={busy}
          />
        )}
        {step.kind === 'preview' && (
          <ImportPreviewStep
            file={step.file}
            mapping={step.mapping}
            checked={step.checked}
            onBack={() => setStep({ kind: 'map', file: step.file, mapping: step.mapping, dateFormat: step.dateFormat })}
            onImport={() => void importRows(step, step.checked.rows.filter((row) => Object.keys(row.problems).length === 0).length)}
          />
        )}
        {step.kind === 'importing' && (
          <Stack gap="xs" role="status">
            <Text>Importing {clientCount(step.count)}…</Text>
            <Progress value={100} animated striped aria-label={`Importing ${clientCount(step.count)}`} />
          </Stack>
        )}
        {step.kind === 'report' && <ImportReportStep report={step.report} onDone={close} />}
      </Stack>
    </Modal>
  );
}

function mapStep(file: ImportFile): WizardStep {
  const mapping = guessMapping(file.headers);
  return { kind: 'map', file, mapping, dateFormat: guessFileDateFormat(file, mapping) };
}
