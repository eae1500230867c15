import os from 'node:os';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/contract';
import type { ErrorCode, Result } from '../../shared/errors';
import { folderDigest, openSampleVault, tableDigests, type SampleVault } from './support/contract-samples';

/**
 * Proof 5 of the security issue: every contract method, sent 100 inputs its schema refuses (wrong
 * types, megabyte strings, deep nesting, `__proto__` keys, path traversal, unknown keys, odd numbers),
 * answers VALIDATION through the same dispatch the IPC uses; nothing throws, nothing is polluted, and
 * the unlocked vault's records and files stay exactly as they were. A fixed seed makes a failure
 * reproducible; fast-check prints the seed and the smallest failing mutation.
 */
const SEED = 20_261_123;
const RUNS = 100;
const MiB = 1024 * 1024;

type Path = readonly (string | number)[];

/** A hostile value built from what it replaces; its label is what a failure report shows. */
interface Hostile {
  label: string;
  make: (original: unknown) => unknown;
}
const hostile = (label: string, make: (original: unknown) => unknown): Hostile =>
  Object.assign({ label, make }, { [fc.toStringMethod]: () => label });
const fixed = (label: string, value: unknown): Hostile => hostile(label, () => value);

// Built once: generating megabytes and deep structures per run would dominate the test's time.
const oneMiB = 'x'.repeat(MiB + 1);
const fiveMiB = 'y'.repeat(5 * MiB);
const deepObject = nest(10_000, (inner) => ({ a: inner }), 'bottom');
const deepArray = nest(10_000, (inner) => [inner], 'bottom');
/** Rich text nested deeper than any editor makes: block quotes inside block quotes. */
const deepDoc = (depth: number) => ({ type: 'doc', content: [nest(depth, (inner) => ({ type: 'blockquote', content: [inner] }), { type: 'paragraph' })] });
const deepDocs = [150, 1_000, 20_000].map((depth) => fixed(`rich text ${depth} levels deep`, deepDoc(depth)));

/** An object put inside a copy of itself, under its first array-valued key, `depth` times: rich text, for one. */
function selfNested(original: unknown, depth: number): unknown {
  const key = isObject(original) ? Object.keys(original).find((k) => Array.isArray(original[k])) : undefined;
  if (key === undefined) return nest(depth, (inner) => [inner], original);
  return nest(depth, (inner) => ({ ...(original as object), [key]: [inner] }), original);
}

function nest(depth: number, wrap: (inner: unknown) => unknown, bottom: unknown): unknown {
  let value = bottom;
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}

const TRAVERSAL = [
  '../../etc/passwd',
  '..\\..\\windows\\system32\\config\\sam',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\vault.db',
  'vault.db\u0000.pdf',
  '\u0000',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  'file:///etc/passwd',
  '~/.ssh/id_ed25519',
];

/** Own keys named like the prototype chain, made the way JSON.parse makes them from a request body. */
const polluters = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":null}',
].map((json) => fixed(json, JSON.parse(json)));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  // defineProperty, because assigning to `__proto__` would change the prototype instead of adding a key.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const oddValues = fc
  .constantFrom(null, undefined, true, false, 0, -1, -0, 0.5, NaN, Infinity, -Infinity, 1e308, -1e308, 2 ** 53 + 2, -(2 ** 31), '', ' ', '\u0000', [], {})
  .map((value) => fixed(fc.stringify(value), value));
const traversal = fc.constantFrom(...TRAVERSAL).map((value) => fixed(JSON.stringify(value), value));
const hugeStrings = fc.constantFrom(
  fixed('a 1 MiB string', oneMiB),
  fixed('a 5 MiB string', fiveMiB),
  hostile('the original with 1 MiB appended', (original) => `${String(original)}${oneMiB}`),
  hostile('the original after 5 MiB', (original) => `${fiveMiB}${String(original)}`),
  hostile('the original with a NUL byte', (original) => `${String(original)}\u0000`),
  hostile('the original with ../ in front', (original) => `../../${String(original)}`),
);
const deepValues = fc.constantFrom(fixed('an object 10,000 levels deep', deepObject), fixed('an array 10,000 levels deep', deepArray), ...deepDocs);
const reshaped = fc.constantFrom(
  hostile('the original inside an array', (original) => [original]),
  hostile('the original inside an object', (original) => ({ value: original })),
  hostile('the original as a string', (original) => JSON.stringify(original) ?? 'undefined'),
  hostile('the original as entries', (original) => (isObject(original) ? Object.entries(original) : { 0: original })),
  hostile('the original with a __proto__ key', (original) =>
    isObject(original) ? withOwnKey(structuredClone(original), '__proto__', { polluted: 'yes' }) : JSON.parse('{"__proto__":{"polluted":"yes"}}')),
  hostile('the original nested 1,000 deep in its own arrays', (original) => selfNested(original, 1_000)),
  hostile('the original nested 20,000 deep in its own arrays', (original) => selfNested(original, 20_000)),
);
const numbers = fc.constantFrom(
  ...[NaN, Infinity, -Infinity, -1, 0.5, 1e308, 2 ** 53 + 2].map((value) => fixed(String(value), value)),
  hostile('the original negated', (original) => (typeof original === 'number' ? -original - 1 : -1)),
  hostile('the original as a string', (original) => String(original)),
);
// What a compromised renderer could send through Electron's structured clone, not only JSON.
const cloneable = fc
  .anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true, maxDepth: 3 })
  .map((value) => hostile(fc.stringify(value).slice(0, 200), () => value));

const hostileValues: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 4, arbitrary: oddValues },
  { weight: 3, arbitrary: traversal },
  { weight: 3, arbitrary: hugeStrings },
  { weight: 2, arbitrary: deepValues },
  { weight: 2, arbitrary: fc.constantFrom(...polluters) },
  { weight: 3, arbitrary: reshaped },
  { weight: 3, arbitrary: cloneable },
);

/** Mostly what is most likely to slip past a check on that kind of value, sometimes anything at all. */
function hostileFor(original: unknown): fc.Arbitrary<Hostile> {
  const likely =
    typeof original === 'string'
      ? fc.oneof(hugeStrings, traversal)
      : typeof original === 'number'
        ? numbers
        : typeof original === 'object' && original !== null
          ? fc.oneof(reshaped, deepValues, fc.constantFrom(...polluters))
          : oddValues;
  return fc.oneof({ weight: 2, arbitrary: likely }, { weight: 1, arbitrary: hostileValues });
}

/** A key to add, labelled like a hostile value so a megabyte key name prints as a few words. */
interface NamedKey {
  label: string;
  key: string;
}
const namedKey = (key: string, label = JSON.stringify(key)): NamedKey => Object.assign({ label, key }, { [fc.toStringMethod]: () => label });
const unknownKeys: fc.Arbitrary<NamedKey> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', 'isAdmin', 'id', '../../etc/passwd').map((key) => namedKey(key)),
  fc.string({ minLength: 1, maxLength: 20 }).map((key) => namedKey(key)),
  fc.constant(namedKey('k'.repeat(MiB), 'a key 1 MiB long')),
);

type Mutation =
  | { op: 'root'; value: Hostile }
  | { op: 'replace'; path: Path; value: Hostile }
  | { op: 'addKey'; path: Path; key: NamedKey; value: Hostile }
  | { op: 'remove'; path: Path };

/** Every path inside a sample (not the root itself), objects and arrays as well as their leaves. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const children: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : isObject(value) ? Object.entries(value) : [];
  return children.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

const at = (value: unknown, path: Path): unknown => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);

/** The sample with one mutation applied, on a fresh copy; the same mutation always gives the same input. */
function mutate(sample: unknown, mutation: Mutation): unknown {
  if (mutation.op === 'root') return mutation.value.make(sample);
  const copy = structuredClone(sample);
  if (mutation.op === 'addKey') {
    withOwnKey(at(copy, mutation.path) as Record<string, unknown>, mutation.key.key, mutation.value.make(undefined));
    return copy;
  }
  const parent = at(copy, mutation.path.slice(0, -1)) as Record<string | number, unknown>;
  const key = mutation.path[mutation.path.length - 1]!;
  if (mutation.op === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    parent[key] = mutation.value.make(parent[key]);
  }
  return copy;
}

/** What dispatch itself does: a missing input counts as `{}`. A schema that throws accepts nothing. */
function accepts(method: MethodName, input: unknown): boolean {
  try {
    return contract[method].input.safeParse(input ?? {}).success;
  } catch {
    return false;
  }
}

function invalidInputs(method: MethodName, sample: unknown): fc.Arbitrary<Mutation> {
  const paths = pathsOf(sample);
  const objectPaths: Path[] = [[], ...paths.filter((path) => isObject(at(sample, path)))];
  const strategies: fc.WeightedArbitrary<Mutation>[] = [
    { weight: 2, arbitrary: hostileValues.map((value) => ({ op: 'root' as const, value })) },
    { weight: 3, arbitrary: fc.record({ path: fc.constantFrom(...objectPaths), key: unknownKeys, value: hostileValues }).map((m) => ({ op: 'addKey' as const, ...m })) },
  ];
  if (paths.length > 0) {
    strategies.push(
      {
        weight: 8,
        arbitrary: fc.constantFrom(...paths).chain((path) => hostileFor(at(sample, path)).map((value) => ({ op: 'replace' as const, path, value }))),
      },
      { weight: 1, arbitrary: fc.constantFrom(...paths).map((path) => ({ op: 'remove' as const, path })) },
    );
  }
  const nested = objectPaths.filter((path) => path.length > 0);
  if (nested.length > 0) {
    // Recursion is where validators fall over, so deepening an object gets its own share of runs.
    const deepening = fc.oneof(deepValues, reshaped.filter((value) => value.label.includes('deep')));
    strategies.push({ weight: 2, arbitrary: fc.record({ path: fc.constantFrom(...nested), value: deepening }).map((m) => ({ op: 'replace' as const, ...m })) });
  }
  return fc.oneof(...strategies).filter((mutation) => !accepts(method, mutate(sample, mutation)));
}

let app: SampleVault;
let records: Record<string, string>;
let files: Record<string, string>;
const prototypeKeys = () => [Object.prototype, Array.prototype, Function.prototype].map((proto) => Reflect.ownKeys(proto).map(String).sort());
const cleanPrototypes = prototypeKeys();

beforeAll(async () => {
  app = await openSampleVault();
  // Records first: reading them may touch SQLite's -shm, which folderDigest leaves out anyway.
  records = tableDigests(app.services);
  files = folderDigest(app.dir);
}, 120_000);
afterAll(() => app?.close());

/** A failed call as the renderer would get it: a closed code and a short message with nothing internal in it. */
function expectSafeFailure(result: Result<unknown>, codes: readonly ErrorCode[]): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(codes).toContain(result.error.code);
  const messages = [result.error.message, ...Object.values(result.error.fieldErrors ?? {})];
  for (const message of messages) {
    expect(typeof message).toBe('string');
    expect(message.length).toBeLessThanOrEqual(1_000);
    expect(message).not.toMatch(/\n\s*at |\bat \S+:\d+:\d+|\b[A-Z][a-z]*Error\b:/);
    for (const internal of [process.cwd(), app.dir, os.tmpdir(), 'node_modules']) expect(message).not.toContain(internal);
  }
}

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(prototypeKeys()).toEqual(cleanPrototypes);
}

describe('contract fuzzing against an unlocked vault with records', () => {
  it('starts from a valid sample for every method', () => {
    const refused = methodNames.filter((method) => !accepts(method, app.samples[method]));
    expect(refused).toEqual([]);
  });

  it.each(methodNames.map((method) => [method]))('answers %s with VALIDATION for 100 inputs its schema refuses', async (method) => {
    const sample = app.samples[method];
    await fc.assert(
      fc.asyncProperty(invalidInputs(method, sample), async (mutation) => {
        const input = mutate(sample, mutation);
        let result: Result<unknown>;
        try {
          result = await app.services.dispatch(method, input);
        } catch (error) {
          throw new Error(`dispatch threw instead of answering: ${error instanceof Error ? error.name : typeof error}`);
        }
        expectSafeFailure(result, ['VALIDATION']);
        expectUnpolluted();
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(folderDigest(app.dir), 'vault files after fuzzing').toEqual(files);
  });

  it('answers method names that are not in the contract, prototype names included, with VALIDATION', async () => {
    const names = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', ' getClient', 'getClient\u0000'), fc.string());
    await fc.assert(
      fc.asyncProperty(names.filter((name) => !Object.hasOwn(contract, name)), async (name) => {
        expectSafeFailure(await app.services.dispatch(name, {}), ['VALIDATION']);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('refuses a megabyte in every string field, so no unbounded text can reach the database', () => {
    const accepted: string[] = [];
    for (const method of methodNames) {
      const sample = app.samples[method];
      for (const path of pathsOf(sample).filter((p) => typeof at(sample, p) === 'string')) {
        for (const grow of [() => oneMiB, (s: string) => `${s}${oneMiB}`, (s: string) => `${oneMiB}${s}`]) {
          if (accepts(method, mutate(sample, { op: 'replace', path, value: hostile('huge', (original) => grow(String(original))) }))) {
            accepted.push(`${method}: ${path.join('.')}`);
            break;
          }
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('treats path-like and prototype-like identifiers as unknown records, never as files or properties', async () => {
    // Fields the schema accepts as free-form identifiers; each must be looked up, not used as a path.
    const targets: { method: MethodName; path: Path; answers: readonly (ErrorCode | 'ok')[] }[] = [
      { method: 'showInFolder', path: ['path'], answers: ['NOT_FOUND'] },
      { method: 'verifyBackup', path: ['fileId'], answers: ['NOT_FOUND'] },
      { method: 'prepareRestore', path: ['fileId'], answers: ['NOT_FOUND'] },
      { method: 'confirmRestore', path: ['restoreId'], answers: ['NOT_FOUND'] },
      { method: 'cancelRestore', path: ['restoreId'], answers: ['ok'] },
      { method: 'createSession', path: ['templateId'], answers: ['VALIDATION'] },
      { method: 'saveNoteTemplate', path: ['id'], answers: ['NOT_FOUND'] },
      { method: 'search', path: ['templateId'], answers: ['ok'] },
      { method: 'acknowledgeAlert', path: ['alertKey'], answers: ['NOT_FOUND'] },
      { method: 'recordMeasure', path: ['measureId'], answers: ['NOT_FOUND', 'VALIDATION'] },
      { method: 'saveCustomMeasure', path: ['id'], answers: ['NOT_FOUND', 'FORBIDDEN'] },
    ];
    const pieces = ['..', '/', '\\', 'etc', 'passwd', '\u0000', 'C:', '~', '%2e', 'vault.db', '__proto__', 'constructor'];
    const identifiers = fc.oneof(
      fc.constantFrom(...TRAVERSAL, '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'tostring'),
      fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
    );
    for (const { method, path, answers } of targets) {
      const sample = app.samples[method];
      const valid = identifiers.filter((id) => accepts(method, mutate(sample, { op: 'replace', path, value: fixed(id, id) })));
      await fc.assert(
        fc.asyncProperty(valid, async (id) => {
          const before = app.dialogs.opened.length;
          const result = await app.services.dispatch(method, mutate(sample, { op: 'replace', path, value: fixed(id, id) }));
          if (result.ok) expect(answers, `${method} answered ok`).toContain('ok');
          else expectSafeFailure(result, answers.filter((answer): answer is ErrorCode => answer !== 'ok'));
          expect(app.dialogs.opened.length, `${method} opened a dialog`).toBe(before);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
    expect(folderDigest(app.dir)).toEqual(files);
  });

  it('leaves every record and file of the vault unchanged, and keeps answering', async () => {
    expectUnpolluted();
    expect(folderDigest(app.dir)).toEqual(files);
    expect(tableDigests(app.services)).toEqual(records);
    expect(await app.services.dispatch('getVaultStatus', {})).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await app.services.dispatch('getClient', { id: app.ids.clientId })).toMatchObject({ ok: true, value: { id: app.ids.clientId } });
  });
});
