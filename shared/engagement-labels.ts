import type { ContactDirection, ContactKind, Frequency, MissedKind } from './engagement';

/**
 * Engagement records in words for the files the app writes (the export's Markdown, the PDF summary), in
 * the same wording as the screens, so a reader of a file meets the terms they saw in the app. Types only
 * from shared/engagement, so no zod comes with them.
 */

export const FREQUENCY_WORDS: Record<Frequency, string> = {
  weekly: 'weekly',
  fortnightly: 'fortnightly',
  monthly: 'monthly',
  every_n_days: 'every N days',
  as_needed: 'as needed',
};

export const MISSED_LABELS: Record<MissedKind, string> = { no_show: 'No-show', late_cancellation: 'Late cancellation' };

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
  return `${noun} with ${contact.professional.trim() || 'another professional'}`;
}
