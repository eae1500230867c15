import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useGuardedLink } from '../navigation/navigation-guard';
import { useSettings } from '../lib/settings-query';
import { RISK_ACTION_NEEDED } from './sections/note-extras';

interface SignNoteModalProps {
  opened: boolean;
  onClose: () => void;
  /** True while the risk section would make the service refuse. */
  riskActionMissing: boolean;
  /** Saves what is left and signs; throws ApiError on refusal. */
  onSign: () => Promise<void>;
  /** A field message from the service for the risk action, shown in the Risk section as well. */
  onRiskActionRefused: (message: string) => void;
}

/** Confirms who signs and that the note becomes read-only; refuses early when the risk rule fails. */
export function SignNoteModal({ opened, onClose, riskActionMissing, onSign, onRiskActionRefused }: SignNoteModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Sign note" centered>
      {opened && <SignNoteBody onClose={onClose} riskActionMissing={riskActionMissing} onSign={onSign} onRiskActionRefused={onRiskActionRefused} />}
    </Modal>
  );
}

function SignNoteBody({ onClose, riskActionMissing, onSign, onRiskActionRefused }: Omit<SignNoteModalProps, 'opened'>) {
  const settings = useSettings();
  const link = useGuardedLink();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = settings.data?.practitionerName.trim() ?? '';
  const credentials = settings.data?.credentials.trim() ?? '';

  const sign = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSign();
    } catch (caught) {
      const riskMessage = caught instanceof ApiError ? caught.fieldErrors['risk.action'] : undefined;
      if (riskMessage) onRiskActionRefused(riskMessage);
      const fieldMessages = caught instanceof ApiError ? Object.values(caught.fieldErrors) : [];
      setError(fieldMessages.length > 0 ? fieldMessages.join(' ') : errorMessage(caught));
      setBusy(false);
    }
  };

  const blocked = riskActionMissing || (settings.isSuccess && name === '');
  return (
    <Stack>
      <ErrorAlert message={error} />
      {settings.isPending && <Skeleton height={40} aria-label="Loading your name" />}
      {settings.isError && <ErrorAlert message={errorMessage(settings.error)} />}
      {settings.isSuccess && name === '' && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />} title="Your name is missing">
          Notes are signed with the name and credentials in Settings.{' '}
          <Anchor {...link('/settings')}>Add them in Settings</Anchor>; this draft is saved.
        </Alert>
      )}
      {settings.isSuccess && name !== '' && (
        <Text>
          You are signing as <strong>{name}</strong>
          {credentials && `, ${credentials}`}.
        </Text>
      )}
      {riskActionMissing && (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />}>
          {RISK_ACTION_NEEDED}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        A signed note can no longer be edited. Later corrections are added as dated, signed addenda; the original stays as it was.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={() => void sign()} loading={busy} disabled={blocked} data-autofocus>
          Sign note
        </Button>
      </Group>
    </Stack>
  );
}
