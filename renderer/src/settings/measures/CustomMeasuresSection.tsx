import { useState } from 'react';
import { Button, Group, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import type { MeasureDefinition } from '../../../../shared/measures/definition';
import { call, errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { measureKeys } from '../../lib/query-keys';
import { useMeasureDefinitions } from '../../measures/queries';
import { SettingsSection } from '../SettingsSection';
import { MeasureCard } from './MeasureCard';
import { draftFrom, newMeasureDraft } from './measure-draft';
import { MeasureEditorModal, type MeasureEditorTarget } from './MeasureEditorModal';
import type { SaveCustomMeasureInput } from './save-measure';

/** Settings → Measures: every measure, a copy of a built-in to adapt, and measures of the practice's own. */
export function CustomMeasuresSection() {
  const queryClient = useQueryClient();
  const measures = useMeasureDefinitions();
  const [target, setTarget] = useState<MeasureEditorTarget | null>(null);

  const open = (source: MeasureDefinition, mode: 'copy' | 'edit') => setTarget({ source, draft: draftFrom(source, mode) });
  const save = (input: SaveCustomMeasureInput) => call('saveCustomMeasure', input);
  const saved = (measure: MeasureDefinition) => {
    setTarget(null);
    // Shared key: the record form and the charts pick up the new version too.
    void queryClient.invalidateQueries({ queryKey: measureKeys.definitions });
    notifications.show({ color: 'teal', message: `“${measure.name}” saved as version ${measure.version}` });
  };

  return (
    <SettingsSection
      title="Measures"
      description="The questionnaires you can record in a session. Built-in measures cannot be changed, but they can be copied and the copy edited. Every save of a custom measure makes a new version: results already recorded keep the version they were scored with."
    >
      <ErrorAlert title="Measures could not be loaded" message={measures.isError ? errorMessage(measures.error) : null} />
      {measures.isPending && <Skeleton height={180} aria-label="Loading measures" />}
      {measures.data && (
        <Stack gap="xs">
          {measures.data.measures.map((measure) => (
            <MeasureCard key={measure.id} measure={measure} onCopy={() => open(measure, 'copy')} onEdit={() => open(measure, 'edit')} />
          ))}
        </Stack>
      )}
      <Group mt="sm">
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setTarget({ source: null, draft: newMeasureDraft() })}>
          New measure
        </Button>
      </Group>
      <MeasureEditorModal target={target} onClose={() => setTarget(null)} save={save} onSaved={saved} />
    </SettingsSection>
  );
}
