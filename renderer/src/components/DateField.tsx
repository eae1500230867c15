import { TextInput, type TextInputProps } from '@mantine/core';

export interface DateFieldProps extends Omit<TextInputProps, 'type' | 'value' | 'onChange' | 'error'> {
  value: string;
  error: string | null;
  /** Called with the new `YYYY-MM-DD` value (or '' when cleared). */
  onChange: (value: string) => void;
  /** Called as soon as the value changes, so a stale message never sits under a corrected date. */
  onClearError: () => void;
}

/** A native date input (keyboard entry, the OS's own picker) that drops its error once edited. */
export function DateField({ value, error, onChange, onClearError, ...props }: DateFieldProps) {
  return (
    <TextInput
      {...props}
      type="date"
      value={value}
      error={error}
      onChange={(event) => {
        onChange(event.currentTarget.value);
        onClearError();
      }}
    />
  );
}
