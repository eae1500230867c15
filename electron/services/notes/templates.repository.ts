import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import { BUILT_IN_TEMPLATES, templateSectionsSchema, type NoteTemplate } from '../../../shared/note-templates';
import type { VaultSchema } from '../database/schema';

/**
 * Note templates: the built-in ones live in code, custom ones in `note_templates`, one row per version.
 * A note copies the whole template when it is started, so editing a template never rewrites old notes.
 */
const builtIn = new Map(BUILT_IN_TEMPLATES.map((template) => [template.id, template]));

export const isBuiltInTemplate = (id: string): boolean => builtIn.has(id);

function rowToTemplate(row: { id: string; version: number; name: string; sections: string }): NoteTemplate {
  return { id: row.id, version: row.version, name: row.name, builtIn: false, sections: templateSectionsSchema.parse(JSON.parse(row.sections)) };
}

/** Built-in templates first (in their fixed order), then the latest version of each custom one, by name. */
export async function listTemplates(db: Kysely<VaultSchema>): Promise<NoteTemplate[]> {
  const rows = await db
    .selectFrom('note_templates as t')
    .selectAll()
    .where(({ eb, selectFrom }) =>
      eb('t.version', '=', selectFrom('note_templates as later').select((inner) => inner.fn.max('later.version').as('v')).whereRef('later.id', '=', 't.id')),
    )
    .execute();
  const custom = rows.map(rowToTemplate).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return [...BUILT_IN_TEMPLATES, ...custom];
}

/** The current version of a template, or null when no template has that id. */
export async function latestTemplate(db: Kysely<VaultSchema>, id: string): Promise<NoteTemplate | null> {
  const fixed = builtIn.get(id);
  if (fixed) return fixed;
  const row = await db.selectFrom('note_templates').selectAll().where('id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? rowToTemplate(row) : null;
}

/** Saves a copy (id null, version 1) or the next version of a custom template. */
export async function saveTemplate(
  db: Kysely<VaultSchema>,
  input: { id: string | null; name: string; sections: NoteTemplate['sections'] },
  at: Date,
): Promise<NoteTemplate> {
  if (input.id !== null && isBuiltInTemplate(input.id)) {
    throw new AppError('FORBIDDEN', 'Built-in templates cannot be changed; make a copy.');
  }
  return db.transaction().execute(async (trx) => {
    let id: string = randomUUID();
    let version = 1;
    if (input.id !== null) {
      const current = await latestTemplate(trx, input.id);
      if (!current) throw new AppError('NOT_FOUND', 'That template is no longer in this vault.');
      id = current.id;
      version = current.version + 1;
    }
    await trx
      .insertInto('note_templates')
      .values({ id, version, name: input.name, sections: JSON.stringify(input.sections), created_at: at.toISOString() })
      .execute();
    return { id, version, name: input.name, builtIn: false, sections: input.sections };
  });
}
