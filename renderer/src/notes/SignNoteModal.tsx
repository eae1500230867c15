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
  /** Why signing must wait for a fix in the note itself (a number that breaks its rule), or null. */
  blockedBy?: string | null;
  /** Every field message of a refusal, for the sections that show them at their fields. */
  onFieldErrors?: (fieldErrors: Record<string, string>) => void;
}

/** The medication review's messages name fields of one medication or change, so they are read there. */
const REVIEW_PREFIX = 'medicationReview.';
const REVIEW_REFUSED = 'Some answers in the medication review need attention before signing; each message is shown at its field in the note.';

/** Confirms who signs and that the note becomes read-only; refuses early when the risk rule fails. */
export function SignNoteModal({ opened, ...props }: SignNoteModalProps) {
  return (
    <Modal opened={opened} onClose={props.onClose} title="Sign note" centered>
      {opened && <SignNoteBody {...props} />}
    </Modal>
  );
}

function SignNoteBody({ onClose, riskActionMissing, onSign, onRiskActionRefused, blockedBy = null, onFieldErrors }: Omit<SignNoteModalProps, 'opened'>) {
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
      const fieldErrors = caught instanceof ApiError ? caught.fieldErrors : {};
      onFieldErrors?.(fieldErrors);
      const keys = Object.keys(fieldErrors);
      const fieldMessages = [
        ...keys.filter((key) => !key.startsWith(REVIEW_PREFIX)).map((key) => fieldErrors[key]!),
        ...(keys.some((key) => key.startsWith(REVIEW_PREFIX)) ? [REVIEW_REFUSED] : []),
      ];
      setError(fieldMessages.length > 0 ? fieldMessages.join(' ') : errorMessage(caught));
      setBusy(false);
    }
  };

  const blocked = riskActionMissing || blockedBy !== null || (settings.isSuccess && name === '');
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
      {blockedBy !== null && (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />}>
          {blockedBy}
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
