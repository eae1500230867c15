import type { z } from 'zod';
import { contract, type Contract, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract';
import type { MethodSpec } from '../../../shared/contract/method';
import { AppError, type Result } from '../../../shared/errors';

/**
 * The handlers of a set of methods (one domain's, or the whole contract's): exactly one per method,
 * taking the input as its schema parsed it and answering what the output schema accepts.
 */
export type HandlersOf<Methods extends Record<string, MethodSpec>> = {
  [M in keyof Methods]: (input: z.output<Methods[M]['input']>) => Promise<z.output<Methods[M]['output']>> | z.output<Methods[M]['output']>;
};

export type Handlers = HandlersOf<Contract>;

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Told the code and method of unexpected failures; never the input or a message that could hold it. */
  onInternalError?: (method: string, error: unknown) => void;
}

/**
 * The one gate every call passes, in Electron and in the test host alike: the method must be in the
 * contract, the input must match its schema, and whatever goes wrong comes back as a typed error with
 * a message written for the practitioner, never a stack trace.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (method, input) => {
    if (typeof method !== 'string' || !Object.hasOwn(contract, method)) {
      return failure('VALIDATION', 'That action is not part of this version of Alliance Notes.');
    }
    const name = method as MethodName;
    let parsed;
    try {
      parsed = contract[name].input.safeParse(input ?? {});
    } catch (error) {
      // A value nested deeper than the schema's recursion can follow overflows the stack: refuse it.
      if (error instanceof RangeError) return failure('VALIDATION', 'Invalid request: it is nested too deeply to check.');
      options.onInternalError?.(name, error);
      return failure('INTERNAL', 'Something went wrong inside Alliance Notes. Nothing was changed; please try again.');
    }
    if (!parsed.success) {
      return { ok: false, error: { code: 'VALIDATION', message: describeIssues(parsed.error), fieldErrors: fieldErrorsOf(parsed.error) } };
    }
    try {
      const handler = handlers[name] as (value: unknown) => Promise<unknown> | unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: contract[name].output.parse(value) as MethodOutput<typeof name> };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      options.onInternalError?.(name, error);
      return failure('INTERNAL', 'Something went wrong inside Alliance Notes. Nothing was changed; please try again.');
    }
  };
}

const failure = (code: 'VALIDATION' | 'INTERNAL', message: string): Result<never> => ({ ok: false, error: { code, message } });

/** Names the fields and what is wrong with them, without echoing what was sent. */
function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => `${issue.path.length > 0 ? pathOf(issue.path) : 'input'}: ${messageOf(issue)}`);
  return `Invalid request. ${parts.join('; ')}.`;
}

/**
 * Field and key names in a message are the sender's own (a record key, an unknown field), so they are
 * shortened: no name a form uses is this long, and a megabyte-long key must not come back as a message.
 */
const MAX_ECHOED_NAME = 40;
const clip = (name: string): string => (name.length > MAX_ECHOED_NAME ? `${name.slice(0, MAX_ECHOED_NAME)}…` : name);
const pathOf = (path: readonly PropertyKey[]): string => path.map((segment) => clip(String(segment))).join('.');

function messageOf(issue: z.ZodError['issues'][number]): string {
  if (issue.code !== 'unrecognized_keys') return issue.message;
  const more = issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : '';
  return `unexpected field(s) ${issue.keys.slice(0, 3).map(clip).join(', ')}${more}`;
}

/** No form has this many controls; past it, one entry says how many more problems there were. */
export const MAX_FIELD_ERRORS = 50;
/** The key of that entry: no field is named so, so no form shows it under a control by mistake. */
export const MORE_FIELD_ERRORS_KEY = '_more';

/**
 * The first message per field, keyed by the field's path inside the form (a leading `fields.` wrapper
 * is dropped), so a form can show each message under its own control. At most MAX_FIELD_ERRORS fields:
 * a 2,000-element list with every element wrong made a 131 KB reply of one message per element, so
 * the rest are counted under MORE_FIELD_ERRORS_KEY ("and 1,950 more problems").
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  const beyond = new Set<string>();
  for (const issue of error.issues) {
    const segments = [...issue.path];
    if (segments[0] === 'fields') segments.shift();
    const key = segments.length > 0 ? pathOf(segments) : 'input';
    if (Object.hasOwn(out, key)) continue;
    if (Object.keys(out).length < MAX_FIELD_ERRORS) out[key] = messageOf(issue);
    else beyond.add(key);
  }
  if (beyond.size > 0) {
    out[MORE_FIELD_ERRORS_KEY] = `and ${beyond.size.toLocaleString('en-US')} more ${beyond.size === 1 ? 'problem' : 'problems'}`;
  }
  return out;
}

export type { MethodInput };
