import { z } from 'zod';

/** One call: the schema its input must pass on the main side, and the schema of what it answers. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({ input, output });

/** The input of a call that takes nothing: every input is a JSON object, so this one is empty. */
export const noInput = z.strictObject({});

/**
 * `true` when no method name is declared by two of the domains, else the repeated names: the join in
 * index.ts asserts it, so a name taken twice fails to compile instead of one declaration silently
 * replacing the other in the spread.
 */
export type DisjointDomains<D extends readonly object[], Seen extends PropertyKey = never> = D extends readonly [
  infer Head extends object,
  ...infer Rest extends readonly object[],
]
  ? [keyof Head & Seen] extends [never]
    ? DisjointDomains<Rest, Seen | keyof Head>
    : { declaredTwice: keyof Head & Seen }
  : true;

type Joined<D extends readonly object[]> = D extends readonly [infer Head extends object, ...infer Rest extends readonly object[]]
  ? Head & Joined<Rest>
  : unknown;

/** The domains' methods as one object, in the order given; the type is flattened so hovers stay readable. */
export function joinDomains<const D extends readonly object[]>(domains: D): { [K in keyof Joined<D>]: Joined<D>[K] } {
  return Object.assign({}, ...domains) as { [K in keyof Joined<D>]: Joined<D>[K] };
}
