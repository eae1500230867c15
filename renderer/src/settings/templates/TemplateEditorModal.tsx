import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import type { NoteTemplate } from '../../../../shared/note-templates';
import { ApiError, errorMessage } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionFields } from './SectionFields';
import { hasErrors, MAX_SECTIONS, validateDraft, type SaveTemplateInput, type TemplateDraft } from './template-draft';
import { useTemplateDraft } from './useTemplateDraft';

export interface EditorTarget {
  draft: TemplateDraft;
  /** The template being copied or edited, for the title and the version note. */
  source: NoteTemplate;
}

interface TemplateEditorModalProps {
  target: EditorTarget | null;
  onClose: () => void;
  save: (input: SaveTemplateInput) => Promise<NoteTemplate>;
  onSaved: (template: NoteTemplate) => void;
}

/** Copy or edit a template in a dialog; closing it throws the draft away. */
export function TemplateEditorModal({ target, onClose, save, onSaved }: TemplateEditorModalProps) {
  const title = target?.draft.id === null ? `Copy “${target.source.name}”` : `Edit “${target?.source.name ?? ''}”`;
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl" closeOnClickOutside={false}>
      {target && <TemplateEditor key={`${target.source.id}-${target.source.version}-${String(target.draft.id)}`} target={target} onClose={onClose} save={save} onSaved={onSaved} />}
    </Modal>
  );
}

function TemplateEditor({ target, onClose, save, onSaved }: Omit<TemplateEditorModalProps, 'target'> & { target: EditorTarget }) {
  const { draft, errors, setErrors, setName, changeSection, moveSection, removeSection, addSection } = useTemplateDraft(target.draft);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [focusUid, setFocusUid] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusUid) formRef.current?.querySelector<HTMLInputElement>(`[data-section-name="${focusUid}"]`)?.focus();
  }, [focusUid]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const { input, errors: found } = validateDraft(draft);
    setErrors(found);
    if (!input || hasErrors(found)) return;
    setBusy(true);
    try {
      onSaved(await save(input));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VALIDATION' && caught.fieldErrors.name) setErrors({ ...found, name: caught.fieldErrors.name });
      else setFailure(errorMessage(caught));
      setBusy(false);
    }
  };

  const isCopy = draft.id === null;
  const full = draft.sections.length >= MAX_SECTIONS;
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
          {isCopy
            ? `This makes a new template, starting at version 1. “${target.source.name}” stays as it is.`
            : `Saving makes version ${target.source.version + 1}. Notes already written keep the version they were written with; new notes use the latest.`}
        </Alert>
        <TextInput label="Template name" value={draft.name} onChange={(event) => setName(event.currentTarget.value)} error={errors.name} maxLength={80} dir="auto" data-autofocus />
        <div>
          <Title order={4}>Sections</Title>
          <Text size="sm" c="dimmed">
            A section’s prompt is shown in the empty section as a hint while writing. Goals, Tasks, Bond and Risk sections add their own parts (goal progress, homework review, the rupture flag, the risk level); a template can have one of each.
          </Text>
        </div>
        {draft.sections.map((section, index) => (
          <SectionFields
            key={section.uid}
            section={section}
            position={index + 1}
            count={draft.sections.length}
            errors={errors.fields[section.uid]}
            onChange={(change) => changeSection(section.uid, change)}
            onMove={(by) => moveSection(section.uid, by)}
            onRemove={() => removeSection(section.uid)}
          />
        ))}
        {errors.sections && (
          <Text c="red" size="sm" role="alert">
            {errors.sections}
          </Text>
        )}
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} disabled={full} onClick={() => setFocusUid(addSection())}>
            Add section
          </Button>
          {full && (
            <Text size="sm" c="dimmed">
              A template can have at most {MAX_SECTIONS} sections.
            </Text>
          )}
        </Group>
        <ErrorAlert title="The template was not saved" message={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save template
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
