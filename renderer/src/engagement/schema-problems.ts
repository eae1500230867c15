import type { ZodType } from 'zod';

/** The contract schema's own messages for `input`, keyed by field path (`repeat.count`), first per field. */
export function schemaProblems(schema: ZodType, input: unknown): Record<string, string> {
  const parsed = schema.safeParse(input);
  const problems: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems[issue.path.map(String).join('.') || '_form'] ??= issue.message;
  }
  return problems;
}
