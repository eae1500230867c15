import type { ClientsService } from '../electron/services/clients/clients.service';
import { practiceSession } from './practice-session';

/** The seeded practice's size, for the rows' descriptions. */
export const SEED = { clients: 300, sessions: 20_000 } as const;

let seeded: Promise<{ clients: ClientsService; dispose: () => void }> | null = null;

/** The client rows share the seeded practice (bench/practice-session.ts). */
export function seededClientVault(): Promise<{ clients: ClientsService; dispose: () => void }> {
  seeded ??= practiceSession().then(({ clients }) => ({ clients, dispose: () => undefined }));
  return seeded;
}
