import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../shared/notes';
import { formatLocalDay } from '../../renderer/src/lib/dates';
import { noteLinkNames } from '../../renderer/src/notes/note-link-names';

/** The sessions table's link names: each says which note it opens, and no two are the same. */

const summary = (noteId: string, date: string, startTime: string | null): SessionSummary => ({
  session: { id: `s-${noteId}`, clientId: 'c1', date, startTime, durationMinutes: 50, modality: 'in_person', type: 'individual', attendance: 'attended', serviceCode: '' },
  noteId,
  status: 'draft',
  templateName: 'SOAP',
  ruptureNoted: false,
  riskLevel: null,
  signedAt: null,
  addendaCount: 0,
  voided: null,
});

describe('noteLinkNames', () => {
  it('names each note by its day and start time', () => {
    const names = noteLinkNames([summary('b', '2026-12-07', '15:00'), summary('a', '2026-12-07', '10:00')]);
    expect(names.get('a')).toBe(`Note of ${formatLocalDay('2026-12-07')}, 10:00`);
    expect(names.get('b')).toBe(`Note of ${formatLocalDay('2026-12-07')}, 15:00`);
  });

  it('names a session without a time by its day alone', () => {
    expect(noteLinkNames([summary('a', '2026-12-07', null)]).get('a')).toBe(`Note of ${formatLocalDay('2026-12-07')}`);
  });

  it('tells apart sessions with the same day and time, counting in time order (the table lists newest first)', () => {
    const names = noteLinkNames([summary('later', '2026-12-07', null), summary('earlier', '2026-12-07', null), summary('other', '2026-12-08', null)]);
    expect(names.get('earlier')).toBe(`Note of ${formatLocalDay('2026-12-07')} (1 of 2)`);
    expect(names.get('later')).toBe(`Note of ${formatLocalDay('2026-12-07')} (2 of 2)`);
    expect(names.get('other')).toBe(`Note of ${formatLocalDay('2026-12-08')}`);
    expect(new Set(names.values()).size).toBe(3);
  });
});
