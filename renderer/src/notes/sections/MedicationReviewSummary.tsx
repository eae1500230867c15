import { List, Skeleton, Stack, Text } from '@mantine/core';
import { adherenceWords, type MedicationReview } from '../../../../shared/medication-review';
import {
  itemAnswered,
  missedDosesInWords,
  plannedChangeInWords,
  reviewTextFields,
  reviewTextLabels,
  sideEffectsAbsentInWords,
  sideEffectsPresentInWords,
} from '../../../../shared/medication-review-words';
import type { Medication } from '../../../../shared/medications';
import { errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatLocalDay } from '../../lib/dates';
import { useMedications } from '../../medications/queries';

interface MedicationReviewSummaryProps {
  clientId: string;
  noteId: string;
  sessionDate: string;
  review: MedicationReview;
}

/** Doses a day as they stood in the visit: the medication's last event up to that day, not one this note applied. */
function dosesPerDayAt(medication: Medication | undefined, sessionDate: string, noteId: string): number | null {
  const before = medication?.history.filter((event) => event.date <= sessionDate && event.noteId !== noteId) ?? [];
  return before.at(-1)?.regimen.dosesPerDay ?? null;
}

/** A signed note's medication review, read-only: what was asked per medication, and the changes it applied. */
export function MedicationReviewSummary({ clientId, noteId, sessionDate, review }: MedicationReviewSummaryProps) {
  const medications = useMedications(clientId);
  if (medications.isPending) return <Skeleton height={60} aria-label="Loading the client's medications" />;
  if (medications.isError) return <ErrorAlert title="The client's medications could not be loaded" message={errorMessage(medications.error)} />;
  const byId = new Map(medications.data.medications.map((medication) => [medication.id, medication]));
  const answered = review.items.filter(itemAnswered);
  if (answered.length === 0 && review.changes.length === 0) return null;
  return (
    <Stack gap="sm">
      {answered.map((item) => {
        const medication = byId.get(item.medicationId);
        const missed = missedDosesInWords(item.missedDoses, dosesPerDayAt(medication, sessionDate, noteId));
        const present = sideEffectsPresentInWords(item);
        const absent = sideEffectsAbsentInWords(item);
        const name = medication?.name ?? 'A medication no longer on the list';
        return (
          <div key={item.medicationId}>
            <Text fw={600} size="sm">
              <bdi>{name}</bdi>
            </Text>
            <List size="sm" aria-label={`Review of ${name}`}>
              {item.adherence !== null && <List.Item>Adherence since the last visit: {adherenceWords[item.adherence]}</List.Item>}
              {missed !== null && <List.Item>Doses missed in the last 7 days: {missed}</List.Item>}
              {present !== '' && <List.Item>Side effects: {present}</List.Item>}
              {absent !== '' && <List.Item>Asked about, not present: {absent}</List.Item>}
              {reviewTextFields
                .filter((key) => item[key].trim() !== '')
                .map((key) => (
                  <List.Item key={key}>
                    {reviewTextLabels[key]}:{' '}
                    <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                      {item[key].trim()}
                    </Text>
                  </List.Item>
                ))}
            </List>
          </div>
        );
      })}
      {review.changes.length > 0 && (
        <div>
          <Text fw={600} size="sm">
            Changes applied to the medication list, dated {formatLocalDay(sessionDate)}
          </Text>
          <List size="sm" aria-label="Changes applied to the medication list">
            {review.changes.map((change) => (
              <List.Item key={change.id}>
                <bdi>{plannedChangeInWords(change, byId.get(change.medicationId ?? '')?.name ?? null)}</bdi>
                {change.reason.trim() !== '' && <> Reason: <bdi>{change.reason.trim()}</bdi></>}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
