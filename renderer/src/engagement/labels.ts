import type { ContactDirection, ContactKind, Frequency, MissedKind, RepeatInterval } from '../../../shared/engagement';

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  monthly: 'Monthly',
  every_n_days: 'Every N days',
  as_needed: 'As needed',
};

export const MISSED_LABELS: Record<MissedKind, string> = { no_show: 'No-show', late_cancellation: 'Late cancellation' };

export const REPEAT_LABELS: Record<RepeatInterval, string> = { weekly: 'Weekly', fortnightly: 'Fortnightly', four_weekly: 'Every 4 weeks' };

export const CONTACT_KIND_LABELS: Record<ContactKind, string> = { phone: 'Phone', message: 'Message', letter: 'Letter', email: 'Email', other: 'Other' };

export const DIRECTION_LABELS: Record<ContactDirection, string> = {
  to_client: 'To the client',
  from_client: 'From the client',
  with_professional: 'With another professional',
};

const CONTACT_NOUNS: Record<ContactKind, string> = { phone: 'Phone call', message: 'Message', letter: 'Letter', email: 'Email', other: 'Contact' };

/** "Phone call to client", "Email from client", "Letter with Dr Aziz (GP)". */
export function contactTitle(contact: { kind: ContactKind; direction: ContactDirection; professional: string }): string {
  const noun = CONTACT_NOUNS[contact.kind];
  if (contact.direction === 'to_client') return `${noun} to client`;
  if (contact.direction === 'from_client') return `${noun} from client`;
  return `${noun} with ${contact.professional || 'another professional'}`;
}

export const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));
