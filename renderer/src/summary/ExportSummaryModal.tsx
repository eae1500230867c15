import { useMemo, useState, type KeyboardEvent } from 'react';
import { Button, Center, Grid, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileExport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { Client } from '../../../shared/clients';
import type { SummaryChoices } from '../../../shared/progress-summary';
import { ApiError, call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { activityKeys } from '../lib/query-keys';
import { PagePreview } from './PagePreview';
import { useSummaryChoices, useSummaryPreview } from './queries';
import { showSummarySaved } from './summary-saved-notification';
import { SummaryOptionsFields } from './SummaryOptionsFields';
import { initialValues, toOptions, validate, type SummaryFieldErrors, type SummaryFormValues } from './summary-options';

/** How long the options must rest before a new preview is asked for. */
const PREVIEW_DELAY_MS = 400;
const PAPER_LABELS = { A4: 'A4', Letter: 'US Letter' } as const;
const FORM_FIELDS = ['from', 'to', 'excerptSections'] as const;
const EXPORT_SHORTCUT = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘Enter' : 'Ctrl+Enter';

interface ExportSummaryModalProps {
  client: Client;
  opened: boolean;
  onClose: () => void;
}

/** "Export progress summary…": choose the span and the parts, see page one, then save a PDF. */
export function ExportSummaryModal({ client, opened, onClose }: ExportSummaryModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Export progress summary" size={1100} centered>
      {opened && <ExportSummaryContent client={client} onClose={onClose} />}
    </Modal>
  );
}

function ExportSummaryContent({ client, onClose }: { client: Client; onClose: () => void }) {
  const choices = useSummaryChoices(client.id);
  if (choices.isError) {
    return (
      <Stack>
        <ErrorAlert title="The summary options could not be loaded" message={errorMessage(choices.error)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    );
  }
  if (!choices.data) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading the summary options" />
      </Center>
    );
  }
  return <ExportSummaryForm client={client} choices={choices.data} onClose={onClose} />;
}

/** The service's per-field messages for this form's fields. */
function fieldErrorsOf(caught: unknown): SummaryFieldErrors {
  const found: SummaryFieldErrors = {};
  if (!(caught instanceof ApiError) || caught.code !== 'VALIDATION') return found;
  for (const field of FORM_FIELDS) {
    const message = caught.fieldErrors[field];
    if (message) found[field] = message;
  }
  return found;
}

function ExportSummaryForm({ client, choices, onClose }: { client: Client; choices: SummaryChoices; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SummaryFormValues>(() => initialValues(choices, client.intakeDate));
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  const localErrors = useMemo(() => validate(values), [values]);
  const valid = Object.keys(localErrors).length === 0;
  const options = useMemo(
    () => (valid ? toOptions(client.id, values, choices.hasProcessNotes) : null),
    [valid, client.id, values, choices.hasProcessNotes],
  );
  // The first preview is asked for at once; later ones once the choices have rested (the latest wins).
  const [settled] = useDebouncedValue(options, PREVIEW_DELAY_MS);
  const preview = useSummaryPreview(settled);

  // Local rules first; then what the service said about the preview or the export.
  const errors: SummaryFieldErrors = { ...fieldErrorsOf(preview.error), ...fieldErrorsOf(exportError), ...localErrors };
  const previewError = preview.isError ? errorMessage(preview.error) : null;

  const change = (next: Partial<SummaryFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setExportError(null);
  };

  const exportNow = async () => {
    if (options === null || exporting) return;
    setExporting(true);
    setExportError(null);
    try {
      const result = await call('exportProgressSummary', options);
      if (!result.saved || result.path === null) return; // the save dialog was cancelled: stay here
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      onClose();
      showSummarySaved(result.path, result.pageCount);
    } catch (caught) {
      setExportError(caught);
    } finally {
      setExporting(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      void exportNow();
    }
  };

  const exportMessage = exportError === null ? null : errorMessage(exportError);

  return (
    <Stack gap="md" onKeyDown={onKeyDown}>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SummaryOptionsFields values={values} errors={errors} choices={choices} onChange={change} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }} style={{ alignSelf: 'stretch' }}>
          <PagePreview
            pdfBase64={options === null ? null : (preview.data?.pdfBase64 ?? null)}
            pageCount={preview.data?.pageCount ?? null}
            paperSize={choices.paperSize}
            pending={options !== null && (preview.isFetching || settled !== options)}
            error={previewError}
            notice={options === null ? 'Correct the choices marked in red to see the preview.' : null}
          />
        </Grid.Col>
      </Grid>
      <ErrorAlert title="The summary was not exported" message={exportMessage} />
      <Group justify="space-between" wrap="wrap-reverse">
        <Text size="xs" c="dimmed">
          {PAPER_LABELS[choices.paperSize]} paper (change it in Settings, Practice details). {EXPORT_SHORTCUT} exports.
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button leftSection={<IconFileExport size={16} aria-hidden />} disabled={options === null} loading={exporting} onClick={() => void exportNow()}>
            Export…
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
