import { useEffect, useState } from 'react';
import { NumberInput } from '@mantine/core';
import type { z } from 'zod';

interface WholeNumberFieldProps {
  label: string;
  description?: string | undefined;
  value: number | null;
  /** The draft's rule for the number (whole, in range, or null when empty); its messages are shown as typed. */
  schema: z.ZodType<number | null>;
  /** Receives the number when the rule accepts it, else null, so the draft only ever saves a valid one. */
  onChange: (value: number | null) => void;
  /** Told whether what is typed breaks the rule, so signing can wait until it is fixed. */
  onProblem: (problem: string | null) => void;
  /** A message from elsewhere (a signing refusal, a check against the regimen). */
  error?: string | undefined;
  w?: number;
}

const numberOf = (typed: number | string): number | null => (typeof typed === 'number' ? typed : typed.trim() === '' ? null : Number(typed));

/**
 * A number box that keeps what was typed (100, 2.5) on screen with the rule's message under it, never
 * clamped or rounded; the draft holds the number only while it is one the rule accepts.
 */
export function WholeNumberField({ label, description, value, schema, onChange, onProblem, error, w }: WholeNumberFieldProps) {
  const [typed, setTyped] = useState<number | string>(value ?? '');
  const parsed = schema.safeParse(numberOf(typed));
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Enter a whole number.');
  // What is held can change from outside (a reload of the draft); the box then shows that.
  const shown = problem === null && !Object.is(numberOf(typed), value) ? (value ?? '') : typed;

  useEffect(() => {
    onProblem(problem);
  }, [problem, onProblem]);
  useEffect(() => () => onProblem(null), [onProblem]);

  return (
    <NumberInput
      label={label}
      description={description}
      value={shown}
      clampBehavior="none"
      w={w}
      error={problem ?? error}
      onChange={(next) => {
        setTyped(next);
        const result = schema.safeParse(numberOf(next));
        onChange(result.success ? result.data : null);
      }}
    />
  );
}
