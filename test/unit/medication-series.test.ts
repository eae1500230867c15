import { describe, expect, it } from 'vitest';
import { firstMedicationDate, medicationChart, medicationPanels, type ReviewForChart } from '../../shared/medication-series';
import type { MedicationReviewItem } from '../../shared/medication-review';
import { reviewItem } from './support/medication-client';
import type { Medication, MedicationEvent, Regimen } from '../../shared/medications';
import { markColumns, stackedPanels } from '../../shared/measures';

/** The adherence and side-effect lines and the change markers, as pure functions of a list and its reviews. */
const regimen = (overrides: Partial<Regimen> = {}): Regimen => ({
  dose: '50 mg',
  formRoute: 'tablet',
  schedule: 'every morning',
  asNeeded: false,
  dosesPerDay: 1,
  prescriber: 'me',
  prescriberName: '',
  indication: '',
  ...overrides,
});

let ids = 0;
const event = (medicationId: string, kind: MedicationEvent['kind'], date: string, reason: string, over: Partial<Regimen> = {}, noteId: string | null = null): MedicationEvent => ({
  id: `e${(ids += 1)}`,
  medicationId,
  kind,
  date,
  reason,
  regimen: regimen(over),
  sessionId: noteId ? `s-${noteId}` : null,
  noteId,
  recordedAt: `${date}T10:00:00.000Z`,
});

const sertraline: Medication = {
  id: 'm1',
  clientId: 'c1',
  name: 'Sertraline',
  current: true,
  history: [
    event('m1', 'start', '2026-10-01', 'Low mood'),
    // Decided in the visit of 2 November and applied by that note.
    event('m1', 'dose_change', '2026-11-02', 'Little effect at the lower dose', { dose: '100 mg', dosesPerDay: 2 }, 'n2'),
  ],
};
const quetiapine: Medication = {
  id: 'm2',
  clientId: 'c1',
  name: 'Quetiapine',
  current: false,
  history: [event('m2', 'start', '2026-10-01', '', { dose: '25 mg', schedule: 'at night', asNeeded: true, dosesPerDay: null }), event('m2', 'stop', '2026-11-16', 'Too sleepy in the mornings')],
};

const item = reviewItem;
const review = (n: number, date: string, items: MedicationReviewItem[]): ReviewForChart => ({ sessionId: `s-n${n}`, noteId: `n${n}`, date, review: { items } });

const reviews = [
  review(1, '2026-10-19', [item('m1', { missedDoses: 1, sideEffects: [{ effect: 'nausea', severity: 'mild' }] }), item('m2', { adherence: 'as_prescribed', missedDoses: 0 })]),
  // One dose a day until this visit: the week before is measured against the old regimen, not the new one.
  review(2, '2026-11-02', [item('m1', { adherence: 'often_misses', missedDoses: 4, sideEffects: [{ effect: 'dizziness', severity: 'severe' }, { effect: 'nausea', severity: 'moderate' }] })]),
  review(3, '2026-11-16', [item('m1', { missedDoses: 7 }), item('m2', { adherence: 'stopped', missedDoses: null })]),
  review(4, '2026-11-30', [item('m1', { missedDoses: null })]),
];

describe('medicationChart', () => {
  const chart = medicationChart([sertraline, quetiapine], reviews);

  it('draws a share of doses taken per medication, measured against the regimen in effect before the visit', () => {
    expect(chart.adherence.map((line) => [line.label, line.points.map((point) => [point.date, point.value])])).toEqual([
      [
        'Sertraline, doses taken',
        [
          ['2026-10-19', 85.7],
          ['2026-11-02', 42.9],
          // Two a day from 2 November: 7 of 14 missed.
          ['2026-11-16', 50],
        ],
      ],
      // As needed has no share; "stopped" is none taken.
      ['Quetiapine, doses taken', [['2026-11-16', 0]]],
    ]);
    expect(chart.adherence[0]!.points[0]).toMatchObject({ sessionId: 's-n1', noteId: 'n1', rupture: false });
  });

  it('adds up the side-effect severities of each review that rated any', () => {
    expect(chart.burden?.points.map((point) => [point.date, point.value])).toEqual([
      ['2026-10-19', 1],
      ['2026-11-02', 5],
    ]);
    expect(medicationChart([sertraline], [reviews[3]!]).burden).toBeNull();
  });

  it('marks every start, change and stop with what changed and why, oldest first', () => {
    expect(chart.markers.map((marker) => [marker.date, marker.text])).toEqual([
      ['2026-10-01', 'Sertraline: started 50 mg (Low mood)'],
      ['2026-10-01', 'Quetiapine: started 25 mg'],
      ['2026-11-02', 'Sertraline: dose changed 50 mg → 100 mg (Little effect at the lower dose)'],
      ['2026-11-16', 'Quetiapine: stopped (Too sleepy in the mornings)'],
    ]);
    expect(chart.markers[2]).toMatchObject({ kind: 'dose_change', noteId: 'n2', sessionId: 's-n2' });
    expect(firstMedicationDate(chart)).toBe('2026-10-01');
  });

  it('tells apart two medications of the same name and words a schedule change', () => {
    const twin: Medication = {
      ...sertraline,
      id: 'm3',
      history: [event('m3', 'start', '2026-12-01', ''), event('m3', 'schedule_change', '2026-12-08', 'Mornings forgotten', { schedule: 'at night' })],
    };
    const named = medicationChart([sertraline, twin], []);
    expect(named.markers.slice(-2).map((marker) => marker.text)).toEqual(['Sertraline (2): started 50 mg', 'Sertraline (2): schedule changed every morning → at night (Mornings forgotten)']);
  });

  it('is empty for a client without medications', () => {
    expect(medicationChart([], [])).toEqual({ adherence: [], burden: null, markers: [] });
    expect(medicationPanels({ adherence: [], burden: null })).toEqual([]);
  });
});

describe('medication panels and marks on the shared date axis', () => {
  const chart = medicationChart([sertraline, quetiapine], reviews);
  const drawn = stackedPanels({
    width: 800,
    margin: { top: 26, right: 16, bottom: 26, left: 52 },
    from: '2026-10-01',
    to: '2026-12-01',
    gap: 12,
    panels: medicationPanels(chart).map((panel) => ({ ...panel, height: 160 })),
  });

  it('puts doses taken on 0–100 above the burden, whose axis spans at least three severe ratings', () => {
    expect(drawn.panels.map((panel) => [panel.title, panel.yTitle])).toEqual([
      ['Doses taken in the 7 days before each visit', 'Taken (%)'],
      ['Side-effect burden (mild 1, moderate 2, severe 3, added up)', 'Burden'],
    ]);
    expect(medicationPanels(chart)[1]!.yDomain).toEqual([0, 9]);
  });

  it('places a mark at its day, where a session of that day is drawn, one column per day', () => {
    const [adherence] = drawn.panels;
    const columns = markColumns(adherence!, chart.markers);
    expect(columns.map((column) => [column.date, column.texts.length])).toEqual([
      ['2026-10-01', 2],
      ['2026-11-02', 1],
      ['2026-11-16', 1],
    ]);
    const sessionOf2Nov = adherence!.lines[0]!.points.find((point) => point.date === '2026-11-02')!;
    expect(columns[1]!.x).toBe(sessionOf2Nov.x);
    // Outside the chart's dates: not drawn.
    expect(markColumns(adherence!, [{ date: '2027-01-05', text: 'later' }])).toEqual([]);
  });
});
