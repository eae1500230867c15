import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { FLAG_ITEM_BLANK, scoreMeasure, scoredItems, type MeasureDefinition } from '../../../shared/measures';
import type { MeasureResult } from '../../../shared/measure-records';
import { localIsoDate } from '../../../shared/dates';
import { ApiError, call, errorMessage } from '../api';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { itemLabel } from '../../../shared/measure-item-names';
import { ItemInput } from './ItemInput';
import { useItemNames } from './item-names';
import { LATE_REASON_LABEL, LateEntryConfirm } from './LateEntryConfirm';
import { useMeasureDefinitions, useMeasuresChanged } from './queries';

interface MeasureEntryFormProps {
  clientId: string;
  /** The session the result belongs to (its date is the session's); null records it on its own. */
  session: { id: string; date: string } | null;
  onDone: (result: MeasureResult) => void;
  onCancel: () => void;
  /** The session's note is signed: the result is a late entry, signed with an addendum saying why. */
  lateEntry?: { noteId: string } | undefined;
}

const LATE_REASON_NEEDED = 'Say why this result is entered after signing.';

const DEFAULT_MEASURE = 'sac-client';

/** Choose a measure, answer its items, see the scores and band live, and attach the result. */
export function MeasureEntryForm({ clientId, session, onDone, onCancel, lateEntry }: MeasureEntryFormProps) {
  const definitions = useMeasureDefinitions();
  const [measureId, setMeasureId] = useState(DEFAULT_MEASURE);
  // A late entry is confirmed before signing; the measure stays as chosen while it is.
  const [reviewing, setReviewing] = useState(false);
  const measure = definitions.data?.measures.find((candidate) => candidate.id === measureId) ?? null;
  const options = useMemo(() => {
    const all = definitions.data?.measures ?? [];
    const group = (kind: MeasureDefinition['kind']) => all.filter((candidate) => candidate.kind === kind).map((candidate) => ({ value: candidate.id, label: candidate.name }));
    return [
      { group: 'Alliance', items: group('alliance') },
      { group: 'Outcome', items: group('outcome') },
    ];
  }, [definitions.data]);

  if (definitions.isError) return <ErrorAlert title="Measures could not be loaded" message={errorMessage(definitions.error)} />;
  return (
    <Stack>
      {!reviewing && (
        <Select
          label="Measure"
          data={options}
          value={measureId}
          allowDeselect={false}
          searchable
          onChange={(value) => value && setMeasureId(value)}
          data-autofocus
        />
      )}
      {measure && (
        <ItemsForm
          key={measure.id}
          clientId={clientId}
          session={session}
          measure={measure}
          onDone={onDone}
          onCancel={onCancel}
          lateEntry={lateEntry}
          reviewing={reviewing}
          onReviewing={setReviewing}
        />
      )}
    </Stack>
  );
}

interface ItemsFormProps extends MeasureEntryFormProps {
  measure: MeasureDefinition;
  reviewing: boolean;
  onReviewing: (reviewing: boolean) => void;
}

function ItemsForm({ clientId, session, measure, onDone, onCancel, lateEntry, reviewing, onReviewing }: ItemsFormProps) {
  const [responses, setResponses] = useState<Record<string, number | null>>(() => Object.fromEntries(measure.items.map((item) => [item.key, null])));
  const [takenOn, setTakenOn] = useState(session?.date ?? localIsoDate());
  const [dateError, setDateError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [lateReason, setLateReason] = useState('');
  const [lateReasonError, setLateReasonError] = useState<string | null>(null);
  const changed = useMeasuresChanged();
  const names = useItemNames().data?.names[measure.id];
  const score = scoreMeasure(measure, responses);
  const incomplete = score.total === null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    const reasonMissing = lateEntry !== undefined && lateReason.trim() === '';
    if (reasonMissing) setLateReasonError(LATE_REASON_NEEDED);
    if (Object.keys(score.problems).length > 0 || incomplete || score.blankFlagItems.length > 0 || reasonMissing) return;
    if (lateEntry) {
      onReviewing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await call('recordMeasure', { clientId, sessionId: session?.id ?? null, measureId: measure.id, takenOn, responses });
      changed(clientId);
      onDone(result);
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors : {};
      if (fields.takenOn) setDateError(fields.takenOn);
      setServerErrors(fields);
      if (Object.keys(fields).length === 0 || fields.responses) setError(fields.responses ?? errorMessage(caught));
      setBusy(false);
    }
  };

  const scoredCount = scoredItems(measure.items).length;
  const needed = scoredCount - measure.total.maxMissing;
  if (lateEntry && reviewing) {
    return (
      <LateEntryConfirm
        clientId={clientId}
        noteId={lateEntry.noteId}
        measure={measure}
        takenOn={takenOn}
        responses={responses}
        score={score}
        reason={lateReason}
        onBack={() => onReviewing(false)}
        onRefused={(fields) => {
          setServerErrors(fields);
          if (fields.addendumText) setLateReasonError(fields.addendumText);
          const other = fields.takenOn ?? fields.responses ?? fields.measureId;
          if (other) setError(other);
          onReviewing(false);
        }}
        onDone={onDone}
      />
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert message={error} />
        {measure.scoreOnly && (
          <Alert color="blue" variant="light">
            A licensed measure: enter the item scores from your own licensed form. Its wording is not included here.
          </Alert>
        )}
        {measure.instructions && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {measure.instructions}
          </Text>
        )}
        {!session && <DateField label="Date taken" value={takenOn} max={localIsoDate()} error={dateError} onChange={setTakenOn} onClearError={() => setDateError(null)} />}
        {measure.items.map((item, index) => (
          <ItemInput
            key={item.key}
            item={item}
            label={itemLabel(item, index + 1, names)}
            value={responses[item.key] ?? null}
            onChange={(value) => {
              setResponses((current) => ({ ...current, [item.key]: value }));
              setServerErrors(({ [`responses.${item.key}`]: _dropped, ...rest }) => rest);
            }}
            error={
              score.problems[item.key] ??
              serverErrors[`responses.${item.key}`] ??
              (tried && score.blankFlagItems.includes(item.key) ? FLAG_ITEM_BLANK : undefined) ??
              (tried && score.missing.includes(item.key) && incomplete ? 'Answer this item.' : undefined)
            }
          />
        ))}
        <ScoreSummary measure={measure} score={score} />
        {tried && incomplete && Object.keys(score.problems).length === 0 && (
          <Text size="sm" c="red.7">
            Answer at least {needed} of the {scoredCount} items to score this measure.
          </Text>
        )}
        {lateEntry && (
          <Textarea
            label={LATE_REASON_LABEL}
            description="Signed as an addendum to the note, with a line naming the measure and the date it was taken."
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={lateReason}
            error={lateReasonError}
            onChange={(event) => {
              setLateReason(event.currentTarget.value);
              setLateReasonError(null);
            }}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {lateEntry ? 'Review late entry' : 'Save result'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const SEVERITY_COLORS = ['teal', 'lime', 'yellow', 'orange', 'red'];

/** Subscales, total and band as they stand, announced politely as answers change. */
function ScoreSummary({ measure, score }: { measure: MeasureDefinition; score: ReturnType<typeof scoreMeasure> }) {
  return (
    <Group gap="lg" aria-live="polite" role="status" aria-label="Scores" wrap="wrap">
      {measure.subscales.map((subscale) => (
        <Text key={subscale.key} size="sm">
          {subscale.label}: <strong>{score.subscales[subscale.key] ?? '–'}</strong>
        </Text>
      ))}
      <Text size="sm">
        Total: <strong>{score.total ?? '–'}</strong> of {measure.range.max}
        {score.prorated ? ' (estimated over blank items)' : ''}
      </Text>
      {score.band && (
        <Badge variant="light" color={SEVERITY_COLORS[score.band.severity] ?? 'gray'}>
          {score.band.label}
        </Badge>
      )}
      {score.flags.map((flag) => (
        <Badge key={flag} color="red">
          {flag}
        </Badge>
      ))}
    </Group>
  );
}
