import { statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { APP_VERSION } from '../../shared/app-info';
import type { KdfCost } from '../../electron/services/vault/kdf';
import { VaultService } from '../../electron/services/vault/vault.service';
import { planPractice } from './practice-plan';
import type { PracticePlan } from './plan-types';
import { writePractice, type WriteProgress, type WriteTotals } from './write-vault';

/**
 * Creates a vault with the real VaultService (Argon2id tuned as the app tunes it, unless a test passes
 * a cheaper cost) and fills it with a synthetic practice planned from `seed`. The rows are the same
 * for the same seed and sizes; the file's bytes are not (every vault has its own key).
 */
export interface SeedOptions {
  dir: string;
  passphrase: string;
  clients: number;
  sessions: number;
  seed: number;
  /** Omit for the app's own tuning (about 0.5 s per unlock on this machine). */
  kdfCost?: KdfCost;
  onProgress?: (progress: SeedProgress) => void;
}

export type SeedProgress = WriteProgress | { phase: 'plan' | 'vault' | 'checkpoint'; done: number; total: number };

/** What benchmarks and tests need to find in the vault without searching for it. */
export interface SeedLandmarks {
  /** The client with the most sessions (about 170, nearly all with an alliance score). */
  busyClient: { id: string; code: string; sessions: number; measuredSessions: number };
  /** A client with 100 weekly sessions, alliance notes, SAC and an outcome measure: the PDF benchmark's. */
  pdfClient: { id: string; code: string; sessions: number };
  /** The busy client's latest note: a ~2 KB alliance-template draft, every section written. */
  draftNoteId: string;
  /** One signed alliance note of the busy client. */
  signedNoteId: string;
  firstSessionDate: string;
  lastSessionDate: string;
  /** One client per script, for search queries in many scripts. */
  names: { script: string; clientId: string; legalName: string }[];
  statuses: { active: number; paused: number; discharged: number };
}

export interface SeedResult {
  totals: WriteTotals;
  landmarks: SeedLandmarks;
  recoveryKey: string;
  vaultBytes: number;
  seconds: number;
}

export function landmarksOf(plan: PracticePlan): SeedLandmarks {
  const busy = plan.clients.find((client) => client.role === 'busy')!;
  const pdf = plan.clients.find((client) => client.role === 'pdf')!;
  const draft = busy.sessions[busy.sessions.length - 1]!;
  const signed = [...busy.sessions].reverse().find((session) => session.status === 'signed' && session.fields.attendance === 'attended')!;
  const names = new Map<string, { script: string; clientId: string; legalName: string }>();
  for (const client of plan.clients) if (!names.has(client.name.script)) names.set(client.name.script, { script: client.name.script, clientId: client.id, legalName: client.fields.legalName });
  const count = (status: string) => plan.clients.filter((client) => client.fields.status === status).length;
  return {
    busyClient: { id: busy.id, code: busy.code, sessions: busy.sessions.length, measuredSessions: busy.sessions.filter((s) => s.measures.some((m) => m.measureId === 'sac-client')).length },
    pdfClient: { id: pdf.id, code: pdf.code, sessions: pdf.sessions.length },
    draftNoteId: draft.noteId,
    signedNoteId: signed.noteId,
    firstSessionDate: plan.sessions[0]!.fields.date,
    lastSessionDate: plan.sessions.reduce((last, s) => (s.fields.date > last ? s.fields.date : last), ''),
    names: [...names.values()],
    statuses: { active: count('active'), paused: count('paused'), discharged: count('discharged') },
  };
}

export async function seedPracticeVault(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: 'plan', done: 0, total: 1 });
  const plan = planPractice({ seed: options.seed, clients: options.clients, sessions: options.sessions });
  progress({ phase: 'vault', done: 0, total: 1 });
  const vault = new VaultService({ dir: options.dir, appVersion: APP_VERSION, ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}) });
  const { recoveryKey } = await vault.create(options.passphrase);
  let totals: WriteTotals;
  try {
    // As if the practitioner had saved the recovery key: the app opens straight to the practice.
    await vault.confirmRecoveryKeySaved();
    progress({ phase: 'vault', done: 1, total: 1 });
    totals = await writePractice(vault.database(), plan, progress);
    progress({ phase: 'checkpoint', done: 0, total: 1 });
  } finally {
    // Locking checkpoints the WAL into vault.db and truncates it.
    vault.lock('user');
  }
  const vaultBytes = ['vault.db', 'vault-header.json'].reduce((sum, name) => sum + statSync(path.join(options.dir, name)).size, 0);
  return { totals, landmarks: landmarksOf(plan), recoveryKey, vaultBytes, seconds: (performance.now() - started) / 1000 };
}
