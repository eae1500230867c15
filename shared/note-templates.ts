import { z } from 'zod';

/**
 * Note templates are data: a list of sections, each with a key, a label, a one-line prompt (shown as
 * the editor's placeholder) and a kind. Kinds other than `richText` add structured parts to the
 * section: `goals` picks treatment-plan goals with a progress mark, `tasks` reviews last session's
 * homework, `bond` carries the "rupture noted" flag, `risk` the risk level and action taken,
 * `medication` the medication review (shared/medication-review.ts).
 */
export const sectionKinds = ['richText', 'goals', 'tasks', 'bond', 'risk', 'medication'] as const;
export type SectionKind = (typeof sectionKinds)[number];

export const templateSectionSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'A section key is lower-case letters, digits or _, starting with a letter.'),
  label: z.string().trim().min(1, 'Give the section a name.').max(60, 'A section name can be at most 60 characters.'),
  prompt: z.string().trim().max(200, 'A prompt can be at most 200 characters.'),
  kind: z.enum(sectionKinds),
});

export const templateSectionsSchema = z
  .array(templateSectionSchema)
  .min(1, 'A template needs at least one section.')
  .max(12, 'A template can have at most 12 sections.')
  .refine((sections) => new Set(sections.map((s) => s.key)).size === sections.length, 'Two sections have the same key.')
  .refine(
    (sections) => sectionKinds.filter((kind) => kind !== 'richText').every((kind) => sections.filter((s) => s.kind === kind).length <= 1),
    'A template can have at most one goals, tasks, bond, risk and medication review section each.',
  );

export const noteTemplateSchema = z.strictObject({
  /** Built-in templates have fixed ids (`alliance`, `soap`, …); copies get a uuid. */
  id: z.string().min(1).max(64),
  /** Every saved change makes a new version; a note keeps the version it was written with. */
  version: z.number().int().positive(),
  name: z.string(),
  builtIn: z.boolean(),
  sections: z.array(templateSectionSchema),
});

export type TemplateSection = z.output<typeof templateSectionSchema>;
export type NoteTemplate = z.output<typeof noteTemplateSchema>;

const section = (key: string, label: string, prompt: string, kind: SectionKind = 'richText'): TemplateSection => ({ key, label, prompt, kind });

/** The templates every vault starts with, at version 1. The alliance template is the default. */
export const BUILT_IN_TEMPLATES: readonly NoteTemplate[] = [
  {
    id: 'alliance',
    version: 1,
    name: 'Working alliance (goals, tasks, bond)',
    builtIn: true,
    sections: [
      section('goals', 'Goals', 'Which goals did you work on, do you still agree on them, did new ones come up?', 'goals'),
      section('tasks', 'Tasks', 'What was done in session, how you agreed to work, homework set.', 'tasks'),
      section('bond', 'Bond', 'Trust and collaboration today; any rupture and how you tried to repair it.', 'bond'),
      section('risk', 'Risk', 'Suicide or self-harm and harm-to-others screening, and the action taken.', 'risk'),
      section('plan', 'Plan', 'Next steps and the next appointment.'),
    ],
  },
  {
    id: 'soap',
    version: 1,
    name: 'SOAP',
    builtIn: true,
    sections: [
      section('subjective', 'Subjective', 'What the client reports: concerns, mood, events since last session.'),
      section('objective', 'Objective', 'What you observed: presentation, affect, behaviour, measures.'),
      section('assessment', 'Assessment', 'Your clinical impression and progress toward goals.'),
      section('plan', 'Plan', 'Next steps, homework and the next appointment.'),
    ],
  },
  {
    id: 'dap',
    version: 1,
    name: 'DAP',
    builtIn: true,
    sections: [
      section('data', 'Data', 'What the client said and what you observed.'),
      section('assessment', 'Assessment', 'Your interpretation and progress toward goals.'),
      section('plan', 'Plan', 'Next steps and the next appointment.'),
    ],
  },
  {
    id: 'birp',
    version: 1,
    name: 'BIRP',
    builtIn: true,
    sections: [
      section('behavior', 'Behavior', "The client's presentation and what they reported."),
      section('intervention', 'Intervention', 'What you did in session.'),
      section('response', 'Response', 'How the client responded to the interventions.'),
      section('plan', 'Plan', 'Next steps and the next appointment.'),
    ],
  },
  {
    id: 'free',
    version: 1,
    name: 'Free text',
    builtIn: true,
    sections: [section('note', 'Note', 'Write the session note.')],
  },
  {
    // For prescribers: a medication visit is still structured around the alliance (CLINICAL.md).
    id: 'medication',
    version: 1,
    name: 'Medication management',
    builtIn: true,
    sections: [
      section('goals', 'Goals', 'Which goals did you work on, do you still agree on them, did new ones come up?', 'goals'),
      section('tasks', 'Tasks', 'What was done in the visit and what you agreed to do.', 'tasks'),
      section('bond', 'Bond', 'Trust and collaboration today; how openly side effects and doubts were discussed.', 'bond'),
      section('medication', 'Medication review', 'Adherence, side effects, how well each medication works, and the shared decision.', 'medication'),
      section('risk', 'Risk', 'Suicide or self-harm and harm-to-others screening, and the action taken.', 'risk'),
      section('plan', 'Plan', 'Next steps and the next appointment.'),
    ],
  },
];

export const DEFAULT_TEMPLATE_ID = 'alliance';
