import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileExport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ExportDataInput } from '../../../shared/backup';
import { ApiError, call, errorMessage } from '../api';
import { activityKeys } from '../lib/query-keys';
import { ErrorAlert } from '../components/ErrorAlert';
import { BackupProgressBar } from './BackupProgressBar';
import { showFileSaved } from './file-saved-notification';
import { onSubmitShortcut, SUBMIT_SHORTCUT } from './format';
import { useBackupStatus, useExportClientOptions } from './queries';
import { useBackupSettingsLink } from './settings-link';
import { useBackupProgress } from './useBackupProgress';

type Format = ExportDataInput['formats'][number];
type Encryption = ExportDataInput['encryption'];
const FORMAT_ORDER: readonly Format[] = ['json', 'csv'];

interface ExportDataModalProps {
  opened: boolean;
  onClose: () => void;
  /** Opened from a client's page: that client is chosen to begin with. */
  clientId?: string | null;
}

/** "Export data…": the records in open formats (JSON, CSV, Markdown notes), encrypted unless the practitioner insists. */
export function ExportDataModal({ opened, onClose, clientId = null }: ExportDataModalProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={() => !busy && onClose()} closeOnEscape={!busy} withCloseButton={!busy} title="Export data" size="lg" centered>
      {opened && <ExportForm initialClientId={clientId} busy={busy} setBusy={setBusy} onClose={onClose} />}
    </Modal>
  );
}

interface ExportFormProps {
  initialClientId: string | null;
  busy: boolean;
  setBusy: (busy: boolean) => void;
  onClose: () => void;
}

interface FieldErrors {
  clientId?: string;
  formats?: string;
  confirmPlain?: string;
}

function ExportForm({ initialClientId, busy, setBusy, onClose }: ExportFormProps) {
  const queryClient = useQueryClient();
  const status = useBackupStatus();
  const clients = useExportClientOptions();
  const settingsLink = useBackupSettingsLink();
  const [scope, setScope] = useState<'practice' | 'client'>(initialClientId ? 'client' : 'practice');
  const [clientId, setClientId] = useState<string | null>(initialClientId);
  const [formats, setFormats] = useState<Format[]>(['json', 'csv']);
  const [includeProcessNotes, setIncludeProcessNotes] = useState(false);
  const [encryption, setEncryption] = useState<Encryption>('age');
  const [confirmPlain, setConfirmPlain] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [progress, resetProgress] = useBackupProgress('export');
  const passphraseMissing = status.data?.passphraseSet === false;

  const validate = (): FieldErrors => ({
    ...(scope === 'client' && clientId === null ? { clientId: 'Choose the client to export.' } : {}),
    ...(formats.length === 0 ? { formats: 'Choose at least one format.' } : {}),
    ...(encryption === 'plain' && !confirmPlain ? { confirmPlain: 'Tick this box to export without encryption.' } : {}),
  });

  const exportNow = async () => {
    if (busy) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    resetProgress();
    try {
      const input: ExportDataInput = {
        formats,
        includeProcessNotes,
        encryption,
        confirmPlain: encryption === 'plain' && confirmPlain,
        ...(scope === 'client' && clientId !== null ? { clientId } : {}),
      };
      const result = await call('exportData', input);
      if (!result.saved || result.path === null) return; // the save dialog was cancelled: stay here
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      onClose();
      showFileSaved({ title: 'Data exported', path: result.path, bytes: result.fileBytes, note: result.encrypted ? 'encrypted' : 'not encrypted' });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VALIDATION' && Object.keys(caught.fieldErrors).length > 0) {
        const { clientId: atClient, formats: atFormats, confirmPlain: atConfirm } = caught.fieldErrors;
        setErrors({ clientId: atClient, formats: atFormats, confirmPlain: atConfirm });
        if (!atClient && !atFormats && !atConfirm) setError(caught.message);
      } else {
        setError(errorMessage(caught));
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void exportNow();
  };

  const clientsError = clients.isError ? errorMessage(clients.error) : null;

  return (
    <form onSubmit={submit} onKeyDown={onSubmitShortcut(() => void exportNow())} noValidate>
      <Stack gap="md">
        <Radio.Group
          label="What to export"
          value={scope}
          onChange={(value) => {
            setScope(value === 'client' ? 'client' : 'practice');
            setErrors(({ clientId: _dropped, ...rest }) => rest);
          }}
        >
          <Stack gap={6} mt={6}>
            <Radio value="practice" label="The whole practice" description="Every client with their sessions, notes, measures and plans." data-autofocus={!initialClientId || undefined} />
            <Radio value="client" label="One client" />
          </Stack>
        </Radio.Group>
        {scope === 'client' && (
          <Select
            label="Client"
            placeholder={clients.isPending ? 'Loading clients…' : 'Choose a client'}
            data={clients.data ?? []}
            value={clientId}
            searchable
            nothingFoundMessage="No client matches"
            error={errors.clientId ?? clientsError}
            onChange={(value) => {
              setClientId(value);
              setErrors(({ clientId: _dropped, ...rest }) => rest);
            }}
            data-autofocus={initialClientId ? true : undefined}
          />
        )}

        <Checkbox.Group
          label="Formats"
          description="Notes are always included as Markdown files, one per note."
          value={formats}
          error={errors.formats}
          // Kept in a fixed order, so the same choices always make the same request.
          onChange={(picked) => {
            setFormats(FORMAT_ORDER.filter((format) => picked.includes(format)));
            setErrors(({ formats: _dropped, ...rest }) => rest);
          }}
        >
          <Stack gap={6} mt={6}>
            <Checkbox value="json" label="JSON" description="One data.json file with every record, for other software." />
            <Checkbox value="csv" label="CSV" description="One spreadsheet file per kind of record." />
          </Stack>
        </Checkbox.Group>

        <Stack gap={6}>
          <Checkbox
            label="Include private process notes"
            checked={includeProcessNotes}
            onChange={(event) => setIncludeProcessNotes(event.currentTarget.checked)}
            color="orange"
          />
          {includeProcessNotes && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs">
              <Text size="sm">Process notes are your private working notes. They will be included in the exported files.</Text>
            </Alert>
          )}
        </Stack>

        <Radio.Group
          label="Encryption"
          value={encryption}
          onChange={(value) => {
            setEncryption(value === 'plain' ? 'plain' : 'age');
            setErrors(({ confirmPlain: _dropped, ...rest }) => rest);
          }}
        >
          <Stack gap={6} mt={6}>
            <Radio
              value="age"
              label="Encrypted with your backup passphrase (recommended)"
              description="An .age file; it opens with the backup passphrase, in the age tool or in Alliance Notes."
            />
            <Radio value="plain" label="Unencrypted" description="A plain .tar file anyone can open." />
          </Stack>
        </Radio.Group>
        {encryption === 'age' && passphraseMissing && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs">
            <Text size="sm">
              No backup passphrase is set yet, so an encrypted export cannot be made.{' '}
              <Anchor size="sm" {...settingsLink}>
                Set one in Settings → Backups
              </Anchor>
              .
            </Text>
          </Alert>
        )}
        {encryption === 'plain' && (
          <Stack gap="xs">
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="This file will not be encrypted">
              <Text size="sm">
                Anyone who gets hold of the file, or of a drive or cloud folder it is copied to, can read every record in it. The
                export is recorded in the activity log.
              </Text>
            </Alert>
            <Checkbox
              label="I understand this file is not encrypted and anyone who has it can read these records"
              checked={confirmPlain}
              error={errors.confirmPlain}
              color="red"
              onChange={(event) => {
                setConfirmPlain(event.currentTarget.checked);
                setErrors(({ confirmPlain: _dropped, ...rest }) => rest);
              }}
            />
          </Stack>
        )}

        {busy && <BackupProgressBar label="Exporting…" progress={progress} />}
        <ErrorAlert title="The data was not exported" message={error} />
        <Group justify="space-between" wrap="wrap-reverse">
          <Text size="xs" c="dimmed">
            {SUBMIT_SHORTCUT} exports.
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconFileExport size={16} aria-hidden />} loading={busy}>
              Export…
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
