import {
  ReferenceKind,
  SCALAR_TYPES,
  Utils,
  type EntityManager,
  type EntityName,
  type Knex,
} from '@mikro-orm/postgresql';

/**
 * Raw SQL with real bind parameters, on the EntityManager's transaction when it has one.
 * MikroORM's own `execute` inlines parameters into the SQL text, which turns an array into a
 * list and defeats `= ANY($1)`; plain `em.getKnex().raw()` would ignore the open transaction.
 */
export async function rawQuery<Row>(
  em: EntityManager,
  sql: string,
  bindings: readonly unknown[] = [],
  options: StatementOptions = {},
): Promise<Row[]> {
  const knex = em.getKnex();
  const transaction = em.getTransactionContext<Knex.Transaction>();
  const name = options.prepared ? statementName(sql) : undefined;
  if (!transaction && isPlainStatement(sql, bindings)) return (await sendPlain<Row>(knex, sql, bindings, name)).rows;
  const query = knex.raw<{ rows: Row[] }>(sql, rawBindings(bindings));
  if (name) query.options({ name });
  if (transaction) query.transacting(transaction);
  return (await query).rows;
}

/**
 * The condition of a batch lookup by key, with its binding: `column = ?::type` for one key,
 * `column = any(?::type[])` for several. Two texts, each planned for what it is: PostgreSQL keeps
 * a named statement's generic plan only when it looks no dearer than the custom plans, and it
 * estimates `= any($1)` of an array it does not know at ten keys, so a lookup of one key (what
 * nearly every request sends) written with `any` was planned again on every execution. As
 * `= $1` its generic plan is kept: a person with household took 0.28 ms of backend CPU instead of
 * 1.26 (named, one connection, 3,000 lookups). For prepared statements (see StatementOptions).
 */
export function keyMatch(
  column: string,
  type: string,
  keys: readonly unknown[],
): { condition: string; value: unknown } {
  return keys.length === 1
    ? { condition: `${column} = ?::${type}`, value: keys[0] }
    : { condition: `${column} = any(?::${type}[])`, value: keys };
}

/** `select *` or `select t.*` anywhere in a statement (a subquery's `count(*)` is not one). */
const SELECTS_ALL_COLUMNS = /(\bselect\s+|,\s*)(\w+\.)?\*/i;

export interface StatementOptions {
  /**
   * Send it as a named prepared statement, which each connection parses once (and PostgreSQL may
   * then plan once) instead of on every call. For the hot lookups whose text never changes (a
   * repository's `= any(?)` batches): every distinct text takes a name in every connection for
   * the life of the process. Such a statement lists its columns (columnList): with `*`, a column
   * added by a migration while the process runs would make PostgreSQL refuse it.
   */
  prepared?: boolean;
}

/** Statement name per text, the same in every connection of this process (pg refuses one name for two texts). */
const statementNames = new Map<string, string>();

/** A bound on the texts named, so a text built per call that was marked by mistake cannot fill the server's memory. */
const MAX_NAMED_STATEMENTS = 500;

function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (name !== undefined) return name;
  // Checked when a text is first seen, not on every execution (the regular expression was 0.5% of
  // natural-person's CPU under the officers' lookups).
  if (SELECTS_ALL_COLUMNS.test(sql)) {
    throw new Error(
      `A named prepared statement must list its columns (columnList), not select *: PostgreSQL refuses a ` +
        `prepared statement whose result columns a migration changed ("cached plan must not change result type"). ${sql}`,
    );
  }
  if (statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `gg_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * knex's own client methods, below its query builder: what a raw statement outside a transaction
 * goes through in the end (the pool, the `?` to `$n` rewrite, the 'query' event that counts
 * statements, the error message with the statement in it).
 */
interface KnexClientInternals {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
  query(
    connection: unknown,
    query: { method: 'raw'; sql: string; bindings: unknown[]; options: object },
  ): Promise<{
    response: unknown;
  }>;
}

/**
 * A raw statement outside a transaction, sent by knex's client as `knex.raw(sql, bindings)` sends
 * it (same connection pool, SQL text, bindings, 'query' event and error message), without the
 * builder around it: a Raw object (an EventEmitter), its compilation (which, for plain values,
 * gives back the same text and bindings), a Runner, and three more events per statement that
 * nothing here listens to. That wrapping was about 3% of a subgraph's CPU on the public page.
 * Only for what isPlainStatement admits; anything else goes through knex.raw as before.
 */
async function sendPlain<Row>(
  knex: Knex,
  sql: string,
  bindings: readonly unknown[],
  name: string | undefined,
): Promise<{ rows: Row[] }> {
  const client = knex.client as unknown as KnexClientInternals;
  let connection: unknown;
  try {
    connection = await client.acquireConnection();
  } catch (error) {
    // What knex's runner adds to a pool timeout.
    if (error instanceof Error && error.name === 'KnexTimeoutError') Object.assign(error, { sql, bindings });
    throw error;
  }
  try {
    const { response } = await client.query(connection, {
      method: 'raw',
      sql,
      bindings: [...bindings],
      options: name ? { name } : {},
    });
    return response as { rows: Row[] };
  } finally {
    await client.releaseConnection(connection);
  }
}

/** How many `?` placeholders a statement has, for those that may skip knex's builder (null: may not). */
const placeholderCounts = new Map<string, number | null>();

/**
 * Whether knex.raw would send `sql` with `bindings` exactly as they are: every `?` a value
 * (no `??` identifier), as many values as placeholders, and each value plain (not a knex Raw or
 * builder, a function, an object or undefined, which knex compiles or refuses).
 */
function isPlainStatement(sql: string, bindings: readonly unknown[]): boolean {
  let count = placeholderCounts.get(sql);
  if (count === undefined) {
    // knex's raw compiler's own pattern: `\?` is an escaped mark, `??` an identifier (and the
    // rarer `\??` a value); a statement with anything but plain and escaped marks goes to knex.
    const marks: string[] = sql.match(/\\?\?\??/g) ?? [];
    count = marks.every((mark) => mark === '?' || mark === '\\?') ? marks.filter((mark) => mark === '?').length : null;
    if (placeholderCounts.size < 10_000) placeholderCounts.set(sql, count);
  }
  return count === bindings.length && bindings.every(isPlainValue);
}

function isPlainValue(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return true;
    case 'object':
      return (
        value === null ||
        value instanceof Date ||
        Buffer.isBuffer(value) ||
        (Array.isArray(value) && value.every((item) => item !== undefined && isPlainValue(item)))
      );
    default:
      return false;
  }
}

/** A SELECT (see rawQuery) whose rows are mapped to managed entities. */
export async function selectEntities<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  sql: string,
  bindings: readonly unknown[],
  options: StatementOptions = {},
): Promise<T[]> {
  const rows = await rawQuery<Record<string, unknown>>(em, sql, bindings, options);
  return rows.map((row) => em.map(entity, row as never));
}

/**
 * How a repository hands out rows: managed entities (what a write changes and flushes), or, for a
 * request's read-only loaders, plain objects with the same values (selectPlain: no identity map or
 * change tracking; MikroORM's hydration was about a tenth of a logged person lookup's CPU).
 */
export interface ReadMode {
  readOnly?: boolean;
}

/** selectEntities, or selectPlain when `mode` is read-only. */
export function selector(em: EntityManager, mode: ReadMode) {
  return <T extends object>(
    entity: EntityName<T>,
    sql: string,
    bindings: readonly unknown[],
    options: StatementOptions = {},
  ): Promise<T[]> =>
    mode.readOnly
      ? selectPlain(em, entity, sql, bindings, options)
      : selectEntities(em, entity, sql, bindings, options);
}

/**
 * A SELECT (see rawQuery) whose rows are read as plain objects of the entity's type, for read-only
 * pages: the same property names and the same values an entity would have (MikroORM's own result
 * mapper, its type fixes and custom types' conversions, as `em.map` applies them), without making
 * them managed entities (identity map, change-set snapshot, per-entity helpers). That hydration
 * was about 11% of the legal-person subgraph's CPU on the public page of 20 organizations.
 * Entities may have scalar properties and many-to-one references, each of which becomes a plain
 * object holding only the referenced entity's key (`member.household.id`, as on an unloaded
 * reference); any other relation is refused. Never for what a request may then write: the objects
 * are not in the EntityManager, so a change to one would not be saved.
 */
export async function selectPlain<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  sql: string,
  bindings: readonly unknown[],
  options: StatementOptions = {},
): Promise<T[]> {
  return readPlain(em, entity, await rawQuery<Record<string, unknown>>(em, sql, bindings, options));
}

/** Rows of an entity's table (every column, nothing else) as selectPlain reads them. */
export function readPlain<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly Record<string, unknown>[],
): T[] {
  const read = plainReader(em, Utils.className(entity as EntityName<any>));
  return rows.map((row) => read(row) as T);
}

/** One row of a SELECT that also returns columns of its own, read as selectPlain reads its rows. */
export function readPlainRow<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  row: Record<string, unknown>,
): T {
  return plainReader(em, Utils.className(entity as EntityName<any>))(row) as T;
}

const plainReaders = new WeakMap<object, Map<string, (row: Record<string, unknown>) => object>>();

/** How one entity's rows become plain objects, worked out once per metadata storage. */
function plainReader(em: EntityManager, entity: string): (row: Record<string, unknown>) => object {
  const metadata = em.getMetadata();
  let readers = plainReaders.get(metadata);
  if (!readers) plainReaders.set(metadata, (readers = new Map()));
  const known = readers.get(entity);
  if (known) return known;
  const meta = metadata.get(entity);
  const platform = em.getPlatform();
  const validator = em.getValidator();
  const driver = em.getDriver();
  const properties = Object.values(meta.properties);
  const isReference = (prop: (typeof properties)[number]) =>
    prop.kind === ReferenceKind.MANY_TO_ONE &&
    prop.fieldNames.length === 1 &&
    prop.targetMeta?.primaryKeys.length === 1 &&
    !prop.mapToPk;
  const other = properties.find(
    (prop) => (prop.kind !== ReferenceKind.SCALAR && !isReference(prop)) || prop.embedded || prop.persist === false,
  );
  if (other) throw new Error(`selectPlain: ${meta.className}.${other.name} is not a plain column`);
  const references = properties
    .filter(isReference)
    .map((prop) => ({ name: prop.name, key: prop.targetMeta!.primaryKeys[0] }));
  const converted = properties.filter((prop) => prop.customType);
  const fixed = properties.filter(
    (prop) => SCALAR_TYPES.includes(prop.runtimeType) && !prop.customType && (prop.setter || !prop.getter),
  );
  const read = (row: Record<string, unknown>): object => {
    const data = driver.mapResult(row as never, meta) as Record<string, unknown>;
    // What em.map does before merging: type fixes of plain scalars (a value already of the
    // property's type, outside an enum, is one the validator gives back as it is)...
    for (const prop of fixed) {
      if (!(prop.name in data)) continue;
      const value = data[prop.name];
      if (value === null || (!prop.enum && isOfRuntimeType(value, prop.runtimeType))) continue;
      data[prop.name] = validator.validateProperty(prop, value, data);
    }
    // ...and what the hydrator does with convertCustomTypes: the custom types' JS values.
    for (const prop of converted) {
      const value = data[prop.name];
      if (value !== null && value !== undefined) data[prop.name] = prop.customType!.convertToJSValue(value, platform);
    }
    // ...and a reference for each foreign key, holding only the key.
    for (const { name, key } of references) {
      const value = data[name];
      if (value !== null && value !== undefined) data[name] = { [key]: value };
    }
    return data;
  };
  readers.set(entity, read);
  return read;
}

/** Whether MikroORM's validator would see `value` as of `type` (its Utils.getObjectType), for the types a column reads as. */
function isOfRuntimeType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return typeof value === type;
    case 'Date':
      return Object.prototype.toString.call(value) === '[object Date]';
    default:
      return false;
  }
}

/**
 * The select list for one entity's columns in a join, each named `"<prefix>.<column>"`, so that
 * several entities (one table twice too) share a row: `columnsAs(em, PersonSchema, 'mp', 'member_person')`
 * gives `mp.id as "member_person.id", mp.created_at as "member_person.created_at", ...`. Read the
 * rows back with readJoined. This is how a loader fetches a parent and what its children's loaders
 * will want in one statement, instead of a statement per loader.
 */
export function columnsAs<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  alias: string,
  prefix: string,
): string {
  return columnsOf(em, entity)
    .map((column) => `${alias}.${column} as "${prefix}.${column}"`)
    .join(', ');
}

/**
 * Rows selected with columnsAs, read per prefix as plain objects of that prefix's entity, as
 * selectPlain reads its rows; null where an outer join found nothing (the entity's first primary
 * key column is null). `readJoined(em, rows, { household: HouseholdSchema, member: HouseholdMemberSchema })`
 * gives `[{ household, member }, ...]`, in row order.
 */
export function readJoined<Shape extends Record<string, EntityName<any>>>(
  em: EntityManager,
  rows: readonly Record<string, unknown>[],
  shape: Shape,
): { [P in keyof Shape]: (Shape[P] extends EntityName<infer T> ? T : never) | null }[] {
  const parts = Object.entries(shape).map(([prefix, entity]) => {
    const className = Utils.className(entity);
    const meta = em.getMetadata().get(className);
    const columns = columnsOf(em, entity);
    return {
      prefix,
      keys: columns.map((column) => `${prefix}.${column}`),
      columns,
      primaryKey: `${prefix}.${meta.primaryKeys.flatMap((key) => meta.properties[key].fieldNames)[0]}`,
      read: plainReader(em, className),
    };
  });
  return rows.map((row) => {
    const result: Record<string, object | null> = {};
    for (const { prefix, keys, columns, primaryKey, read } of parts) {
      if (row[primaryKey] === null || row[primaryKey] === undefined) {
        result[prefix] = null;
        continue;
      }
      const record: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) record[columns[i]] = row[keys[i]];
      result[prefix] = read(record);
    }
    return result as { [P in keyof Shape]: (Shape[P] extends EntityName<infer T> ? T : never) | null };
  });
}

/** An entity's table columns, in metadata order (what `select *` would give, by name). */
/**
 * An entity's columns as a select list, `id, created_at, ...` or with `alias.` before each: what a
 * named prepared statement selects instead of `*`, so that a column a migration adds while the
 * process runs changes nothing the statement returns.
 */
export function columnList(em: EntityManager, entity: EntityName<any>, alias?: string): string {
  return columnsOf(em, entity)
    .map((column) => (alias ? `${alias}.${column}` : column))
    .join(', ');
}

function columnsOf(em: EntityManager, entity: EntityName<any>): string[] {
  return em
    .getMetadata()
    .get(Utils.className(entity))
    .props.flatMap((prop) => prop.fieldNames ?? []);
}

/** Knex's binding type does not admit arrays, which node-postgres sends as PostgreSQL arrays. */
export function rawBindings(bindings: readonly unknown[]): readonly Knex.RawBinding[] {
  return bindings as readonly Knex.RawBinding[];
}
