import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver, type SaveStatus } from '../../renderer/src/notes/draft-saver';

/**
 * The note editor's autosave rules, without a browser: at most one save in flight, each on top of the
 * revision the last one returned, debounced while typing, and nothing typed dropped when a save fails.
 */

interface Harness {
  saver: DraftSaver;
  statuses: SaveStatus['state'][];
  bases: number[];
  /** Resolves (or fails) the save that is waiting, in order. */
  finish: (outcome?: 'ok' | Error) => Promise<void>;
}

function harness(revision = 3): Harness {
  const statuses: SaveStatus['state'][] = [];
  const bases: number[] = [];
  const waiting: { resolve: (value: { revision: number; savedAt: string }) => void; reject: (error: Error) => void; base: number }[] = [];
  const saver = new DraftSaver({
    revision,
    savedAt: '2026-06-15T10:00:00.000Z',
    persist: (base) =>
      new Promise((resolve, reject) => {
        bases.push(base);
        waiting.push({ resolve, reject, base });
      }),
    onStatus: (status) => statuses.push(status.state),
    describeFailure: (error) => ({ message: String(error), retry: true }),
    debounceMs: 800,
    maxWaitMs: 1000,
    retryMs: 3000,
  });
  const finish = async (outcome: 'ok' | Error = 'ok') => {
    const next = waiting.shift();
    if (!next) throw new Error('no save is waiting');
    if (outcome === 'ok') next.resolve({ revision: next.base + 1, savedAt: '2026-06-15T10:00:01.000Z' });
    else next.reject(outcome);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { saver, statuses, bases, finish };
}

describe('draft autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves after the typing pauses, once for a burst of keystrokes', async () => {
    const { saver, bases, statuses, finish } = harness();
    for (let key = 0; key < 5; key++) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(bases).toEqual([]);
    expect(statuses).toEqual(['unsaved']);
    await vi.advanceTimersByTimeAsync(600);
    expect(bases).toEqual([3]);
    await finish();
    expect(statuses).toEqual(['unsaved', 'saving', 'saved']);
    expect(saver.currentRevision).toBe(4);
  });

  it('while typing goes on without a pause, saves at least once a second', async () => {
    const { saver, bases, finish } = harness();
    const savedAt: number[] = [];
    for (let key = 0; key < 50; key++) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(100);
      if (bases.length > savedAt.length) {
        savedAt.push(key);
        await finish();
      }
    }
    // 5 seconds of typing, a key every 100 ms: a save every second, never more than a second apart.
    expect(savedAt.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < savedAt.length; i++) expect(savedAt[i]! - savedAt[i - 1]!).toBeLessThanOrEqual(10);
  });

  it('never runs two saves at once; a change during a save is saved next, on the new revision', async () => {
    const { saver, bases, statuses, finish } = harness();
    saver.changed();
    const first = saver.flush();
    saver.changed();
    const second = saver.flush();
    expect(bases).toEqual([3]);
    await finish();
    await first;
    expect(bases).toEqual([3, 4]);
    await finish();
    await second;
    expect(statuses.at(-1)).toBe('saved');
    expect(saver.currentRevision).toBe(5);
    expect(saver.hasUnsavedChanges).toBe(false);
  });

  it('keeps a failed change unsaved and tries again', async () => {
    const { saver, bases, statuses, finish } = harness();
    saver.changed();
    void saver.flush();
    await finish(new Error('disk busy'));
    expect(statuses.at(-1)).toBe('failed');
    expect(saver.hasUnsavedChanges).toBe(true);
    await vi.advanceTimersByTimeAsync(3000);
    expect(bases).toEqual([3, 3]);
    await finish();
    expect(statuses.at(-1)).toBe('saved');
  });

  it('flush does nothing when everything is saved, and nothing at all once stopped', async () => {
    const { saver, bases } = harness();
    await saver.flush();
    saver.stop();
    saver.changed();
    await saver.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(bases).toEqual([]);
  });
});
