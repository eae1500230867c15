import type { Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

/**
 * Main-thread work per keystroke, from a Chromium trace: the time the page's main thread spent in
 * tasks (script, style, layout, paint) between one keydown and the next. This is what must fit in a
 * frame; timing in the page itself cannot see style, layout and paint, and would count waiting for
 * the next frame as work.
 */
// Chromium has named its top-level task event both ways over the years.
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

export interface TypingTrace {
  /** All main-thread work between one keydown and the next: the key, its frame, and any autosave. */
  allWorkPerKey: number[];
  /** The key's own cost: the tasks that dispatched its input events plus the frame that painted it. */
  keyToPaint: number[];
  /** The longest task that was neither input nor a frame (an autosave, a timer): what could drop a frame. */
  longestOtherTask: number;
}

const KEY_EVENTS = new Set(['keydown', 'keypress', 'beforeinput', 'input', 'textInput', 'keyup']);
const FRAME_EVENTS = new Set(['Paint', 'PrePaint', 'Layerize', 'UpdateLayoutTree', 'Layout']);

export async function traceTyping(page: Page, typeKeys: () => Promise<void>): Promise<TypingTrace> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  await typeKeys();
  await page.waitForTimeout(200);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && events.some((other) => other.tid === event.tid && other.name === 'EventDispatch' && other.args?.data?.type === 'keydown'));
  if (!main) throw new Error('The trace has no renderer main thread with key events.');
  const onMain = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur !== undefined);
  const keydowns = onMain.filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keydown').map((event) => event.ts).sort((a, b) => a - b);
  const tasks = onMain.filter((event) => TASK_EVENTS.has(event.name));
  const within = (task: TraceEvent, names: ReadonlySet<string>, key?: boolean) =>
    onMain.some((inner) => inner.ts >= task.ts && inner.ts < task.ts + (task.dur ?? 0) && (key ? inner.name === 'EventDispatch' && KEY_EVENTS.has(inner.args?.data?.type ?? '') : names.has(inner.name)));
  const kind = new Map(tasks.map((task) => [task, within(task, KEY_EVENTS, true) ? 'input' : within(task, FRAME_EVENTS) ? 'frame' : 'other']));

  const allWorkPerKey: number[] = [];
  const keyToPaint: number[] = [];
  keydowns.forEach((start, index) => {
    const end = keydowns[index + 1] ?? Number.POSITIVE_INFINITY;
    // A task that began just before the keydown (the one dispatching it) counts from its start.
    const between = tasks.filter((task) => task.ts + (task.dur ?? 0) > start && task.ts < end);
    allWorkPerKey.push(between.reduce((sum, task) => sum + (task.dur ?? 0), 0) / 1000);
    const input = between.filter((task) => kind.get(task) === 'input');
    const frame = between.find((task) => kind.get(task) === 'frame' && task.ts >= start);
    keyToPaint.push([...input, ...(frame ? [frame] : [])].reduce((sum, task) => sum + (task.dur ?? 0), 0) / 1000);
  });
  const others = tasks.filter((task) => kind.get(task) === 'other' && task.ts >= (keydowns[0] ?? 0));
  return { allWorkPerKey, keyToPaint, longestOtherTask: Math.max(0, ...others.map((task) => (task.dur ?? 0) / 1000)) };
}
