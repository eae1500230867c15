import type { AdherenceReport } from '../../shared/medication-review';

/**
 * Words for the seeded practice's medications: made-up medication names with plausible strengths and
 * schedules, reasons for changes, allergies, and the phrases a medication-management visit records
 * (how well it works, options, preferences, decisions). Nothing here is a real prescribing guide.
 */
export interface MedicationKind {
  name: string;
  /** Strengths in the order a dose is raised. */
  doses: readonly string[];
  formRoute: string;
  schedule: string;
  dosesPerDay: number | null;
  asNeeded: boolean;
  indication: string;
}

export const MEDICATION_KINDS: readonly MedicationKind[] = [
  { name: 'Examplazine', doses: ['25 mg', '50 mg', '100 mg', '150 mg'], formRoute: 'tablet, by mouth', schedule: 'every morning', dosesPerDay: 1, asNeeded: false, indication: 'Low mood' },
  { name: 'Fictoxetine', doses: ['10 mg', '20 mg', '30 mg', '40 mg'], formRoute: 'capsule, by mouth', schedule: 'every morning with food', dosesPerDay: 1, asNeeded: false, indication: 'Anxiety and low mood' },
  { name: 'Sertamockine', doses: ['25 mg', '50 mg', '100 mg'], formRoute: 'tablet, by mouth', schedule: 'morning and evening', dosesPerDay: 2, asNeeded: false, indication: 'Intrusive memories and poor sleep' },
  { name: 'Quetiamock', doses: ['25 mg', '50 mg', '100 mg'], formRoute: 'tablet, by mouth', schedule: 'at night', dosesPerDay: 1, asNeeded: false, indication: 'Sleep and agitation' },
  { name: 'Lamotrivane', doses: ['25 mg', '50 mg', '100 mg', '200 mg'], formRoute: 'tablet, by mouth', schedule: 'every evening', dosesPerDay: 1, asNeeded: false, indication: 'Mood swings' },
  { name: 'Placebrine', doses: ['0.5 mg', '1 mg'], formRoute: 'tablet, under the tongue', schedule: 'when panic builds', dosesPerDay: null, asNeeded: true, indication: 'Panic attacks' },
  { name: 'Somnexa', doses: ['3.75 mg', '7.5 mg'], formRoute: 'tablet, by mouth', schedule: 'at bedtime', dosesPerDay: null, asNeeded: true, indication: 'Trouble falling asleep' },
];

export const OTHER_PRESCRIBERS = ['Dr. Ovelle (GP)', 'Dr. Tamsin Rook (psychiatrist)', 'Dr. Ferris Quade (GP)', 'Community mental health team'];

export const REASONS = {
  raise: ['Partial response after six weeks', 'Low mood still most days', 'Agreed to try the next step up', 'Anxiety still high in the mornings'],
  lower: ['Side effects at the higher dose', 'Feeling well for three months', 'Too sleepy in the day', 'Client preferred a lower dose'],
  schedule: ['Evening dose to help with daytime sleepiness', 'Taking it with breakfast is easier to remember', 'Split dose to ease nausea'],
  stop: ['Side effects outweighed the benefit', 'Client chose to stop after a long settled period', 'Not helping after a full trial', 'Client had already stopped taking it', 'Pregnancy planned; stopping agreed'],
  restart: ['Low mood returned after stopping', 'Client asked to try it again', 'Sleep worse again without it'],
  start: ['', 'Low mood for several months', 'Panic attacks most weeks', 'Poor sleep affecting work'],
} as const;

export const ALLERGIES: readonly { substance: string; reaction: string; kind: 'allergy' | 'adverse_reaction' }[] = [
  { substance: 'Penicillin', reaction: 'Hives and itching', kind: 'allergy' },
  { substance: 'Sulfa drugs', reaction: 'Rash', kind: 'allergy' },
  { substance: 'Latex', reaction: 'Skin redness', kind: 'allergy' },
  { substance: 'Peanuts', reaction: 'Swelling of the lips', kind: 'allergy' },
  { substance: 'Codeine', reaction: 'Vomiting', kind: 'adverse_reaction' },
  { substance: 'Examplazine', reaction: 'Severe restlessness', kind: 'adverse_reaction' },
];

export const ADHERENCE_TENDENCY: Record<'steady' | 'mixed' | 'struggling', readonly (readonly [AdherenceReport, number])[]> = {
  steady: [['as_prescribed', 85], ['sometimes_misses', 14], ['often_misses', 1]],
  mixed: [['as_prescribed', 45], ['sometimes_misses', 40], ['often_misses', 13], ['stopped', 2]],
  struggling: [['as_prescribed', 20], ['sometimes_misses', 35], ['often_misses', 38], ['stopped', 7]],
};

export const WORKING = ['Mood a little steadier', 'Sleeping better most nights', 'Hard to tell yet', 'Fewer panic attacks', 'Not much different so far', 'Feels more like myself'];
export const SIDE_EFFECT_NOTES = ['Worse in the first hour after the dose', 'Settling after the first fortnight', 'Mentions it affects work', ''];
export const OPTIONS = ['Stay on the current dose, raise it, or switch', 'Keep going as now, or lower the dose', 'Continue, or try stopping slowly', 'Change the time of day it is taken'];
export const PREFERENCES = ['Would rather not raise the dose yet', 'Keen to try the higher dose', 'Prefers to keep things as they are', 'Wants to come off it in time', 'Wants to talk to family first'];
export const DECISIONS = ['Agreed together to keep the dose and review next visit', 'Agreed to change the dose as planned', 'Agreed to try the evening time for a month', 'Agreed to keep going and use reminders on the phone'];

/** Lines for the Medication review section's own text. */
export const MEDICATION_SENTENCES = [
  'We went through how the medication has been going since last time, and {client} spoke openly about the days it was missed.',
  '{Client} said {they} sometimes forget the dose on busy mornings; we talked about what might help without blame.',
  'Side effects were discussed openly; {client} was able to say what bothers {them} most.',
  'We weighed the options together and {client} had a clear view of what {they} wanted to try.',
  '{Client} described how the medication fits alongside the work we are doing on {goal}.',
  'Reviewed what {client} hopes the medication will and will not do; expectations feel realistic.',
];
