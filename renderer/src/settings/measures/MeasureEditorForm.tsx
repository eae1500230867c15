import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { MAX_ITEMS, type MeasureDefinition } from '../../../../shared/measures/definition';
import { ApiError, errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUnsavedChanges } from '../../navigation/navigation-guard';
import { BandRow } from './BandRow';
import { DescriptionFields } from './DescriptionFields';
import { ErrorSummary } from './ErrorSummary';
import { ItemRow } from './ItemRow';
import type { MeasureDraft } from './measure-draft';
import { serviceFieldErrors, validateMeasureDraft } from './measure-validation';
import { RowList } from './RowList';
import { ScoringFields } from './ScoringFields';
import { SubscaleRow } from './SubscaleRow';
import { MAX_BANDS, useMeasureDraft } from './useMeasureDraft';
import type { SaveCustomMeasureInput } from './save-measure';

export interface MeasureEditorFormProps {
  initial: MeasureDraft;
  /** The measure being copied or edited; null for a new one. */
  source: MeasureDefinition | null;
  save: (input: SaveCustomMeasureInput) => Promise<MeasureDefinition>;
  onSaved: (measure: MeasureDefinition) => void;
  onDirtyChange: (dirty: boolean) => void;
  /** Cancel: the modal decides whether to ask first. */
  onCancel: () => void;
  /** Set while the modal asks whether to throw away what was typed. */
  confirmDiscard: { keepEditing: () => void; discard: () => void } | null;
}

function versionNote(draft: MeasureDraft, source: MeasureDefinition | null): string {
  if (!source) return 'This makes a new measure, starting at version 1.';
  if (draft.id === null) return `This makes a new measure, starting at version 1. “${source.name}” stays as it is.`;
  return `Saving makes version ${source.version + 1}. Results already recorded keep the version they were scored with; new results use the latest.`;
}

/** The measure's fields, checked on save against the contract's schema; nothing typed is lost on a refusal. */
export function MeasureEditorForm({ initial, source, save, onSaved, onDirtyChange, onCancel, confirmDiscard }: MeasureEditorFormProps) {
  const state = useMeasureDraft(initial);
  const { draft, errors, setErrors } = state;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [focusUid, setFocusUid] = useState<string | null>(null);
  // Bumped after a refused save, so focus moves to what needs fixing.
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const keepEditingRef = useRef<HTMLButtonElement>(null);

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useUnsavedChanges(dirty);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  useEffect(() => {
    if (focusUid) formRef.current?.querySelector<HTMLInputElement>(`[data-row-first="${focusUid}"]`)?.focus();
  }, [focusUid]);

  useEffect(() => {
    if (refusals === 0) return;
    // The summary when there is one (it lists everything); otherwise the one field that is wrong.
    if (summaryRef.current) summaryRef.current.focus();
    else formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  useEffect(() => {
    if (confirmDiscard) keepEditingRef.current?.focus();
  }, [confirmDiscard]);

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (busy || confirmDiscard) return;
    setFailure(null);
    const { input, errors: found } = validateMeasureDraft(draft);
    setErrors(found);
    if (!input) {
      setRefusals((count) => count + 1);
      return;
    }
    setBusy(true);
    try {
      onSaved(await save({ id: draft.id, measure: input }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VALIDATION' && Object.keys(caught.fieldErrors).length > 0) {
        setErrors(serviceFieldErrors(caught.fieldErrors));
        setRefusals((count) => count + 1);
      } else setFailure(errorMessage(caught));
      setBusy(false);
    }
  };

  // Ctrl/Cmd+Enter saves from anywhere in the long form, without tabbing to the button.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <Stack gap="lg">
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
          {versionNote(draft, source)}
        </Alert>
        {draft.scoreOnly && (
          <Text size="sm" c="dimmed">
            Scores only: this is a licensed instrument whose wording is not included, so item wording may stay empty. Scores are entered from your own licensed forms.
          </Text>
        )}
        <DescriptionFields state={state} />
        <RowList
          title="Items"
          description="Each item is answered on its own scale, from its lowest to its highest answer."
          error={errors.items}
          addLabel="Add item"
          full={draft.items.length >= MAX_ITEMS ? `A measure can have at most ${MAX_ITEMS} items.` : undefined}
          onAdd={() => setFocusUid(state.addItem())}
        >
          {draft.items.map((item, index) => (
            <ItemRow
              key={item.uid}
              item={item}
              index={index}
              canRemove={draft.items.length > 1}
              scoreOnly={draft.scoreOnly}
              errors={errors}
              onChange={(change) => state.changeItem(index, change)}
              onRemove={() => state.removeItem(item.uid)}
            />
          ))}
        </RowList>
        <RowList
          title="Subscales"
          description="Optional: groups of items charted as their own lines (for example Goals, Tasks, Bond)."
          error={errors.subscales}
          addLabel="Add subscale"
          onAdd={() => setFocusUid(state.addSubscale())}
        >
          {draft.subscales.map((subscale, index) => (
            <SubscaleRow
              key={subscale.uid}
              subscale={subscale}
              index={index}
              items={draft.items}
              errors={errors}
              onChange={(change) => state.changeSubscale(index, change)}
              onRemove={() => state.removeSubscale(subscale.uid)}
            />
          ))}
        </RowList>
        <ScoringFields state={state} />
        <RowList
          title="Bands"
          description="Optional: named ranges of the total, from the lowest up, together covering the whole range. Both ends are included."
          error={errors.bands}
          addLabel="Add band"
          full={draft.bands.length >= MAX_BANDS ? `A measure can have at most ${MAX_BANDS} bands.` : undefined}
          onAdd={() => setFocusUid(state.addBand())}
        >
          {draft.bands.map((band, index) => (
            <BandRow key={band.uid} band={band} index={index} errors={errors} onChange={(change) => state.changeBand(index, change)} onRemove={() => state.removeBand(band.uid)} />
          ))}
        </RowList>
        {draft.flagItems.length > 0 && (
          <Text size="sm" c="dimmed">
            Kept from the original: {draft.flagItems.map((flag) => `“${flag.message}”`).join(' ')} A flag goes if its item is removed.
          </Text>
        )}
        <ErrorSummary errors={errors} ref={summaryRef} />
        <ErrorAlert title="The measure was not saved" message={failure} />
        {confirmDiscard ? (
          <Alert color="yellow" variant="light" title="Discard unsaved changes?">
            <Text size="sm" mb="sm">
              What you changed in this measure is not saved yet. If you close now, it will be lost.
            </Text>
            <Group justify="flex-end">
              <Button ref={keepEditingRef} variant="default" onClick={confirmDiscard.keepEditing}>
                Keep editing
              </Button>
              <Button color="red" onClick={confirmDiscard.discard}>
                Discard changes
              </Button>
            </Group>
          </Alert>
        ) : (
          <Group justify="flex-end">
            <Text size="xs" c="dimmed" mr="auto">
              Ctrl+Enter saves
            </Text>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Save measure
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
