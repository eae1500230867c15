import { useState } from 'react';
import { MAX_SECTIONS, newSection, type DraftErrors, type SectionDraft, type TemplateDraft } from './template-draft';

const NO_ERRORS: DraftErrors = { fields: {} };

/** The template being edited and its messages; a change clears the message it answers. */
export function useTemplateDraft(initial: TemplateDraft) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS);

  const setName = (name: string) => {
    setDraft((current) => ({ ...current, name }));
    setErrors((current) => ({ ...current, name: undefined }));
  };

  const changeSection = (uid: string, change: Partial<SectionDraft>) => {
    setDraft((current) => ({ ...current, sections: current.sections.map((section) => (section.uid === uid ? { ...section, ...change } : section)) }));
    // A new kind can settle a clash with another section, so the list's message goes too.
    setErrors((current) => {
      const { [uid]: cleared, ...fields } = current.fields;
      void cleared;
      return { ...current, sections: 'kind' in change ? undefined : current.sections, fields };
    });
  };

  const moveSection = (uid: string, by: -1 | 1) =>
    setDraft((current) => {
      const from = current.sections.findIndex((section) => section.uid === uid);
      const to = from + by;
      if (from < 0 || to < 0 || to >= current.sections.length) return current;
      const sections = [...current.sections];
      const [moved] = sections.splice(from, 1);
      if (moved) sections.splice(to, 0, moved);
      return { ...current, sections };
    });

  const removeSection = (uid: string) => {
    setDraft((current) => ({ ...current, sections: current.sections.filter((section) => section.uid !== uid) }));
    setErrors((current) => ({ ...current, sections: undefined }));
  };

  /** Adds an empty rich-text section at the end; returns its uid so its name field can take focus. */
  const addSection = (): string | null => {
    if (draft.sections.length >= MAX_SECTIONS) return null;
    const section = newSection();
    setDraft((current) => ({ ...current, sections: [...current.sections, section] }));
    setErrors((current) => ({ ...current, sections: undefined }));
    return section.uid;
  };

  return { draft, errors, setErrors, setName, changeSection, moveSection, removeSection, addSection };
}
