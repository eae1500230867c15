import { useState } from 'react';
import { ActionIcon, Popover } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { localIsoDate } from '../../../shared/dates';

interface CalendarButtonProps {
  /** The date field's label, read out after the button's own name so it is clear which date it sets. */
  labelId: string | undefined;
  /** The field's day (`YYYY-MM-DD`), or null: the calendar opens on that day, or else on today. */
  value: string | null;
  minDate: string | undefined;
  maxDate: string | undefined;
  disabled: boolean | undefined;
  onPick: (day: string) => void;
}

export const CALENDAR_BUTTON_NAME = 'Choose a day in the calendar';

/**
 * The calendar beside a date field. Opened, focus lands on the field's day (or today): arrow keys move
 * between days, the header's buttons (Tab to them) change the month, Enter picks, Escape closes. Either
 * way focus goes back to the button, so the form is left where it was.
 */
export function CalendarButton({ labelId, value, minDate, maxDate, disabled, onPick }: CalendarButtonProps) {
  const [opened, setOpened] = useState(false);
  const focusDay = value ?? localIsoDate();
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={CALENDAR_BUTTON_NAME}
          aria-describedby={labelId}
          disabled={disabled}
          onClick={() => setOpened((open) => !open)}
        >
          <IconCalendar size={18} stroke={1.5} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          value={value}
          defaultDate={value ?? undefined}
          minDate={minDate}
          maxDate={maxDate}
          // No red weekends or faded days of the next month: neither means anything here, and both read poorly.
          weekendDays={[]}
          hideOutsideDates
          // Inside a modal, Escape closes only the calendar.
          __stopPropagation
          getDayProps={(day) => (day === focusDay ? { 'data-autofocus': true } : {})}
          onChange={(day) => {
            if (day) onPick(day);
            setOpened(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
