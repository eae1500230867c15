import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../shared/engagement';
import { appointmentsCalendar } from '../../electron/services/engagement/appointments-calendar';

/**
 * The .ics file of "Export to calendar…": a calendar app must be able to read it, it holds the client's
 * code unless names were chosen, and its times are the local wall-clock times the appointments were
 * booked at, whatever time zone the computer is in.
 */

const appointment = (overrides: Partial<AgendaItem> = {}): AgendaItem => ({
  id: '7d0c7c2e-1a8e-4a43-9d7e-5f3f1b0a0001',
  clientId: '7d0c7c2e-1a8e-4a43-9d7e-5f3f1b0a00c1',
  date: '2026-03-02',
  startTime: '09:00',
  durationMinutes: 50,
  place: 'in_person',
  seriesId: null,
  sessionId: null,
  attendanceId: null,
  createdAt: '2026-02-01T10:00:00.000Z',
  clientCode: 'QZ-0101',
  clientName: 'Ysolde Brannagh-Okafor',
  ...overrides,
});

const LATE = appointment({
  id: '7d0c7c2e-1a8e-4a43-9d7e-5f3f1b0a0002',
  date: '2026-03-03',
  startTime: '23:30',
  durationMinutes: 50,
  place: 'video',
  clientCode: 'WX-0202',
  // Long enough to be folded, with a comma the format must escape.
  clientName: 'Perpetua Lindqvist-Abernathy, known to friends as Pet, who prefers evenings',
});

interface Component {
  name: string;
  properties: [string, string][];
  children: Component[];
}

/**
 * Reads an iCalendar text as RFC 5545 says: CRLF line ends, physical lines of at most 75 octets,
 * folded lines continued by a space or tab, BEGIN/END pairs properly nested. Throws on any breach.
 */
function parseCalendar(text: string): Component {
  expect(text.endsWith('\r\n'), 'the file ends with CRLF').toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line.includes('\n') || line.includes('\r'), `a bare line break in ${JSON.stringify(line)}`).toBe(false);
    expect(Buffer.byteLength(line, 'utf8'), `line longer than 75 octets: ${line}`).toBeLessThanOrEqual(75);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (/^[ \t]/.test(line)) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const root: Component = { name: '', properties: [], children: [] };
  const stack: Component[] = [root];
  for (const line of logical) {
    const colon = line.indexOf(':');
    expect(colon, `no colon in ${line}`).toBeGreaterThan(0);
    const name = line.slice(0, colon).split(';')[0] ?? '';
    const value = line.slice(colon + 1);
    const top = stack[stack.length - 1]!;
    if (name === 'BEGIN') {
      const child: Component = { name: value, properties: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      expect(top.name, 'END matches its BEGIN').toBe(value);
      stack.pop();
    } else {
      top.properties.push([name, value]);
    }
  }
  expect(stack, 'every BEGIN has its END').toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

const property = (component: Component, name: string): string | undefined => component.properties.find(([key]) => key === name)?.[1];

/** The calendar's events by UID, after checking the calendar and each event carry what RFC 5545 requires. */
function eventsOf(text: string): Map<string, Component> {
  const calendar = parseCalendar(text);
  expect(calendar.name).toBe('VCALENDAR');
  expect(property(calendar, 'VERSION')).toBe('2.0');
  expect(property(calendar, 'PRODID')).toBeTruthy();
  const events = new Map<string, Component>();
  for (const event of calendar.children) {
    expect(event.name).toBe('VEVENT');
    for (const required of ['UID', 'DTSTAMP', 'DTSTART']) expect(property(event, required), `${required} in every event`).toBeTruthy();
    events.set(property(event, 'UID') ?? '', event);
  }
  return events;
}

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('appointments as an .ics calendar file', () => {
  it('is a valid calendar with one event per appointment, named by the client code only by default', () => {
    const text = appointmentsCalendar([appointment(), LATE], false);
    const events = eventsOf(text);
    expect(events.size).toBe(2);
    const first = events.get(`${appointment().id}@alliance-notes.local`)!;
    expect(property(first, 'SUMMARY')).toBe('Session: QZ-0101');
    expect(property(first, 'LOCATION')).toBe('In person');
    expect(property(events.get(`${LATE.id}@alliance-notes.local`)!, 'SUMMARY')).toBe('Session: WX-0202');
    expect(property(events.get(`${LATE.id}@alliance-notes.local`)!, 'LOCATION')).toBe('Video');
    // No part of any name anywhere in the file, folded or not.
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    for (const word of ['Ysolde', 'Brannagh', 'Perpetua', 'Lindqvist']) expect(unfolded).not.toContain(word);
  });

  it('adds the client’s name beside the code when names are chosen, escaped and folded to the standard', () => {
    const text = appointmentsCalendar([appointment(), LATE], true);
    const events = eventsOf(text);
    expect(property(events.get(`${appointment().id}@alliance-notes.local`)!, 'SUMMARY')).toBe('Session: Ysolde Brannagh-Okafor (QZ-0101)');
    // The comma is escaped (RFC 5545 §3.3.11); unescaped, the summary reads back as the whole name.
    const summary = property(events.get(`${LATE.id}@alliance-notes.local`)!, 'SUMMARY') ?? '';
    expect(summary.replace(/\\,/g, ',')).toBe('Session: Perpetua Lindqvist-Abernathy, known to friends as Pet, who prefers evenings (WX-0202)');
    expect(summary).not.toMatch(/[^\\],/);
  });

  it('writes the booked wall-clock times as floating local times, the same in every time zone, ending past midnight on the next day', () => {
    const files = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'].map((zone) => {
      process.env.TZ = zone;
      return eventsOf(appointmentsCalendar([appointment(), LATE], false));
    });
    for (const events of files) {
      const first = events.get(`${appointment().id}@alliance-notes.local`)!;
      const late = events.get(`${LATE.id}@alliance-notes.local`)!;
      // No trailing Z (UTC) and no TZID: a floating time is read as local time wherever it is opened.
      expect(first.properties.find(([name]) => name === 'DTSTART')).toEqual(['DTSTART', '20260302T090000']);
      expect(property(first, 'DTEND')).toBe('20260302T095000');
      expect(property(late, 'DTSTART')).toBe('20260303T233000');
      expect(property(late, 'DTEND')).toBe('20260304T002000');
    }
    const raw = appointmentsCalendar([appointment()], false);
    expect(raw).toMatch(/\r\nDTSTART:20260302T090000\r\n/);
  });

  it('is still a valid, empty calendar when the range holds no appointments', () => {
    expect(eventsOf(appointmentsCalendar([], false)).size).toBe(0);
  });
});
