import { useCallback, useEffect, useRef } from 'react';
import { Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { MedicationReview } from '../../../../shared/medication-review';
import { errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatLocalDay } from '../../lib/dates';
import { useMedicationNames, useMedications } from '../../medications/queries';
import { errorsUnder, errorsWithout, newChange, reviewWithCurrent } from './medication-review-form';
import { MedicationReviewItemFields } from './MedicationReviewItemFields';
import { PlannedChangeFields } from './PlannedChangeFields';

interface MedicationReviewPanelProps {
  clientId: string;
  sessionDate: string;
  value: MedicationReview | undefined;
  /** An edit: saved with the draft. */
  onChange: (review: MedicationReview) => void;
  /** The review filled in from the client's list: held with the draft, saved with the next edit. */
  onPrefill: (review: MedicationReview) => void;
  /** The service's refusals at signing, keyed as `items.0.missedDoses`, `changes.1.reason`, … */
  errors: Record<string, string>;
  onErrorsChange: (errors: Record<string, string>) => void;
  /** Told which number boxes hold something their rule refuses, so signing waits until it is fixed. */
  onProblems: (problems: ReadonlyMap<string, string>) => void;
}

/** The medication review section's structured part: each current medication, then the changes decided. */
export function MedicationReviewPanel({ clientId, sessionDate, value, onChange, onPrefill, errors, onErrorsChange, onProblems }: MedicationReviewPanelProps) {
  const medications = useMedications(clientId);
  const names = useMedicationNames();
  const list = medications.data?.medications;

  useEffect(() => {
    if (!list) return;
    const prefilled = reviewWithCurrent(value, list);
    if (prefilled !== value) onPrefill(prefilled);
  }, [list, value, onPrefill]);

  // One stable reporter per number box, so a box reports its problem once per change, not per render.
  const problems = useRef(new Map<string, string>());
  const reporters = useRef(new Map<string, (problem: string | null) => void>());
  const reporterFor = useCallback(
    (key: string) => {
      let reporter = reporters.current.get(key);
      if (!reporter) {
        reporter = (problem) => {
          if ((problems.current.get(key) ?? null) === problem) return;
          if (problem === null) problems.current.delete(key);
          else problems.current.set(key, problem);
          onProblems(new Map(problems.current));
        };
        reporters.current.set(key, reporter);
      }
      return reporter;
    },
    [onProblems],
  );

  if (medications.isPending) return <Skeleton height={120} aria-label="Loading the client's medications" />;
  if (medications.isError) return <ErrorAlert title="The client's medications could not be loaded" message={errorMessage(medications.error)} />;
  const review = value ?? { items: [], changes: [] };
  const byId = new Map(medications.data.medications.map((medication) => [medication.id, medication]));
  /** Saves an edit and drops the service's messages under `clear`, which were about what was just changed. */
  const edit = (next: MedicationReview, clear: string | null) => {
    onChange(next);
    if (clear !== null && Object.keys(errorsUnder(errors, clear)).length > 0) onErrorsChange(errorsWithout(errors, clear));
  };

  return (
    <Stack gap="md">
      {review.items.length === 0 && (
        <Text size="sm" c="dimmed">
          This client has no current medications on their list. A medication started in this visit can be added under “Changes decided in this visit”.
        </Text>
      )}
      {review.items.map((item, index) => (
        <MedicationReviewItemFields
          key={item.medicationId}
          medication={byId.get(item.medicationId)}
          item={item}
          errors={errorsUnder(errors, `items.${index}.`)}
          onProblem={reporterFor(`item:${item.medicationId}`)}
          onChange={(next) => edit({ ...review, items: review.items.map((candidate, i) => (i === index ? next : candidate)) }, `items.${index}.`)}
        />
      ))}
      <Stack gap="xs">
        <Title order={3} size="h5">
          Changes decided in this visit
        </Title>
        <Text size="sm" c="dimmed">
          These are applied to the medication list when the note is signed, dated the session’s date ({formatLocalDay(sessionDate)}). Until then the list stays as it is.
        </Text>
        {review.changes.map((change, index) => (
          <PlannedChangeFields
            key={change.id}
            position={index + 1}
            change={change}
            medications={medications.data.medications}
            names={names.data?.names ?? []}
            errors={errorsUnder(errors, `changes.${index}.`)}
            onProblem={reporterFor(`change:${change.id}`)}
            onChange={(next) => edit({ ...review, changes: review.changes.map((candidate, i) => (i === index ? next : candidate)) }, `changes.${index}.`)}
            // Removing one renumbers the rest: their messages no longer point at the right change.
            onRemove={() => edit({ ...review, changes: review.changes.filter((_, i) => i !== index) }, 'changes.')}
          />
        ))}
        <div>
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => edit({ ...review, changes: [...review.changes, newChange(null)] }, null)}>
            Add a change
          </Button>
        </div>
      </Stack>
    </Stack>
  );
}
