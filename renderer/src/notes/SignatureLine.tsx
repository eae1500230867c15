import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconSignature } from '@tabler/icons-react';
import type { Note } from '../../../shared/notes';
import { formatDateTime } from '../lib/dates';

interface SignatureLineProps {
  label: string;
  signedAt: string;
  signedBy: NonNullable<Note['signedBy']>;
  /** SHA-256 over the canonical content, shown whole so a printed copy can be checked against it. */
  hash: string;
}

/** "Signed by … on …" with the content's SHA-256 and a button to copy it. */
export function SignatureLine({ label, signedAt, signedBy, hash }: SignatureLineProps) {
  const who = signedBy.credentials ? `${signedBy.name}, ${signedBy.credentials}` : signedBy.name;
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <IconSignature size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <div style={{ minWidth: 0 }}>
        <Text size="sm">
          {label} by <bdi>{who}</bdi> on {formatDateTime(signedAt)}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }} aria-label="SHA-256 of the signed content">
            SHA-256 {hash}
          </Text>
          <CopyButton value={hash}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy SHA-256'}>
                <ActionIcon variant="subtle" size="sm" onClick={copy} aria-label="Copy SHA-256">
                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </div>
    </Group>
  );
}
