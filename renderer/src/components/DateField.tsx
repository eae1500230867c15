import { useId, useState, type FocusEvent } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { readTypedDate, UNREADABLE_DATE, UNREADABLE_DATE_MESSAGE } from './typed-date';
import { CalendarButton } from './CalendarButton';

export interface DateFieldProps extends Omit<TextInputProps, 'type' | 'value' | 'onChange' | 'error'> {
  value: string;
  error: string | null | undefined;
  /** Called with the new `YYYY-MM-DD` value, '' when cleared, or UNREADABLE_DATE (see typed-date.ts). */
  onChange: (value: string) => void;
  /** Called as soon as the value changes, so a stale message never sits under a corrected date. */
  onClearError: () => void;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date typed as YYYY-MM-DD or picked from a calendar (@mantine/dates), dropping its error once edited.
 * Both ways give the form the same `YYYY-MM-DD` value. Typed text is read strictly (readTypedDate): a day
 * that does not exist or a part left out reaches the form as UNREADABLE_DATE, the field says so instead
 * of any other message, and the text stays as typed to be corrected.
 *
 * The field keeps its own text rather than using DateInput, whose text cannot be reset from outside
 * while its value stays empty (a form cleared after 30 February was typed), whose dropdown opens on
 * every focus and covers the fields below, and whose days cannot take keyboard focus.
 * `min` and `max` bound the calendar's days only; a typed date is checked by the form, which says why.
 */
export function DateField({ value, error, onChange, onClearError, onBlur, min, max, id, ...props }: DateFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const [text, setText] = useState(value === UNREADABLE_DATE ? '' : value);
  const [shownValue, setShownValue] = useState(value);
  const [leftUnreadable, setLeftUnreadable] = useState(false);
  // A value set from outside (a reset, a saved record loaded) replaces the text; one read from it leaves it as typed.
  if (value !== shownValue) {
    setShownValue(value);
    if (value !== UNREADABLE_DATE && value !== readTypedDate(text)) setText(value);
  }
  const report = (next: string) => {
    setLeftUnreadable(false);
    if (next === value) return;
    onChange(next);
    onClearError();
  };
  const unreadable = value === UNREADABLE_DATE;
  const day = ISO_DAY.test(value) ? value : null;
  return (
    <TextInput
      placeholder="YYYY-MM-DD"
      autoComplete="off"
      spellCheck={false}
      {...props}
      id={inputId}
      value={text}
      error={unreadable && (error || leftUnreadable) ? UNREADABLE_DATE_MESSAGE : error}
      onChange={(event) => {
        setText(event.currentTarget.value);
        report(readTypedDate(event.currentTarget.value));
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        setLeftUnreadable(readTypedDate(event.currentTarget.value) === UNREADABLE_DATE);
        onBlur?.(event);
      }}
      rightSectionPointerEvents="all"
      rightSection={
        <CalendarButton
          labelId={props.label ? `${inputId}-label` : undefined}
          value={day}
          minDate={min === undefined || min === '' ? undefined : String(min)}
          maxDate={max === undefined || max === '' ? undefined : String(max)}
          disabled={props.disabled || props.readOnly}
          onPick={(picked) => {
            setText(picked);
            report(picked);
          }}
        />
      }
    />
  );
}
