import { computedRange, type MeasureBand, type MeasureDefinition, type MeasureItem, type ScoringMethod, type Subscale } from './definition';

/**
 * The measures every vault starts with, each at its current version; earlier versions stay here too
 * (PREVIOUS_VERSIONS), because a result is always shown and scored with the version it was recorded with. Licensed instruments (WAI-SR, SRS, ORS) are
 * score-only: their wording and anchors are not ours to ship, so items are blank and the practitioner
 * enters the scores from their own licensed forms.
 */

const item = (key: string, text: string, min: number, max: number, anchors: [string, string], step: 1 | 0.1 = 1): MeasureItem => ({
  key,
  text,
  min,
  max,
  step,
  anchors: { min: anchors[0], max: anchors[1] },
  reverse: false,
});

const numberedItems = (count: number, min: number, max: number, step: 1 | 0.1 = 1): MeasureItem[] =>
  Array.from({ length: count }, (_, i) => item(`item${i + 1}`, '', min, max, ['Low', 'High'], step));

const band = (from: number, to: number, label: string, severity: number): MeasureBand => ({ from, to, label, severity });

const rangeOf = (items: MeasureItem[], method: ScoringMethod) => computedRange(items, method);

// --- Session Alliance Check (ours) -----------------------------------------------------------------
// Bordin's three dimensions, one 0–10 item each, in our own words. Each item is also its own subscale
// so charts can draw Goals, Tasks and Bond lines.

const SAC_SOURCE =
  'Session Alliance Check: written for Alliance Notes on Bordin’s goals–tasks–bond model of the working alliance ' +
  '(Bordin, 1979). Free to use. Not a validated instrument: the cutoff and reliable change are the app’s own heuristics.';

const sacSubscales: Subscale[] = [
  { key: 'goals', label: 'Goals', items: ['goals'], method: 'sum' },
  { key: 'tasks', label: 'Tasks', items: ['tasks'], method: 'sum' },
  { key: 'bond', label: 'Bond', items: ['bond'], method: 'sum' },
];

// 24 is our own heuristic, 80% of the maximum: an average below 8 of 10 across the three items is
// worth a conversation. A drop of 3 (one item falling by a third of its scale, or spread across
// items) is the smallest change we treat as more than session-to-session noise.
const sacScoring = {
  subscales: sacSubscales,
  total: { method: 'sum', maxMissing: 0 },
  range: { min: 0, max: 30 },
  cutoff: { value: 24, concernWhen: 'below' },
  bands: [band(0, 17, 'Weak alliance', 3), band(18, 23, 'Some strain', 2), band(24, 30, 'Good alliance', 0)],
  reliableChange: 3,
  flagItems: [],
} satisfies Partial<MeasureDefinition>;

const sacClient: MeasureDefinition = {
  id: 'sac-client',
  version: 1,
  name: 'Session Alliance Check (client)',
  shortName: 'SAC client',
  rater: 'client',
  kind: 'alliance',
  builtIn: true,
  scoreOnly: false,
  instructions: 'Thinking about today’s session, rate each line from 0 to 10. There are no right answers: low scores help us adjust.',
  source: SAC_SOURCE,
  items: [
    item('goals', 'My therapist and I have a shared picture of what I am coming here to change.', 0, 10, ['Not shared at all', 'Fully shared']),
    item('tasks', 'I am on board with how we go about the work, in sessions and between them.', 0, 10, ['Not on board', 'Fully on board']),
    item('bond', 'I trust my therapist: I can be open with them, and we take each other seriously.', 0, 10, ['Not at all', 'Completely']),
  ],
  ...sacScoring,
};

const sacClinician: MeasureDefinition = {
  id: 'sac-clinician',
  version: 1,
  name: 'Session Alliance Check (clinician)',
  shortName: 'SAC clinician',
  rater: 'clinician',
  kind: 'alliance',
  builtIn: true,
  scoreOnly: false,
  instructions: 'Thinking about today’s session, rate each line from 0 to 10 as you see it.',
  source: SAC_SOURCE,
  items: [
    item('goals', 'My client and I have a shared picture of what they are coming here to change.', 0, 10, ['Not shared at all', 'Fully shared']),
    item('tasks', 'My client is on board with how we go about the work, in sessions and between them.', 0, 10, ['Not on board', 'Fully on board']),
    item('bond', 'There is trust between us: my client can be open with me, and we take each other seriously.', 0, 10, ['Not at all', 'Completely']),
  ],
  ...sacScoring,
};

// --- PHQ-9 and GAD-7 (free to reproduce) ------------------------------------------------------------

const FREQUENCY: [string, string] = ['Not at all', 'Nearly every day'];
const FREQUENCY_INSTRUCTIONS =
  'Over the last 2 weeks, how often have you been bothered by any of the following problems? ' +
  '0 = Not at all, 1 = Several days, 2 = More than half the days, 3 = Nearly every day.';
const PFIZER_PERMISSION =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. ' +
  'No permission required to reproduce, translate, display or distribute.';

const phq9Items = [
  item('item1', 'Little interest or pleasure in doing things', 0, 3, FREQUENCY),
  item('item2', 'Feeling down, depressed, or hopeless', 0, 3, FREQUENCY),
  item('item3', 'Trouble falling or staying asleep, or sleeping too much', 0, 3, FREQUENCY),
  item('item4', 'Feeling tired or having little energy', 0, 3, FREQUENCY),
  item('item5', 'Poor appetite or overeating', 0, 3, FREQUENCY),
  item('item6', 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down', 0, 3, FREQUENCY),
  item('item7', 'Trouble concentrating on things, such as reading the newspaper or watching television', 0, 3, FREQUENCY),
  item(
    'item8',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    0,
    3,
    FREQUENCY,
  ),
  item('item9', 'Thoughts that you would be better off dead or of hurting yourself in some way', 0, 3, FREQUENCY),
];

const phq9v1: MeasureDefinition = {
  id: 'phq-9',
  version: 1,
  name: 'Patient Health Questionnaire (PHQ-9)',
  shortName: 'PHQ-9',
  rater: 'client',
  kind: 'outcome',
  builtIn: true,
  scoreOnly: false,
  instructions: FREQUENCY_INSTRUCTIONS,
  source: `Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med. 2001;16(9):606–613. ${PFIZER_PERMISSION}`,
  items: phq9Items,
  subscales: [],
  // Prorating over one blank item is our conservative choice; some services allow two.
  total: { method: 'sum', maxMissing: 1 },
  range: rangeOf(phq9Items, 'sum'),
  // 10 or more: the usual screening cutoff for major depression (Kroenke et al., 2001).
  cutoff: { value: 10, concernWhen: 'above' },
  bands: [
    band(0, 4, 'Minimal', 0),
    band(5, 9, 'Mild', 1),
    band(10, 14, 'Moderate', 2),
    band(15, 19, 'Moderately severe', 3),
    band(20, 27, 'Severe', 4),
  ],
  // A change of 6 or more: the reliable-change convention of NHS Talking Therapies (formerly IAPT).
  reliableChange: 6,
  // Any answer above "Not at all" on item 9 needs a risk conversation, whatever the total.
  flagItems: [{ item: 'item9', above: 0, message: 'Item 9 (thoughts of being better off dead or of self-harm) was answered above "Not at all": review risk.' }],
};

const gad7Items = [
  item('item1', 'Feeling nervous, anxious, or on edge', 0, 3, FREQUENCY),
  item('item2', 'Not being able to stop or control worrying', 0, 3, FREQUENCY),
  item('item3', 'Worrying too much about different things', 0, 3, FREQUENCY),
  item('item4', 'Trouble relaxing', 0, 3, FREQUENCY),
  item('item5', 'Being so restless that it is hard to sit still', 0, 3, FREQUENCY),
  item('item6', 'Becoming easily annoyed or irritable', 0, 3, FREQUENCY),
  item('item7', 'Feeling afraid, as if something awful might happen', 0, 3, FREQUENCY),
];

const gad7v1: MeasureDefinition = {
  id: 'gad-7',
  version: 1,
  name: 'Generalized Anxiety Disorder scale (GAD-7)',
  shortName: 'GAD-7',
  rater: 'client',
  kind: 'outcome',
  builtIn: true,
  scoreOnly: false,
  instructions: FREQUENCY_INSTRUCTIONS,
  source:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. ' +
    `Arch Intern Med. 2006;166(10):1092–1097. ${PFIZER_PERMISSION}`,
  items: gad7Items,
  subscales: [],
  total: { method: 'sum', maxMissing: 1 },
  range: rangeOf(gad7Items, 'sum'),
  // 10 or more: the cutoff Spitzer et al. (2006) recommend for further evaluation.
  cutoff: { value: 10, concernWhen: 'above' },
  bands: [band(0, 4, 'Minimal', 0), band(5, 9, 'Mild', 1), band(10, 14, 'Moderate', 2), band(15, 21, 'Severe', 4)],
  // A change of 4 or more: the reliable-change convention of NHS Talking Therapies (formerly IAPT).
  reliableChange: 4,
  flagItems: [],
};

// Version 2 of PHQ-9 and GAD-7 (the forms as published): each answer is worded, and PHQ-9 asks its
// difficulty question, recorded with the result but scored nowhere. Totals, bands, cutoffs and flags are
// those of version 1, so a result scores the same under either; results keep the version they were taken with.
const FREQUENCY_LABELS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
const labelled = (items: readonly MeasureItem[]): MeasureItem[] => items.map((one) => ({ ...one, labels: [...FREQUENCY_LABELS] }));

/** Key of PHQ-9's difficulty question in a result's answers (0–3; never part of the total). */
export const PHQ9_DIFFICULTY_ITEM = 'difficulty';

const phq9DifficultyItem: MeasureItem = {
  ...item(
    PHQ9_DIFFICULTY_ITEM,
    'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
    0,
    3,
    ['Not difficult at all', 'Extremely difficult'],
  ),
  labels: ['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult'],
  scored: false,
};

const phq9: MeasureDefinition = { ...phq9v1, version: 2, items: [...labelled(phq9Items), phq9DifficultyItem], range: rangeOf(phq9Items, 'sum') };
const gad7: MeasureDefinition = { ...gad7v1, version: 2, items: labelled(gad7Items) };

// --- Score-only licensed instruments ----------------------------------------------------------------

const LICENSED = 'Licensed instrument: its wording is not included. Enter the scores from your own licensed forms.';

const waiItems = numberedItems(12, 1, 5);
const waiSr: MeasureDefinition = {
  id: 'wai-sr',
  version: 1,
  name: 'Working Alliance Inventory – Short Revised (WAI-SR)',
  shortName: 'WAI-SR',
  rater: 'client',
  kind: 'alliance',
  builtIn: true,
  scoreOnly: true,
  instructions: '',
  source: `Hatcher RL, Gillaspy JA. Development and validation of a revised short version of the Working Alliance Inventory. Psychotherapy Research. 2006;16(1):12–25. ${LICENSED}`,
  items: waiItems,
  subscales: [
    { key: 'task', label: 'Task', items: ['item1', 'item2', 'item10', 'item12'], method: 'sum' },
    { key: 'bond', label: 'Bond', items: ['item3', 'item5', 'item7', 'item9'], method: 'sum' },
    { key: 'goal', label: 'Goal', items: ['item4', 'item6', 'item8', 'item11'], method: 'sum' },
  ],
  total: { method: 'sum', maxMissing: 0 },
  range: rangeOf(waiItems, 'sum'),
  // No published cutoff or reliable change for the WAI-SR total; charts show the trend only.
  cutoff: null,
  bands: [],
  reliableChange: null,
  flagItems: [],
};

// SRS and ORS are 10 cm visual-analogue lines, read to the millimetre: hence steps of 0.1.
const srsItems = numberedItems(4, 0, 10, 0.1);
const srs: MeasureDefinition = {
  id: 'srs',
  version: 1,
  name: 'Session Rating Scale (SRS)',
  shortName: 'SRS',
  rater: 'client',
  kind: 'alliance',
  builtIn: true,
  scoreOnly: true,
  instructions: '',
  source: `Duncan BL, Miller SD, Sparks JA, et al. The Session Rating Scale: preliminary psychometric properties of a “working” alliance measure. Journal of Brief Therapy. 2003;3(1):3–12. ${LICENSED}`,
  items: srsItems,
  subscales: [],
  total: { method: 'sum', maxMissing: 0 },
  range: rangeOf(srsItems, 'sum'),
  // The authors' suggested cutoff: a total below 36 is worth discussing with the client.
  cutoff: { value: 36, concernWhen: 'below' },
  bands: [band(0, 35.9, 'Possible concern', 2), band(36, 40, 'Good alliance', 0)],
  reliableChange: null,
  flagItems: [],
};

const orsItems = numberedItems(4, 0, 10, 0.1);
const ors: MeasureDefinition = {
  id: 'ors',
  version: 1,
  name: 'Outcome Rating Scale (ORS)',
  shortName: 'ORS',
  rater: 'client',
  kind: 'outcome',
  builtIn: true,
  scoreOnly: true,
  instructions: '',
  source: `Miller SD, Duncan BL, Brown J, Sparks JA, Claud DA. The Outcome Rating Scale: a preliminary study of the reliability, validity, and feasibility of a brief visual analog measure. Journal of Brief Therapy. 2003;2(2):91–100. ${LICENSED}`,
  items: orsItems,
  subscales: [],
  total: { method: 'sum', maxMissing: 0 },
  range: rangeOf(orsItems, 'sum'),
  // Adult clinical cutoff 25 (below it: clinical range) and reliable change 5, as the authors publish.
  cutoff: { value: 25, concernWhen: 'below' },
  bands: [band(0, 24.9, 'Clinical range', 2), band(25, 40, 'Non-clinical range', 0)],
  reliableChange: 5,
  flagItems: [],
};

export const BUILT_IN_MEASURES: readonly MeasureDefinition[] = [sacClient, sacClinician, phq9, gad7, waiSr, srs, ors];

export const builtInMeasure = (id: string): MeasureDefinition | undefined => BUILT_IN_MEASURES.find((measure) => measure.id === id);

/** Built-in versions since replaced, kept exactly as they shipped, for the results recorded with them. */
export const PREVIOUS_VERSIONS: readonly MeasureDefinition[] = [phq9v1, gad7v1];

/** A built-in measure at the given version (current or earlier), or undefined. */
export const builtInMeasureVersion = (id: string, version: number): MeasureDefinition | undefined =>
  [...BUILT_IN_MEASURES, ...PREVIOUS_VERSIONS].find((measure) => measure.id === id && measure.version === version);
