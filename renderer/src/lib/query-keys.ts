import type { SearchInput } from '../../../shared/notes';
import type { ProgressSummaryOptionsInput } from '../../../shared/progress-summary';

/**
 * Every TanStack Query key, in one place, so any screen can mark another's data stale after a change
 * (signing a note refreshes the Dashboard, erasing a client the lists) without importing that screen.
 * Keys are prefixes of each other on purpose: invalidating `['measures']` refreshes every measures
 * query. The QueryClient lives in AppLayout, so the whole cache goes when the vault locks.
 *
 * Only types are imported here, so this module adds no zod to whichever bundle imports it.
 */

export const clientKeys = {
  all: ['clients'] as const,
  lists: ['clients', 'list'] as const,
  list: <State extends object>(state: State) => ['clients', 'list', state] as const,
  detail: (id: string) => ['clients', 'detail', id] as const,
  suggestedCode: ['clients', 'suggested-code'] as const,
  /** Every client for the data export's client choice: under the lists, so it goes stale with them. */
  exportOptions: ['clients', 'list', 'export-options'] as const,
};

export const activityKeys = {
  all: ['activity'] as const,
  of: (clientId: string | null) => ['activity', clientId ?? 'practice'] as const,
};

/** Drafts waiting too long for a signature (the Dashboard's "Needs signing"). */
export const UNSIGNED_NOTES_QUERY_KEY = ['unsignedNotes'] as const;

/** `listNoteTemplates`, shared by every screen that lists templates (Settings, new session, search filter). */
export const TEMPLATES_QUERY_KEY = ['noteTemplates'] as const;

/** `getSettings`: the practice's settings (who signs, auto-lock, practice details), read by several screens. */
export const SETTINGS_QUERY_KEY = ['settings'] as const;

export const noteKeys = {
  note: (noteId: string) => ['notes', 'detail', noteId] as const,
  sessions: (clientId: string) => ['notes', 'sessions', clientId] as const,
  approaches: (clientId: string) => ['notes', 'approaches', clientId] as const,
  unsigned: UNSIGNED_NOTES_QUERY_KEY,
};

export const measureKeys = {
  all: ['measures'] as const,
  definitions: ['measures', 'definitions'] as const,
  results: (clientId: string) => ['measures', 'results', clientId] as const,
  alerts: (clientId: string) => ['measures', 'alerts', clientId] as const,
  overview: ['measures', 'overview'] as const,
};

/** The Caseload page's outcomes, one entry per period looked at. */
export const caseloadKeys = {
  all: ['caseload'] as const,
  outcomes: (from: string, to: string) => ['caseload', 'outcomes', from, to] as const,
};

export const medicationKeys = {
  all: ['medications'] as const,
  /** A client's medications with their histories, and allergies. */
  of: (clientId: string) => ['medications', 'client', clientId] as const,
  names: ['medications', 'names'] as const,
  /** The Measures tab's adherence lines and change markers; under `of`, so a list change refreshes it. */
  series: (clientId: string) => ['medications', 'client', clientId, 'series'] as const,
};

/** Follow-up across the practice: the Dashboard's agenda and who is overdue (under `['engagement']`). */
export const practiceEngagementKeys = {
  all: ['engagement'] as const,
  agenda: (from: string, to: string) => ['engagement', 'agenda', from, to] as const,
  overdue: ['engagement', 'overdue'] as const,
};

export const backupKeys = {
  status: ['backups', 'status'] as const,
};

export const summaryKeys = {
  choices: (clientId: string) => ['summary', 'choices', clientId] as const,
  preview: (options: ProgressSummaryOptionsInput) => ['summary', 'preview', options] as const,
  /** The preview while the options are invalid: nothing is asked for. */
  noPreview: ['summary', 'preview', 'none'] as const,
};

export const searchKeys = {
  all: ['search'] as const,
  results: (input: SearchInput) => ['search', input] as const,
  clients: ['search', 'clients'] as const,
};

/** One client's follow-up: plan, appointments, missed sessions, contacts (under `['engagement']` too). */
export const engagementKeys = {
  of: (clientId: string) => ['engagement', 'client', clientId] as const,
  plan: (clientId: string) => ['engagement', 'client', clientId, 'plan'] as const,
  appointments: (clientId: string) => ['engagement', 'client', clientId, 'appointments'] as const,
  missed: (clientId: string) => ['engagement', 'client', clientId, 'missed'] as const,
  contacts: (clientId: string) => ['engagement', 'client', clientId, 'contacts'] as const,
};
