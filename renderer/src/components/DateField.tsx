import { useState, type FocusEvent, type SyntheticEvent } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { UNREADABLE_DATE, UNREADABLE_DATE_MESSAGE } from './typed-date';

export interface DateFieldProps extends Omit<TextInputProps, 'type' | 'value' | 'onChange' | 'error'> {
  value: string;
  error: string | null | undefined;
  /** Called with the new `YYYY-MM-DD` value, '' when cleared, or UNREADABLE_DATE (see typed-date.ts). */
  onChange: (value: string) => void;
  /** Called as soon as the value changes, so a stale message never sits under a corrected date. */
  onClearError: () => void;
}

/**
 * A native date input (keyboard entry, the OS's own picker) that drops its error once edited. A date
 * the browser cannot read (30 February, a missing year) reaches the form as UNREADABLE_DATE, and the
 * field says what is wrong with it instead of any other message, while the typed parts stay on screen.
 */
export function DateField({ value, error, onChange, onClearError, onBlur, ...props }: DateFieldProps) {
  const [leftUnreadable, setLeftUnreadable] = useState(false);
  // The browser fires no input event while a date it cannot read is being typed, so keys are watched too.
  const sync = (event: SyntheticEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const next = input.validity.badInput ? UNREADABLE_DATE : input.value;
    if (next === value) return;
    onChange(next);
    onClearError();
    setLeftUnreadable(false);
  };
  const unreadable = value === UNREADABLE_DATE;
  return (
    <TextInput
      {...props}
      type="date"
      // '' never overwrites the typed parts: React leaves a date input alone when its value is already ''.
      value={unreadable ? '' : value}
      error={unreadable && (error || leftUnreadable) ? UNREADABLE_DATE_MESSAGE : error}
      onChange={sync}
      onKeyUp={sync}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        sync(event);
        setLeftUnreadable(event.currentTarget.validity.badInput);
        onBlur?.(event);
      }}
    />
  );
}
