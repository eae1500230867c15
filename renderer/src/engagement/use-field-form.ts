import { useState } from 'react';
import { ApiError, errorMessage } from '../api';

/**
 * The state of a small engagement form: its values, a message per field (keyed by the contract's field
 * path, e.g. `repeat.count`), a message for the form, and saving. A change to a field drops its message,
 * so a stale message never sits under a corrected value; nothing typed is reset by a refusal.
 */
export function useFieldForm<V extends object>(initial: V) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => path !== key && !path.startsWith(`${key}.`))));
  };

  const clearError = (path: string) => setErrors(({ [path]: _dropped, ...rest }) => rest);

  /** Shows `problems` (found before asking) or saves; the service's field messages land at their fields. */
  const submit = async (problems: Record<string, string>, save: () => Promise<void>) => {
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await save();
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors : {};
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return { values, set, setValues, errors, clearError, error, busy, submit };
}

/** A number box's value as the contract wants it: a number, or NaN for blank/partial input (refused with a message). */
export const numberOf = (value: number | string): number => (typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value));
