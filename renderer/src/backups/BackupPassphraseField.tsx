import { PasswordInput } from '@mantine/core';

interface BackupPassphraseFieldProps {
  value: string;
  error: string | null;
  disabled: boolean;
  /** Whether Settings holds a backup passphrase the field may be left empty for; null when unknown. */
  passphraseSaved: boolean | null;
  onChange: (value: string) => void;
}

/** The passphrase a backup was made with; empty means the one saved in Settings, where there is one. */
export function BackupPassphraseField({ value, error, disabled, passphraseSaved, onChange }: BackupPassphraseFieldProps) {
  return (
    <PasswordInput
      label="Backup passphrase"
      description={
        passphraseSaved === false
          ? 'The passphrase this backup was made with.'
          : 'Leave empty to use the backup passphrase saved in Settings. Enter one if this backup was made with another.'
      }
      autoComplete="off"
      value={value}
      error={error}
      disabled={disabled}
      onChange={(event) => onChange(event.currentTarget.value)}
      data-autofocus
    />
  );
}
