import type { ClientStatus } from '../../shared/clients';
import type { RichTextNode } from '../../shared/rich-text';
import { addDays } from './calendar';
import { fictionalWord, relatedName, type PersonName } from './names';
import type { Pronoun } from './note-content';
import type { Rng } from './prng';
import type { ClinicalProfile } from './profiles';
import { doc, paragraph } from './rich-text';

/**
 * The parts of a client record that are not clinical: pronouns, date of birth, contact details (phone
 * numbers from the UK's range reserved for drama, 07700 900000–900999; e-mail at the reserved example
 * domains; street and town names made up from syllables), emergency contact, referral source and
 * private remarks.
 */
const PRONOUNS: readonly (readonly [string, number])[] = [['she/her', 46], ['he/him', 40], ['they/them', 9], ['', 5]];
const RELATIONS = ['partner', 'mother', 'father', 'sister', 'brother', 'friend', 'daughter', 'son', 'aunt', 'flatmate', 'spouse'];
const REFERRALS = ['GP referral', 'Self-referral via website', 'Employee assistance programme', 'Previous client recommended', 'Insurance panel', 'University counselling service', 'Psychiatrist referral', 'Friend’s recommendation', 'Community mental health team'];
const REMARKS = [
  'Prefers late-afternoon appointments.',
  'Sliding-scale fee agreed at intake; review in six months.',
  'Pays by bank transfer at the end of each month.',
  'Ask before using their first name in the waiting room.',
  'Hard of hearing on the left side; sit to their right.',
  'Has asked for letters to go to the work address only.',
  'Works shifts; books two weeks ahead.',
];
const STREETS = ['Ash', 'Elm', 'Mill', 'Brook', 'Linden', 'Harbour', 'Orchard', 'Quarry', 'Willow', 'Meadow', 'Chapel', 'Rowan'];
const STREET_KINDS = ['Lane', 'Road', 'Street', 'Close', 'Way', 'Terrace', 'Gardens'];
const TOWN_ENDINGS = ['ford', 'bury', 'wick', 'ton', 'dale', 'mouth', 'ham'];
const DISCHARGE_PLANNED = [
  'Goals met; planned ending after a review session.',
  'Moved out of the area; referred to a local service.',
  'Ending agreed; welcome to return if needed.',
  'Funded sessions used up; referred back to the GP with a summary.',
  'Referred on to a specialist service for continued care.',
];
const DISCHARGE_DROPOUT = [
  'Dropped out: did not return after two missed sessions; discharge letter sent.',
  'Stopped attending; no reply to two letters offering a review.',
  'Dropped out after a rupture; offered a review session, not taken up.',
  'Disengaged after a change of job; did not rebook.',
];

export const pronounOf = (rng: Rng): { pronouns: string; pronoun: Pronoun } => {
  const pronouns = rng.weighted(PRONOUNS);
  return { pronouns, pronoun: pronouns.startsWith('she') ? 'she' : pronouns.startsWith('he') ? 'he' : 'they' };
};

/** A date of birth giving an age at intake typical of the profile. */
export function dateOfBirth(rng: Rng, intake: string, profile: ClinicalProfile): string {
  const age = profile.id === 'family' ? rng.int(13, 17) : rng.weighted([[rng.int(18, 24), 2], [rng.int(25, 44), 5], [rng.int(45, 64), 3], [rng.int(65, 80), 1]] as const);
  return addDays(intake, -Math.round(age * 365.25) - rng.int(0, 364));
}

const drama = (rng: Rng) => `07700 900${String(rng.int(0, 999)).padStart(3, '0')}`;

/** Lower-case ASCII of a Latin name, for an e-mail address. */
const ascii = (text: string) =>
  text
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[đĐ]/g, 'd')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export interface Contact {
  phone: string;
  email: string;
  address: string;
  emergencyContact: { name: string; relation: string; phone: string };
  referralSource: string;
  privateRemarks: string;
}

export function contactOf(rng: Rng, name: PersonName, serial: number): Contact {
  const latin = name.script.startsWith('latin-');
  const local = latin ? `${ascii(name.given)}.${ascii(name.family)}` : `${name.latinAlias.toLowerCase()}${serial}`;
  const emergency = rng.chance(0.6);
  return {
    phone: rng.chance(0.85) ? drama(rng) : '',
    email: rng.chance(0.75) && local.length > 1 ? `${local}@${rng.pick(['example.org', 'example.net', 'example.com'])}` : '',
    address: rng.chance(0.7)
      ? `${rng.int(1, 240)} ${rng.pick(STREETS)} ${rng.pick(STREET_KINDS)}, ${fictionalWord(rng)}${rng.pick(TOWN_ENDINGS)} ZZ${rng.int(1, 9)} ${rng.int(1, 9)}ZZ`
      : '',
    emergencyContact: emergency
      ? { name: relatedName(rng, name, rng.chance(0.5)), relation: rng.pick(RELATIONS), phone: drama(rng) }
      : { name: '', relation: '', phone: '' },
    referralSource: rng.pick(REFERRALS),
    privateRemarks: rng.chance(0.25) ? rng.pick(REMARKS) : '',
  };
}

/** The presenting concerns as the intake form's rich text: a paragraph or two. */
export function presentingConcerns(rng: Rng, profile: ClinicalProfile, referral: string): RichTextNode {
  const [first, second] = rng.sample(profile.concerns, 2);
  const symptoms = rng.sample(profile.symptoms, 3);
  const blocks = [
    paragraph(`${referral}. Presents with ${first}${second ? ` and ${second}` : ''}.`),
    paragraph(`Reports ${symptoms.join(', ')}. Main triggers: ${rng.sample(profile.triggers, 2).join(' and ')}.`),
  ];
  if (rng.chance(0.5)) blocks.push(paragraph({ text: 'Previous help: ', bold: true }, rng.pick(['none.', 'six sessions of counselling some years ago.', 'medication from the GP, with some benefit.', 'a self-help course online.'])));
  return doc(blocks);
}

export const dischargeReason = (rng: Rng, ending: 'planned' | 'dropout'): string => rng.pick(ending === 'planned' ? DISCHARGE_PLANNED : DISCHARGE_DROPOUT);

/** Tags: the profile's, plus practical ones. */
export function tagsOf(rng: Rng, profile: ClinicalProfile, extras: { evening: boolean; video: boolean }): string[] {
  const tags = rng.sample(profile.tags, rng.int(1, profile.tags.length));
  if (extras.evening) tags.push('Evening');
  if (extras.video) tags.push('Telehealth');
  if (rng.chance(0.1)) tags.push('Sliding scale');
  if (rng.chance(0.3)) tags.push('Insurance');
  return tags;
}

export type Ending = 'active' | 'paused' | 'planned' | 'dropout';
export const statusOf = (ending: Ending): ClientStatus => (ending === 'active' ? 'active' : ending === 'paused' ? 'paused' : 'discharged');
