import type { AllianceApi, CallArgs, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { ErrorCode, Result } from '../../shared/errors';

/** A failed call, carrying the contract's error code and a message written for the practitioner. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  /** For VALIDATION: field path → message, so a form can show each under its control. */
  readonly fieldErrors: Record<string, string>;

  constructor(code: ErrorCode, message: string, retryAfterMs?: number, fieldErrors: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.retryAfterMs = retryAfterMs;
    this.fieldErrors = fieldErrors;
  }
}

const TRANSPORT_MESSAGE =
  'Alliance Notes could not reach its background process. Please try again, or restart the app if this keeps happening.';

// The preload (or a test host) injects `window.api` before the page loads; reading it on each call
// rather than once at import keeps this module free of load-order assumptions.
function getApi(): AllianceApi | undefined {
  return (globalThis as { api?: AllianceApi }).api;
}

const lockedListeners = new Set<() => void>();

/** Runs `listener` whenever a call is refused because the vault locked underneath the screen. */
export function onVaultLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

/** Calls a contract method and returns its value; throws ApiError when the envelope says it failed. */
export async function call<M extends MethodName>(method: M, ...args: CallArgs<M>): Promise<MethodOutput<M>> {
  const api = getApi();
  if (!api) throw new ApiError('INTERNAL', TRANSPORT_MESSAGE);
  // TypeScript cannot correlate `api[method]` with `M` across the mapped type, so the one cast lives here.
  const fn = api[method] as unknown as (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
  let result: Result<MethodOutput<M>>;
  try {
    result = await fn(args[0] ?? ({} as MethodInput<M>));
  } catch {
    throw new ApiError('INTERNAL', TRANSPORT_MESSAGE);
  }
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
    throw new ApiError('INTERNAL', TRANSPORT_MESSAGE);
  }
  if (result.ok) return result.value;
  const { code, message, retryAfterMs, fieldErrors } = result.error;
  if (code === 'VAULT_LOCKED') lockedListeners.forEach((listener) => listener());
  throw new ApiError(code, message, retryAfterMs, fieldErrors);
}

/** Subscribes to an event pushed from the main side; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const api = getApi();
  if (!api) return () => undefined;
  return api.on(event, listener);
}

/** The message to show for anything a call threw. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : TRANSPORT_MESSAGE;
}

/**
 * An `onError` for a small form: the service's message for `field` goes under that field, any other
 * failure to the form's alert.
 */
export function routeFieldError(field: string, showAtField: (message: string) => void, showAbove: (message: string) => void): (caught: unknown) => void {
  return (caught) => {
    const fieldMessage = caught instanceof ApiError ? caught.fieldErrors[field] : undefined;
    if (fieldMessage) showAtField(fieldMessage);
    else showAbove(errorMessage(caught));
  };
}
