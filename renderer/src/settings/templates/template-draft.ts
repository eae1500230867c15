import { saveTemplateInputSchema } from '../../../../shared/notes';
import type { NoteTemplate, SectionKind } from '../../../../shared/note-templates';
import type { MethodInput } from '../../../../shared/contract';
import { slugKey } from '../slug-key';

/** What the editor holds: sections get a local id so React keys survive moving them around. */
export interface SectionDraft {
  uid: string;
  /** The saved key of a section that came with the template; null for a section added here. */
  key: string | null;
  label: string;
  prompt: string;
  kind: SectionKind;
}

export interface TemplateDraft {
  /** null: saving makes a new template (a copy); a custom template's id: saving makes its next version. */
  id: string | null;
  name: string;
  sections: SectionDraft[];
}

export interface DraftErrors {
  name?: string | undefined;
  /** About the list as a whole: none left, too many, two of a kind. */
  sections?: string | undefined;
  /** By section uid. */
  fields: Record<string, Partial<Record<'label' | 'prompt' | 'kind', string>>>;
}

export type SaveTemplateInput = MethodInput<'saveNoteTemplate'>;

export const MAX_SECTIONS = 12;

export const KIND_OPTIONS: readonly { value: SectionKind; label: string }[] = [
  { value: 'richText', label: 'Rich text' },
  { value: 'goals', label: 'Goals' },
  { value: 'tasks', label: 'Tasks' },
  { value: 'bond', label: 'Bond' },
  { value: 'risk', label: 'Risk' },
  { value: 'medication', label: 'Medication review' },
];

/** Whether a template has a medication review: offered only to practitioners who prescribe. */
export const hasMedicationReview = (template: Pick<NoteTemplate, 'sections'>): boolean => template.sections.some((section) => section.kind === 'medication');

export const kindLabel = (kind: SectionKind): string => KIND_OPTIONS.find((option) => option.value === kind)?.label ?? kind;

let counter = 0;
const nextUid = () => `section-${++counter}`;

export const newSection = (): SectionDraft => ({ uid: nextUid(), key: null, label: '', prompt: '', kind: 'richText' });

/** A copy of any template (a new template), or the next version of a custom one. */
export function draftFrom(template: NoteTemplate, mode: 'copy' | 'edit'): TemplateDraft {
  return {
    id: mode === 'edit' ? template.id : null,
    name: mode === 'edit' ? template.name : `Copy of ${template.name}`,
    sections: template.sections.map((section) => ({ uid: nextUid(), ...section })),
  };
}


function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base.slice(0, 32 - `_${n}`.length)}_${n}`;
  taken.add(key);
  return key;
}

/**
 * Keys of the sections as saved: a section that came with the template keeps its key (notes refer to
 * it); a new one gets a slug of its name, made unique among the others.
 */
export function sectionKeys(sections: readonly SectionDraft[]): string[] {
  const taken = new Set(sections.flatMap((section) => (section.key === null ? [] : [section.key])));
  return sections.map((section) => section.key ?? uniqueKey(slugKey(section.label, 'section'), taken));
}

/** Two sections of a structured kind: named, so the practitioner knows which to change. */
function duplicateKinds(draft: TemplateDraft, errors: DraftErrors): boolean {
  let found = false;
  for (const { value: kind, label } of KIND_OPTIONS) {
    if (kind === 'richText') continue;
    const same = draft.sections.filter((section) => section.kind === kind);
    if (same.length < 2) continue;
    found = true;
    const names = same.map((section) => `“${section.label.trim() || 'Untitled'}”`).join(' and ');
    errors.sections ??= `A template can have only one ${label} section: ${names} are both ${label} sections. Change the kind of one of them, or remove it.`;
    for (const section of same.slice(1)) {
      errors.fields[section.uid] = { ...errors.fields[section.uid], kind: `Only one ${label} section per template.` };
    }
  }
  return found;
}

/** Checks the draft against the contract's own schema; returns the input to send, or what to fix. */
export function validateDraft(draft: TemplateDraft): { input: SaveTemplateInput | null; errors: DraftErrors } {
  const keys = sectionKeys(draft.sections);
  const candidate = {
    id: draft.id,
    name: draft.name,
    sections: draft.sections.map((section, index) => ({ key: keys[index] ?? '', label: section.label, prompt: section.prompt, kind: section.kind })),
  };
  const errors: DraftErrors = { fields: {} };
  const hasDuplicates = duplicateKinds(draft, errors);
  const parsed = saveTemplateInputSchema.safeParse(candidate);
  if (parsed.success && !hasDuplicates) return { input: parsed.data, errors };
  for (const issue of parsed.error?.issues ?? []) {
    const [first, index, field] = issue.path;
    if (first === 'name') errors.name ??= issue.message;
    else if (first === 'sections' && typeof index === 'number' && (field === 'label' || field === 'prompt')) {
      const uid = draft.sections[index]?.uid;
      if (uid) errors.fields[uid] = { [field]: issue.message, ...errors.fields[uid] };
    } else if (first === 'sections' && !hasDuplicates) errors.sections ??= issue.message;
  }
  return { input: null, errors };
}

export const hasErrors = (errors: DraftErrors): boolean =>
  errors.name !== undefined || errors.sections !== undefined || Object.keys(errors.fields).length > 0;
