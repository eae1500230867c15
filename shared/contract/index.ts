import type { z } from 'zod';
import type { Result } from '../errors';
import { activityMethods } from './activity';
import { backupMethods } from './backup';
import { caseloadMethods } from './caseload';
import { clientsMethods } from './clients';
import { engagementMethods } from './engagement';
import { events } from './events';
import { exportMethods } from './export';
import { measuresMethods } from './measures';
import { medicationsMethods } from './medications';
import { joinDomains, type DisjointDomains } from './method';
import { notesMethods } from './notes';
import { settingsMethods } from './settings';
import { summaryMethods } from './summary';
import { vaultMethods } from './vault';

export { AUTO_LOCK_MINUTES } from '../limits';
export { channelOf } from './channels';
export { events } from './events';
export { settingsSchema, type Settings } from './settings';
export {
  lockReasonSchema,
  vaultProtectionSchema,
  vaultStateSchema,
  vaultStatusSchema,
  type LockReason,
  type VaultProtection,
  type VaultState,
  type VaultStatus,
} from './vault';

/**
 * Every call between the renderer and the main process, declared once, in the file of its domain. The
 * main side (and the test host) validates each input with these schemas before a service sees it; the
 * types of both sides, the method list and the channels are derived from here so they cannot drift.
 * Every input is a plain JSON object. Each domain's calls are answered by the `*.handlers.ts` beside its
 * service (joined in electron/services/handlers.ts).
 */
const domains = [
  vaultMethods,
  settingsMethods,
  clientsMethods,
  activityMethods,
  notesMethods,
  measuresMethods,
  medicationsMethods,
  engagementMethods,
  caseloadMethods,
  summaryMethods,
  backupMethods,
  exportMethods,
] as const;

const eachMethodDeclaredOnce: DisjointDomains<typeof domains> = true;
void eachMethodDeclaredOnce;

export const contract = joinDomains(domains);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type EventName = keyof typeof events;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const methodNames = Object.keys(contract) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

/** The arguments of a call: methods whose input has no required field may be called with none. */
export type CallArgs<M extends MethodName> = Record<string, never> extends MethodInput<M>
  ? [input?: MethodInput<M>]
  : [input: MethodInput<M>];

type Call<M extends MethodName> = (...args: CallArgs<M>) => Promise<Result<MethodOutput<M>>>;

/** The shape of `window.api`, exposed by the preload (or by the test host's injected script). */
export type AllianceApi = { readonly [M in MethodName]: Call<M> } & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};
