import { useCallback, useState } from 'react';
import { Modal } from '@mantine/core';
import type { MeasureDefinition } from '../../../../shared/measures/definition';
import type { MeasureDraft } from './measure-draft';
import { MeasureEditorForm } from './MeasureEditorForm';
import type { SaveCustomMeasureInput } from './save-measure';

export interface MeasureEditorTarget {
  draft: MeasureDraft;
  /** The measure being copied or edited, for the title and the version note; null for a new one. */
  source: MeasureDefinition | null;
}

interface MeasureEditorModalProps {
  target: MeasureEditorTarget | null;
  onClose: () => void;
  save: (input: SaveCustomMeasureInput) => Promise<MeasureDefinition>;
  onSaved: (measure: MeasureDefinition) => void;
}

function titleOf(target: MeasureEditorTarget | null): string {
  if (!target?.source) return 'New measure';
  return target.draft.id === null ? `Copy “${target.source.name}”` : `Edit “${target.source.name}”`;
}

/**
 * New, copy or edit a measure in a dialog. A long form is easy to close by accident (Escape, the ×),
 * so with changes typed, closing asks first instead of throwing them away.
 */
export function MeasureEditorModal({ target, onClose, save, onSaved }: MeasureEditorModalProps) {
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const onDirtyChange = useCallback((value: boolean) => setDirty(value), []);

  const close = () => {
    setConfirming(false);
    onClose();
  };
  const requestClose = () => (dirty ? setConfirming(true) : close());
  const saved = (measure: MeasureDefinition) => {
    setConfirming(false);
    onSaved(measure);
  };

  return (
    <Modal opened={target !== null} onClose={requestClose} title={titleOf(target)} size="xl" closeOnClickOutside={false}>
      {target && (
        <MeasureEditorForm
          key={`${target.source?.id ?? 'new'}-${target.source?.version ?? 0}-${String(target.draft.id)}`}
          initial={target.draft}
          source={target.source}
          save={save}
          onSaved={saved}
          onDirtyChange={onDirtyChange}
          onCancel={requestClose}
          confirmDiscard={confirming ? { keepEditing: () => setConfirming(false), discard: close } : null}
        />
      )}
    </Modal>
  );
}
