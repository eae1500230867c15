import type { NoteTemplate, TemplateSection } from '../../shared/note-templates';
import type { GoalProgressMark, NoteContent, RiskLevel } from '../../shared/notes';
import type { RichTextNode } from '../../shared/rich-text';
import { fictionalWord } from './names';
import type { Rng } from './prng';
import type { ClinicalProfile } from './profiles';
import { bulletList, doc, paragraph, taskList } from './rich-text';
import {
  AFFECTS,
  CANCEL_REASONS,
  DIFFICULTY,
  EVENTS,
  GENERIC_TECHNIQUES,
  HELPFUL,
  MISSED_SENTENCES,
  PEOPLE,
  PROTECTIVE,
  REPAIRS,
  RISK_ACTIONS_HIGH,
  RUPTURE_CAUSES,
  SECTION_SENTENCES,
  SETTINGS,
  STRENGTHS,
  TIMEFRAMES,
} from './vocabulary';

export type Pronoun = 'she' | 'he' | 'they';

/** Everything a note's text depends on; the session plan decides it, this module only writes it. */
export interface NoteSpec {
  rng: Rng;
  template: NoteTemplate;
  profile: ClinicalProfile;
  /** How the note refers to the client by name now and then. */
  clientName: string;
  pronoun: Pronoun;
  attendance: 'attended' | 'late_cancellation' | 'no_show';
  sessionNumber: number;
  cadence: string;
  /** "Tuesday 14 May at 17:00", or null when no next session is booked. */
  nextAppointment: string | null;
  /** Goals active on the session's day, with the mark this session gives each (goals section only). */
  goalMarks: readonly { goalId: string; text: string; progress: GoalProgressMark }[];
  /** Last session's homework as the service pre-fills it. */
  homeworkReview: readonly { text: string; done: boolean }[];
  rupture: boolean;
  risk: RiskLevel;
  /** One line quoting the session's measure results, or ''. */
  measureLine: string;
  outcomeName: string;
  trend: string;
  /** Characters of text to aim for across the note (about 2 KB). */
  targetChars: number;
  /** A draft still being written: its later sections may be empty. */
  unfinished: boolean;
}

const SECTION_WEIGHT: Readonly<Record<string, number>> = { goals: 1.1, tasks: 1.2, bond: 0.9, risk: 0.55, plan: 0.7 };
const PRONOUNS: Readonly<Record<Pronoun, { they: string; their: string; them: string }>> = {
  she: { they: 'she', their: 'her', them: 'her' },
  he: { they: 'he', their: 'his', them: 'him' },
  they: { they: 'they', their: 'their', them: 'them' },
};
const EXTRA_EVENTS = ['a meeting with {proper} from HR', 'a weekend in {proper}', 'the dog, {proper}, being unwell', 'a call from {proper}, an old school friend', 'the {proper} project going live'];

const capital = (text: string) => text.charAt(0).toLocaleUpperCase('en') + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('en') + text.slice(1);

/** Fills `{slot}`s from the spec, recursively (an event may name a person). */
function filler(spec: NoteSpec): (template: string) => string {
  const { rng, profile } = spec;
  const p = PRONOUNS[spec.pronoun];
  let measuresQuoted = false;
  const goalTexts = spec.goalMarks.length > 0 ? spec.goalMarks.map((mark) => mark.text) : profile.goals.map((goal) => goal.text);
  const slots: Record<string, () => string> = {
    Client: () => rng.weighted([['Client', 5], ['The client', 3], [spec.clientName, 2]] as const),
    client: () => rng.weighted([['the client', 7], [spec.clientName, 3]] as const),
    They: () => capital(p.they),
    they: () => p.they,
    their: () => p.their,
    them: () => p.them,
    symptom: () => rng.pick(profile.symptoms),
    trigger: () => rng.pick(profile.triggers),
    technique: () => rng.pick(profile.techniques),
    homeworkLower: () => lowerFirst(rng.pick(profile.homework)),
    concern: () => rng.pick(profile.concerns),
    goal: () => rng.pick(goalTexts),
    person: () => rng.pick(PEOPLE),
    setting: () => rng.pick(SETTINGS),
    affect: () => rng.pick(AFFECTS),
    strength: () => rng.pick(STRENGTHS),
    event: () => (rng.chance(0.2) ? rng.pick(EXTRA_EVENTS) : rng.pick(EVENTS)),
    proper: () => fictionalWord(rng),
    timeframe: () => rng.pick(TIMEFRAMES),
    generic: () => rng.pick(GENERIC_TECHNIQUES),
    protective: () => rng.pick(PROTECTIVE),
    rating: () => `${rng.int(2, 8)}/10`,
    hours: () => String(rng.int(4, 8)),
    energy: () => rng.pick(['low', 'variable', 'improving', 'reasonable', 'poor in the mornings']),
    difficulty: () => rng.pick(DIFFICULTY),
    helpful: () => rng.pick(HELPFUL),
    progressWord: () => rng.pick(['slow but steady', 'good', 'mixed', 'limited this month', 'encouraging', 'uneven']),
    riskWord: () => (spec.risk === 'none' ? 'low' : spec.risk),
    trend: () => spec.trend,
    outcome: () => spec.outcomeName,
    reviewAt: () => String(spec.sessionNumber + rng.int(4, 8)),
    cadence: () => spec.cadence,
    next: () => spec.nextAppointment ?? 'to be confirmed',
    // Quoted once per note, wherever it falls first.
    measureLine: () => {
      if (measuresQuoted) return '';
      measuresQuoted = true;
      return spec.measureLine;
    },
    ruptureCause: () => rng.pick(RUPTURE_CAUSES),
    repair: () => capital(rng.pick(REPAIRS)),
    hoursBefore: () => String(rng.int(2, 20)),
    reason: () => rng.pick(CANCEL_REASONS),
  };
  const fill = (template: string, depth = 0): string =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const slot = slots[name];
      if (!slot) return whole;
      const value = slot();
      return depth < 3 && value.includes('{') ? fill(value, depth + 1) : value;
    });
  return (template) => fill(template);
}

/** Narrative sentences any section may borrow once its own pool is used up. */
const SHARED_POOL = ['subjective', 'data', 'intervention', 'response', 'assessment'].flatMap((key) => SECTION_SENTENCES[key]!);

/**
 * Sentences from `pool`, then from the shared pool, until about `budget` characters. No template is
 * used twice in a note (`used` spans its sections) unless every one has been.
 */
function sentences(spec: NoteSpec, fill: (t: string) => string, pool: readonly string[], budget: number, used: Set<string>): string[] {
  const out: string[] = [];
  let length = 0;
  let order = spec.rng.sample(pool.filter((t) => !used.has(t)), pool.length);
  let borrowed = false;
  for (let guard = 0; length < budget && guard < 60; guard++) {
    if (order.length === 0) {
      const fresh = borrowed ? [] : SHARED_POOL.filter((t) => !used.has(t));
      borrowed = true;
      order = spec.rng.sample(fresh.length > 0 ? fresh : pool, SHARED_POOL.length);
    }
    const template = order.shift()!;
    used.add(template);
    const sentence = fill(template).trim();
    if (sentence === '') continue;
    out.push(sentence);
    length += sentence.length + 1;
  }
  return out;
}

/** Sentences grouped into paragraphs of two or three, one bolded lead-in now and then. */
function paragraphs(spec: NoteSpec, lines: readonly string[]): RichTextNode[] {
  const blocks: RichTextNode[] = [];
  for (let i = 0; i < lines.length; ) {
    const size = spec.rng.int(2, 3);
    const text = lines.slice(i, i + size).join(' ');
    const colon = text.indexOf(': ');
    blocks.push(colon > 0 && colon < 24 && spec.rng.chance(0.5) ? paragraph({ text: text.slice(0, colon + 1), bold: true }, text.slice(colon + 1)) : paragraph(text));
    i += size;
  }
  return blocks;
}

function sectionDoc(spec: NoteSpec, fill: (t: string) => string, section: TemplateSection, budget: number, used: Set<string>): RichTextNode {
  const { rng } = spec;
  switch (section.kind) {
    case 'tasks': {
      const homework = rng.sample(spec.profile.homework, rng.int(1, 3));
      const lines = sentences(spec, fill, SECTION_SENTENCES.tasks!, Math.max(120, budget - homework.join(' ').length - 12), used);
      return doc([...paragraphs(spec, lines), paragraph({ text: 'Homework:', bold: true }), taskList(homework.map((text) => ({ text, checked: false })))]);
    }
    case 'bond': {
      const lines = spec.rupture ? [...SECTION_SENTENCES.rupture!.map(fill)] : [];
      lines.push(...sentences(spec, fill, SECTION_SENTENCES.bond!, budget - lines.join(' ').length, used));
      return doc(paragraphs(spec, lines));
    }
    case 'risk': {
      const pool = spec.risk === 'high' ? SECTION_SENTENCES.riskHigh! : spec.risk === 'moderate' ? SECTION_SENTENCES.riskModerate! : spec.risk === 'low' ? SECTION_SENTENCES.riskLow! : SECTION_SENTENCES.riskNone!;
      return doc(paragraphs(spec, pool.map(fill)));
    }
    default: {
      const pool = SECTION_SENTENCES[section.key] ?? SECTION_SENTENCES.note!;
      const lines = sentences(spec, fill, pool, budget, used);
      // A Plan now and then as a list, the way many practitioners write it.
      if (section.key === 'plan' && rng.chance(0.35)) return doc([bulletList(lines)]);
      return doc(paragraphs(spec, lines));
    }
  }
}

/** The note of a session the client missed: a few lines in one section. */
function missedNote(spec: NoteSpec, fill: (t: string) => string, content: NoteContent): void {
  const pool = MISSED_SENTENCES[spec.attendance === 'no_show' ? 'no_show' : 'late_cancellation'];
  const target = spec.template.sections.find((section) => section.key === 'plan' && spec.template.id === 'alliance') ?? spec.template.sections.find((section) => section.kind === 'richText')!;
  content.sections[target.key] = doc(paragraphs(spec, spec.rng.sample(pool, spec.rng.int(2, pool.length)).map(fill)));
}

/** The note content of one session, in the shape the service stores (every template section present). */
export function noteContent(spec: NoteSpec): NoteContent {
  const { template, rng } = spec;
  const fill = filler(spec);
  const hasKind = (kind: TemplateSection['kind']) => template.sections.some((section) => section.kind === kind);
  const content: NoteContent = {
    sections: Object.fromEntries(template.sections.map((section) => [section.key, null])),
    goalProgress: [],
    // Ticked off in the Tasks section; a template without one keeps the service's pre-filled list.
    homeworkReview: spec.homeworkReview.map((item) => ({ text: item.text, done: hasKind('tasks') && spec.attendance === 'attended' ? rng.chance(0.6) : false })),
    rupture: { noted: false, description: '' },
    risk: { level: null, action: '' },
  };
  if (spec.attendance !== 'attended') {
    missedNote(spec, fill, content);
    return content;
  }
  const weights = template.sections.map((section) => SECTION_WEIGHT[section.kind === 'richText' ? section.key : section.kind] ?? 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const written = spec.unfinished ? rng.int(1, Math.max(1, template.sections.length - 1)) : template.sections.length;
  const used = new Set<string>();
  template.sections.forEach((section, i) => {
    if (i >= written) return;
    content.sections[section.key] = sectionDoc(spec, fill, section, (spec.targetChars * weights[i]!) / total, used);
  });
  if (hasKind('goals')) content.goalProgress = spec.goalMarks.map((mark) => ({ goalId: mark.goalId, progress: mark.progress }));
  if (hasKind('bond') && spec.rupture) content.rupture = { noted: true, description: `Client ${rng.pick(RUPTURE_CAUSES)}.` };
  if (hasKind('risk') && written > template.sections.findIndex((section) => section.kind === 'risk')) {
    content.risk = { level: spec.risk, action: spec.risk === 'high' ? rng.pick(RISK_ACTIONS_HIGH) : spec.risk === 'moderate' ? 'Safety plan updated; phone check-in agreed; GP informed with consent.' : '' };
  }
  return content;
}
