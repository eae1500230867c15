import { useEffect, useState } from 'react';
import { DataList, Skeleton, Stack } from '@mantine/core';
import type { VaultProtection } from '../../../shared/contract';
import { call, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SettingsSection } from './SettingsSection';
import { formatLongDateTime } from '../lib/dates';

/** Plain facts about the encryption, so a practitioner can answer "how is my data protected?". */
export function ProtectionSection({ version }: { version: number }) {
  const [protection, setProtection] = useState<VaultProtection | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    call('describeVaultProtection').then(
      (value) => !cancelled && setProtection(value),
      (caught: unknown) => !cancelled && setError(errorMessage(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [version]);

  const rows: [string, string][] = protection
    ? [
        ['Location', protection.location],
        ['Database cipher', protection.databaseCipher],
        ['Key wrapping', protection.keyWrapping],
        ['Argon2id memory', `${protection.kdf.memoryMiB} MiB`],
        ['Argon2id iterations', String(protection.kdf.iterations)],
        ['Argon2id parallelism', String(protection.kdf.parallelism)],
        ['Created', formatLongDateTime(protection.createdAt)],
        ['Passphrase last changed', formatLongDateTime(protection.passphraseChangedAt)],
        ['Recovery key created', formatLongDateTime(protection.recoveryKeyCreatedAt)],
        [
          'Recovery key confirmed',
          protection.recoveryKeyConfirmedAt ? formatLongDateTime(protection.recoveryKeyConfirmedAt) : 'Not yet confirmed',
        ],
      ]
    : [];

  return (
    <SettingsSection
      title="How your vault is protected"
      description="Everything is encrypted on this computer. Your passphrase (or recovery key) unlocks the key that opens the database."
    >
      <ErrorAlert message={error} />
      {!protection && !error && (
        <Stack gap="xs" aria-busy="true" aria-label="Loading protection details">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} height={16} />
          ))}
        </Stack>
      )}
      {protection && (
        <DataList labelWidth={200} withDivider>
          {rows.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      )}
    </SettingsSection>
  );
}
