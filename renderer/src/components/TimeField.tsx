import { useState, type FocusEvent, type SyntheticEvent } from 'react';
import { TimeInput, type TimeInputProps } from '@mantine/dates';

/**
 * What a time field holds when the browser could not read what was typed (an hour with no minutes).
 * The browser reports that as '', the same as no time at all, which would save the session with no time;
 * this fails the contract's time rule instead, so the form says "Enter a time such as 14:30.".
 */
export const UNREADABLE_TIME = 'unreadable-time';

export const UNREADABLE_TIME_MESSAGE = 'That time is not complete. Enter a time such as 14:30.';

export interface TimeFieldProps extends Omit<TimeInputProps, 'value' | 'defaultValue' | 'onChange' | 'error'> {
  /** `HH:MM`, '' for no time, or UNREADABLE_TIME. */
  value: string;
  error: string | null | undefined;
  onChange: (value: string) => void;
  /** Called as soon as the value changes, so a stale message never sits under a corrected time. */
  onClearError: () => void;
}

/** A 24-hour HH:MM time, typed or stepped with the arrow keys, that drops its error once edited. */
export function TimeField({ value, error, onChange, onClearError, onBlur, ...props }: TimeFieldProps) {
  const [leftUnreadable, setLeftUnreadable] = useState(false);
  // The browser fires no input event while a time it cannot read is being typed, so keys are watched too.
  const sync = (event: SyntheticEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const next = input.validity.badInput ? UNREADABLE_TIME : input.value;
    if (next === value) return;
    onChange(next);
    onClearError();
    setLeftUnreadable(false);
  };
  const unreadable = value === UNREADABLE_TIME;
  return (
    <TimeInput
      {...props}
      // '' never overwrites the typed parts: React leaves a time input alone when its value is already ''.
      value={unreadable ? '' : value}
      error={unreadable && (error || leftUnreadable) ? UNREADABLE_TIME_MESSAGE : error}
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
