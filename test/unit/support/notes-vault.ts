import type { AppServices } from '../../../electron/services/app-services';
import { NotesService } from '../../../electron/services/notes/notes.service';
import { writeSettings } from '../../../electron/services/database/settings.repository';
import { emptyNoteContent, type NoteContent, type SessionFields } from '../../../shared/notes';
import type { RichTextNode } from '../../../shared/rich-text';
import { clientFields, openClientVault, testNow, type ClientVault } from './client-vault';

export interface NotesVault extends ClientVault {
  notes: NotesService;
  /** Moves the services' clock; every service in this vault reads it. */
  setNow(date: Date): void;
}

/** A real encrypted vault with the client and notes services over it, sharing one settable clock. */
export async function openNotesVault(): Promise<NotesVault> {
  let now = testNow();
  const clock = () => now;
  const cv = await openClientVault(clock);
  return {
    ...cv,
    notes: new NotesService({ db: cv.db, now: clock }),
    setNow: (date) => {
      now = date;
    },
  };
}

/**
 * The services of a running app (createAppServices) shaped as a NotesVault, so app-level tests reuse
 * the synthetic clients above. The app keeps its own clock: setNow and close do nothing here.
 */
export function notesVaultOf(services: Pick<AppServices, 'vault' | 'clients' | 'plans' | 'notes'>, dir: string): NotesVault {
  return {
    dir,
    vault: services.vault,
    clients: services.clients,
    plans: services.plans,
    notes: services.notes,
    db: () => services.vault.database(),
    setNow: () => undefined,
    close: async () => undefined,
  };
}

export async function setPractitioner(nv: NotesVault, name: string, credentials = ''): Promise<void> {
  await writeSettings(nv.db(), { practitionerName: name, credentials });
}

export async function newClient(nv: NotesVault, legalName = 'Test Client'): Promise<string> {
  return (await nv.clients.create(clientFields({ legalName }))).id;
}

export function sessionFields(overrides: Partial<SessionFields> = {}): SessionFields {
  return {
    date: '2026-06-15',
    startTime: '10:00',
    durationMinutes: 50,
    modality: 'in_person',
    type: 'individual',
    attendance: 'attended',
    serviceCode: '',
    ...overrides,
  };
}

/** A rich-text document of paragraphs. */
export const doc = (...paragraphs: string[]): RichTextNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** A document with a line of text and a task list, as the Tasks section holds homework. */
export const withTasks = (intro: string, tasks: readonly string[]): RichTextNode => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: intro }] },
    {
      type: 'taskList',
      content: tasks.map((task) => ({
        type: 'taskItem',
        attrs: { checked: false },
        content: [{ type: 'paragraph', content: [{ type: 'text', text: task }] }],
      })),
    },
  ],
});

/** Alliance-template content with the given sections filled in. */
export function allianceContent(sections: Partial<Record<'goals' | 'tasks' | 'bond' | 'risk' | 'plan', RichTextNode>>, extra: Partial<NoteContent> = {}): NoteContent {
  const base = emptyNoteContent(['goals', 'tasks', 'bond', 'risk', 'plan']);
  return { ...base, ...extra, sections: { ...base.sections, ...sections } };
}
