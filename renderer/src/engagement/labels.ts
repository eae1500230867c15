import type { Frequency, RepeatInterval } from '../../../shared/engagement';

/**
 * The screens' words for engagement records. The words files share with the screens (missed kinds,
 * contact kinds and directions, a contact's title) are in shared/engagement-labels.ts, used here too, so
 * the export and the PDF say what the screens say; this module adds the option labels only screens need.
 */
export { CONTACT_KIND_LABELS, contactTitle, DIRECTION_LABELS, MISSED_LABELS } from '../../../shared/engagement-labels';

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  monthly: 'Monthly',
  every_n_days: 'Every N days',
  as_needed: 'As needed',
};

export const REPEAT_LABELS: Record<RepeatInterval, string> = { weekly: 'Weekly', fortnightly: 'Fortnightly', four_weekly: 'Every 4 weeks' };

export const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));
