import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Modal, Stack } from '@mantine/core';
import { IconPencil, IconSignature, IconTrash } from '@tabler/icons-react';
import type { Client } from '../../../shared/clients';
import type { TemplateSection } from '../../../shared/note-templates';
import type { Note } from '../../../shared/notes';
import type { RichTextNode } from '../../../shared/rich-text';
import { call } from '../api';
import { useGuardedNavigate } from '../navigation/navigation-guard';
import { SessionMeasuresPanel } from '../measures/SessionMeasuresPanel';
import { DeleteDraftModal } from './DeleteDraftModal';
import { NoteHeader } from './NoteHeader';
import { NoteSectionEditor, type DocGetter } from './NoteSectionEditor';
import { ProcessNoteEditor } from './ProcessNoteEditor';
import { useNoteChanged, useSessionDeleted } from './queries';
import { SaveFailure, SaveStatusText } from './SaveStatusText';
import { GoalProgressPanel } from './sections/GoalProgressPanel';
import { HomeworkReviewPanel } from './sections/HomeworkReviewPanel';
import { ApproachPanel } from './sections/ApproachPanel';
import { contentExtras, extrasOf, riskActionMissing, type NoteExtras } from './sections/note-extras';
import { MedicationReviewPanel } from './sections/MedicationReviewPanel';
import { useMedicationsChanged } from '../medications/queries';
import { reviewErrorsOf } from './sections/medication-review-form';
import type { MedicationReview } from '../../../shared/medication-review';
import { RiskPanel } from './sections/RiskPanel';
import { RupturePanel } from './sections/RupturePanel';
import { sessionToValues, valuesToSession } from './session-form';
import { SessionDetailsForm } from './SessionDetailsForm';
import { SignNoteModal } from './SignNoteModal';
import { useDraftAutosave, type DraftSnapshot } from './useDraftAutosave';

const PROCESS_NOTE_KEY = '__process';

// A cleared editor holds one empty paragraph; store that as "nothing written".
const isBlank = (doc: RichTextNode): boolean =>
  (doc.content ?? []).every((block) => block.type === 'paragraph' && (block.content ?? []).length === 0);

/** A draft note being written: every section editable, saved as the practitioner types. */
export function DraftNoteEditor({ note, client }: { note: Note; client: Client }) {
  const getters = useRef(new Map<string, DocGetter>());
  const registrars = useRef(new Map<string, (getter: DocGetter) => () => void>());
  const [extras, setExtras] = useState(() => extrasOf(note.content));
  const extrasRef = useRef(extras);
  const [signing, setSigning] = useState(false);
  const [editingSession, setEditingSession] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const navigate = useGuardedNavigate();
  const sessionDeleted = useSessionDeleted();
  const [riskActionError, setRiskActionError] = useState<string>();
  const [reviewErrors, setReviewErrors] = useState<Record<string, string>>({});
  const [reviewProblems, setReviewProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const noteChanged = useNoteChanged();
  const medicationsChanged = useMedicationsChanged();

  const collect = useCallback((): DraftSnapshot => {
    const read = (key: string, stored: RichTextNode | null): RichTextNode | null => {
      const doc = getters.current.get(key)?.() ?? stored;
      return doc && !isBlank(doc) ? doc : null;
    };
    const sections = Object.fromEntries(note.template.sections.map((section) => [section.key, read(section.key, note.content.sections[section.key] ?? null)]));
    return { content: { sections, ...contentExtras(extrasRef.current) }, processNote: read(PROCESS_NOTE_KEY, note.processNote) };
  }, [note]);
  const saver = useDraftAutosave(note, collect);

  // Each editor hands over how to read it; when it goes away it leaves its last document behind, so a
  // save that starts while the page unmounts still carries the last keystrokes.
  const registrarFor = (key: string) => {
    let registrar = registrars.current.get(key);
    if (!registrar) {
      registrar = (getter: DocGetter) => {
        getters.current.set(key, getter);
        return () => {
          const last = getter();
          getters.current.set(key, () => last);
        };
      };
      registrars.current.set(key, registrar);
    }
    return registrar;
  };

  const changed = useCallback(() => saver.changed(), [saver]);
  const flush = useCallback(() => void saver.flush(), [saver]);
  const updateExtras = <K extends keyof NoteExtras>(key: K, value: NoteExtras[K]) => {
    extrasRef.current = { ...extrasRef.current, [key]: value };
    setExtras(extrasRef.current);
    if (key === 'risk') setRiskActionError(undefined);
    saver.changed();
  };

  // The review filled in from the client's list is held with the draft but not saved on its own: opening
  // a draft changes nothing until the practitioner does, and the next save carries it.
  const prefillReview = useCallback((review: MedicationReview) => {
    extrasRef.current = { ...extrasRef.current, medicationReview: review };
    setExtras(extrasRef.current);
  }, []);

  // Ctrl/Cmd+S saves at once, for practitioners whose fingers do it anyway.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saver.flush();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [saver]);

  const sign = async () => {
    await saver.flush();
    if (saver.hasUnsavedChanges) throw new Error('The latest changes could not be saved, so the note was not signed. The reason is shown above the note.');
    const signed = await call('signNote', { noteId: note.id, baseRevision: saver.currentRevision });
    saver.stop();
    setSigning(false);
    noteChanged(signed);
    // Signing applied the changes decided in the visit to the client's medication list.
    if (signed.content.medicationReview) medicationsChanged(note.clientId);
  };

  const extrasFor = (section: TemplateSection): ReactNode => {
    switch (section.kind) {
      case 'goals':
        return <GoalProgressPanel goals={client.goals} value={extras.goalProgress} onChange={(value) => updateExtras('goalProgress', value)} />;
      case 'tasks':
        return (
          <Stack gap="sm">
            <ApproachPanel value={extras.approaches} onChange={(value) => updateExtras('approaches', value)} />
            <HomeworkReviewPanel value={extras.homeworkReview} onChange={(value) => updateExtras('homeworkReview', value)} />
          </Stack>
        );
      case 'bond':
        return <RupturePanel value={extras.rupture} onChange={(value) => updateExtras('rupture', value)} />;
      case 'risk':
        return <RiskPanel value={extras.risk} onChange={(value) => updateExtras('risk', value)} actionError={riskActionError} />;
      case 'medication':
        return (
          <MedicationReviewPanel
            clientId={note.clientId}
            sessionDate={note.session.date}
            value={extras.medicationReview}
            onChange={(value) => updateExtras('medicationReview', value)}
            onPrefill={prefillReview}
            errors={reviewErrors}
            onErrorsChange={setReviewErrors}
            onProblems={setReviewProblems}
          />
        );
      case 'richText':
        return null;
    }
  };

  return (
    <Stack gap="lg" maw={900}>
      <NoteHeader
        note={note}
        client={client}
        actions={
          <>
            <SaveStatusText saver={saver} />
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditingSession(true)}>
              Session details
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
              Delete session…
            </Button>
            <Button leftSection={<IconSignature size={16} aria-hidden />} onClick={() => setSigning(true)}>
              Sign note…
            </Button>
          </>
        }
      />
      <SaveFailure saver={saver} />
      {note.template.sections.map((section) => (
        <NoteSectionEditor
          key={section.key}
          label={section.label}
          prompt={section.prompt}
          initial={note.content.sections[section.key] ?? null}
          onChange={changed}
          onBlur={flush}
          register={registrarFor(section.key)}
        >
          {extrasFor(section)}
        </NoteSectionEditor>
      ))}
      <SessionMeasuresPanel clientId={note.clientId} session={{ id: note.session.id, date: note.session.date }} />
      <ProcessNoteEditor initial={note.processNote} onChange={changed} onBlur={flush} register={registrarFor(PROCESS_NOTE_KEY)} />
      <SignNoteModal
        opened={signing}
        onClose={() => setSigning(false)}
        riskActionMissing={riskActionMissing(extras.risk)}
        blockedBy={reviewProblems.size > 0 ? 'A number in the medication review needs fixing first; its message is shown under it.' : null}
        onSign={sign}
        onRiskActionRefused={setRiskActionError}
        onFieldErrors={(fieldErrors) => setReviewErrors(reviewErrorsOf(fieldErrors))}
      />
      <DeleteDraftModal
        opened={deleting}
        onClose={() => setDeleting(false)}
        noteId={note.id}
        sessionDate={note.session.date}
        beforeDelete={() => saver.stop()}
        onDeleted={() => {
          sessionDeleted(note.clientId);
          navigate(`/clients/${note.clientId}`);
        }}
      />
      <Modal opened={editingSession} onClose={() => setEditingSession(false)} title="Session details" size="lg" centered>
        <SessionDetailsForm
          initial={sessionToValues(note.session)}
          dateOfBirth={client.dateOfBirth}
          submitLabel="Save details"
          onCancel={() => setEditingSession(false)}
          onSubmit={async (values) => {
            noteChanged(await call('updateSession', { noteId: note.id, session: valuesToSession(values) }));
            setEditingSession(false);
          }}
        />
      </Modal>
    </Stack>
  );
}
