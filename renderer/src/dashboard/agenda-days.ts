import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { AgendaItem } from '../../../shared/engagement';

/** How many days "Today and this week" covers, today included. */
export const AGENDA_DAYS = 7;

/** The last day of the agenda that starts on `today` (`YYYY-MM-DD`). */
export const agendaEnd = (today: string): string => format(addDays(parseISO(today), AGENDA_DAYS - 1), 'yyyy-MM-dd');

export interface AgendaDay {
  date: string;
  /** "Today", "Tomorrow", or the weekday and date in the practitioner's locale. */
  label: string;
  items: AgendaItem[];
}

const weekdayFormatter = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

export function dayLabel(date: string, today: string): string {
  const ahead = differenceInCalendarDays(parseISO(date), parseISO(today));
  if (ahead === 0) return 'Today';
  if (ahead === 1) return 'Tomorrow';
  return weekdayFormatter.format(parseISO(date));
}

/** The appointments by day, in date and time order; days without any are left out. */
export function agendaByDay(items: readonly AgendaItem[], today: string): AgendaDay[] {
  const sorted = [...items].sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.clientCode.localeCompare(b.clientCode));
  const days: AgendaDay[] = [];
  for (const item of sorted) {
    const last = days[days.length - 1];
    if (last && last.date === item.date) last.items.push(item);
    else days.push({ date: item.date, label: dayLabel(item.date, today), items: [item] });
  }
  return days;
}

/** "10:50": when an appointment ends, on the clock (past midnight wraps round, as a clock does). */
export function endTime(startTime: string, durationMinutes: number): string {
  const [hours = 0, minutes = 0] = startTime.split(':').map(Number);
  const end = (hours * 60 + minutes + durationMinutes) % (24 * 60);
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}
