import type { SchemaObject } from './schema-catalog.repository';

/*
 * A restored database must be exactly what this app's migrations make: a backup is a plain SQLite
 * file inside an encrypted one, and whoever holds its passphrase could add a trigger that rewrites
 * signed notes after any insert, or drop the triggers that keep them read-only, and still pass the
 * checksum, integrity and count checks. Pure: expected objects and found ones in, differences out.
 */

/** What a migration set creates, and what SQLite may add on its own (sqlite_stat1 after PRAGMA optimize or ANALYZE). */
export interface ExpectedSchema {
  objects: readonly SchemaObject[];
  /** Allowed, not required: each only with exactly this definition. */
  optional: readonly SchemaObject[];
}

export interface SchemaDifference {
  /** `extra`: in the database, never created by the app; `missing`: created by the app, not in the database; `different`: same name, another definition. */
  kind: 'extra' | 'missing' | 'different';
  /** sqlite_schema's type: table, index, view or trigger (or whatever the file says). */
  type: string;
  name: string;
}

const keyOf = (object: Pick<SchemaObject, 'type' | 'name'>): string => `${object.type}\u0000${object.name}`;
const same = (a: SchemaObject, b: SchemaObject): boolean => a.tbl_name === b.tbl_name && a.sql === b.sql;

/**
 * Every difference between the objects a database has and those the app creates, compared exactly
 * (type, name, table and SQL text: the staged file is a page copy of a database the app made, so
 * nothing needs normalising). Missing objects first, in the expected order, then extra and different
 * ones in the database's order.
 */
export function compareSchema(expected: ExpectedSchema, actual: readonly SchemaObject[]): SchemaDifference[] {
  const wanted = new Map(expected.objects.map((object) => [keyOf(object), object]));
  const allowed = new Map(expected.optional.map((object) => [keyOf(object), object]));
  const seen = new Set<string>();
  const found: SchemaDifference[] = [];
  for (const object of actual) {
    const key = keyOf(object);
    const reference = wanted.get(key) ?? allowed.get(key);
    // A second row of one name is not something SQLite makes: count it as extra.
    if (reference === undefined || seen.has(key)) found.push({ kind: 'extra', type: object.type, name: object.name });
    else if (!same(reference, object)) found.push({ kind: 'different', type: object.type, name: object.name });
    seen.add(key);
  }
  const missing = expected.objects.filter((object) => !seen.has(keyOf(object))).map((object): SchemaDifference => ({ kind: 'missing', type: object.type, name: object.name }));
  return [...missing, ...found];
}

/** One difference in words: "a trigger this app never creates (notes_rewrite)". */
export function describeDifference(difference: SchemaDifference): string {
  const type = shown(difference.type);
  const name = shown(difference.name);
  switch (difference.kind) {
    case 'extra':
      return `it has ${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type} this app never creates (${name})`;
    case 'missing':
      return `the ${type} ${name} is missing`;
    case 'different':
      return `the ${type} ${name} differs from the one this app creates`;
  }
}

/** How many differences a message names; the rest are counted. */
const NAMED = 2;

/** The practitioner's message for a database whose schema differs: the first differences, and a count of the rest. */
export function alteredSchemaMessage(differences: readonly SchemaDifference[], what = "This backup's database"): string {
  const named = differences.slice(0, NAMED).map(describeDifference);
  const rest = differences.length - named.length;
  const more = rest > 0 ? `, and ${rest.toLocaleString('en-US')} more ${rest === 1 ? 'difference' : 'differences'}` : '';
  return `${what} has been altered: ${named.join('; ')}${more}. Alliance Notes does not restore a database it did not make, so nothing was changed.`;
}

/**
 * Names and types come from the file, which may be anyone's: shown short and in plain characters, so a
 * message never carries a megabyte or control characters from it.
 */
const MAX_SHOWN = 40;
function shown(text: string): string {
  const plain = text.replace(/[^\w .-]/g, '?');
  return plain.length > MAX_SHOWN ? `${plain.slice(0, MAX_SHOWN)}…` : plain;
}
