import { useState } from 'react';
import { Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoteTemplate } from '../../../../shared/note-templates';
import { call, errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SettingsSection } from '../SettingsSection';
import { TemplateCard } from './TemplateCard';
import { TemplateEditorModal, type EditorTarget } from './TemplateEditorModal';
import { draftFrom, hasMedicationReview, type SaveTemplateInput } from './template-draft';
import { usePrescriber } from '../../medications/queries';
import { TEMPLATES_QUERY_KEY } from '../../lib/query-keys';

/** Settings → Note templates: every template, and a copy of any of them to shape to the practice. */
export function NoteTemplatesSection() {
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: TEMPLATES_QUERY_KEY, queryFn: () => call('listNoteTemplates') });
  const [target, setTarget] = useState<EditorTarget | null>(null);
  // Templates with a medication review show only to prescribers; turning "I prescribe" off keeps them.
  const prescriber = usePrescriber();

  const open = (source: NoteTemplate, mode: 'copy' | 'edit') => setTarget({ source, draft: draftFrom(source, mode) });
  const save = (input: SaveTemplateInput) => call('saveNoteTemplate', input);
  const saved = (template: NoteTemplate) => {
    setTarget(null);
    void queryClient.invalidateQueries({ queryKey: TEMPLATES_QUERY_KEY });
    notifications.show({ color: 'teal', message: `“${template.name}” saved as version ${template.version}` });
  };

  return (
    <SettingsSection
      title="Note templates"
      description="A template is the list of sections a session note starts with. Built-in templates cannot be changed, but any template can be copied and the copy edited. Every save makes a new version: notes keep the template version they were written with."
    >
      <ErrorAlert title="Templates could not be loaded" message={templates.isError ? errorMessage(templates.error) : null} />
      {templates.isPending && <Skeleton height={180} aria-label="Loading templates" />}
      {templates.data && (
        <Stack gap="xs">
          {templates.data.templates.filter((template) => prescriber || !hasMedicationReview(template)).map((template) => (
            <TemplateCard key={template.id} template={template} onCopy={() => open(template, 'copy')} onEdit={() => open(template, 'edit')} />
          ))}
        </Stack>
      )}
      <TemplateEditorModal target={target} onClose={() => setTarget(null)} save={save} onSaved={saved} />
    </SettingsSection>
  );
}
