import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { IRules } from 'graphql-shield';
import { defineEntity, p, type EntityManager, type InferEntity, type Knex } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';
import { SUBGRAPHS, type RegistryName } from '../catalog';
import type { RegistryContext } from './context';
import { badUserInput, forbidden } from './errors';
import type { Caller } from './identity';
import { isAuthenticated, subjectOfPersonalData } from './rules';
import { rawBindings, rawQuery } from './sql';

/**
 * Where a value comes from (Myinfo's "source" and "lastupdated"), built from the registry's own
 * write records: every granted write is in its access log (action write, the fields it wrote,
 * who wrote it, when), so the latest write naming a field (or `Type.*`) of a person says which
 * department last changed it, when, and whether the citizen supplied it or an authority recorded
 * it. No second copy of the data: a value with no recorded write (loaded before the log, or by a
 * data migration) is attributed to the registry's owning department, with no time.
 *
 * Two kinds of write record, both the registry's own:
 * - the access log, by person (`subjectId`): enough for a record a person has one of (a Person);
 * - `field_write`, by record (`recordId`): the latest write of each field of each record (who, when,
 *   never the value), written in the same transaction as the change by `recordFieldWrites`, for
 *   records a person has many of (certificates, materials, applications, employment records, the
 *   organizations they represent), where the access log names the person but not the record.
 *
 * A registry exposes it on each type holding personal values as
 * `provenance(fields: [String!]): [FieldProvenance!]` (Person, Certificate, Material,
 * JobSeekerProfile, JobApplication, EmploymentRecord, Organization, Application). The caller sees a field's
 * provenance exactly when the registry's permission rules let them read that field; one statement
 * per kind of write record per request however many records (DataLoaders).
 */

export type ValueSupplier = 'CITIZEN' | 'AUTHORITY';

/** The rules of FieldProvenance's own fields: reached only through a `provenance` field, which checked each. */
export const FIELD_PROVENANCE_PERMISSIONS = {
  field: isAuthenticated,
  registry: isAuthenticated,
  department: isAuthenticated,
  changedAt: isAuthenticated,
  suppliedBy: isAuthenticated,
  recorded: isAuthenticated,
};

export interface FieldProvenance {
  field: string;
  registry: string;
  department: string | null;
  changedAt: string | null;
  suppliedBy: ValueSupplier;
  /** Whether a write record says so (false: attributed to the owning department, time unknown). */
  recorded: boolean;
}

interface LatestWrite {
  field: string;
  at: string;
  actorRole: string | null;
  actorDept: string | null;
}

const loaders = new WeakMap<object, DataLoader<string, LatestWrite[]>>();
const recordLoaders = new WeakMap<object, DataLoader<string, LatestWrite[]>>();

/** The latest granted write per field for each person, one statement per batch. */
function latestWrites(ctx: RegistryContext): DataLoader<string, LatestWrite[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    const em: EntityManager = ctx.em;
    loader = new DataLoader(async (ids) => {
      const rows = await rawQuery<LatestWrite & { subjectId: string }>(
        em,
        `select distinct on (subject_id, field) subject_id as "subjectId", field,
           to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
           actor_role as "actorRole", actor_dept as "actorDept"
         from access_record, unnest(fields) as field
         where subject_id = any(?::uuid[]) and action = 'write' and outcome = 'granted'
         order by subject_id, field, seq desc`,
        [ids],
      );
      return ids.map((id) => rows.filter((row) => row.subjectId === id));
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

/**
 * The latest write of each field of each record (who and when, never the value). Every registry has
 * it (openRegistryOrm adds it and its migration to each registry's own); a registry writes it with
 * `recordFieldWrites` inside the transaction that changes the record.
 */
export const FieldWriteSchema = defineEntity({
  name: 'FieldWrite',
  tableName: 'field_write',
  comment: 'The latest write of each field of each record: who and when, never the value (provenance.ts)',
  properties: {
    recordType: p.string().length(60).primary(),
    recordId: p.string().length(100).primary(),
    /** Type.field, or Type.* for every field (the record was created). */
    field: p.string().length(100).primary(),
    at: p.datetime(),
    actorRole: p.string().length(20),
    actorDept: p.string().length(40).nullable(),
  },
});
export type FieldWrite = InferEntity<typeof FieldWriteSchema>;

export const FIELD_WRITE_SQL = [
  `create table "field_write" ("record_type" varchar(60) not null, "record_id" varchar(100) not null,
     "field" varchar(100) not null, "at" timestamptz not null, "actor_role" varchar(20) not null,
     "actor_dept" varchar(40) null, constraint "field_write_pkey" primary key ("record_type", "record_id", "field"))`,
  `comment on table "field_write" is 'The latest write of each field of each record: who and when, never the value (provenance.ts)'`,
];

/** The field_write table as a migration every registry runs after its own. Frozen once committed. */
export class Migration20261122050000_fieldWrite extends Migration {
  override async up(): Promise<void> {
    for (const sql of FIELD_WRITE_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "field_write" cascade');
  }
}

/** One write to one record: its type (the GraphQL type), its id, the fields written (`*` for all). */
export interface RecordWrite {
  type: string;
  id: string;
  fields: readonly string[];
}

/** The department a write is attributed to: an officer's, or a registry acting as itself, its owner's. */
function writerDepartment(caller: Caller): string | null {
  const identity = caller.identity;
  if (!identity) return null;
  if (identity.role === 'service') {
    return (
      identity.dept ??
      (SUBGRAPHS as Record<string, { department: string | null } | undefined>)[identity.sub]?.department ??
      null
    );
  }
  return identity.role === 'citizen' ? null : identity.dept;
}

/**
 * Records who wrote which fields of which records, now, in one statement, inside the write's own
 * transaction (an EntityManager inside `transactional`, or a Knex transaction), so the change and
 * its provenance commit or fail together.
 */
export async function recordFieldWrites(
  transaction: EntityManager | Knex.Transaction,
  caller: Caller,
  writes: readonly RecordWrite[],
): Promise<void> {
  const rows = writes.flatMap((write) =>
    write.fields.map((field) => [write.type, write.id, `${write.type}.${field}`] as const),
  );
  if (rows.length === 0) return;
  const trx =
    'getTransactionContext' in transaction
      ? transaction.getTransactionContext<Knex.Transaction>()
      : (transaction as Knex.Transaction);
  if (!trx) throw new Error('recordFieldWrites needs the transaction the write is made in');
  await trx.raw(
    `insert into field_write (record_type, record_id, field, at, actor_role, actor_dept)
     select t, i, f, now(), ?, ? from unnest(?::text[], ?::text[], ?::text[]) as w(t, i, f)
     on conflict (record_type, record_id, field)
     do update set at = excluded.at, actor_role = excluded.actor_role, actor_dept = excluded.actor_dept`,
    rawBindings([
      caller.identity?.role ?? 'anonymous',
      writerDepartment(caller),
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
      rows.map((r) => r[2]),
    ]),
  );
}

const RECORD_KEY_SEPARATOR = '\u0000';

/** The latest write of each field of each record (`type` NUL `id`), one statement per batch. */
function recordWrites(ctx: RegistryContext): DataLoader<string, LatestWrite[]> {
  let loader = recordLoaders.get(ctx);
  if (!loader) {
    const em: EntityManager = ctx.em;
    loader = new DataLoader(async (keys) => {
      const pairs = keys.map((key) => key.split(RECORD_KEY_SEPARATOR));
      const rows = await rawQuery<LatestWrite & { recordType: string; recordId: string }>(
        em,
        `select w.record_type as "recordType", w.record_id as "recordId", w.field,
           to_char(w.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
           w.actor_role as "actorRole", w.actor_dept as "actorDept"
         from field_write w
         join unnest(?::text[], ?::text[]) as k(record_type, record_id)
           on w.record_type = k.record_type and w.record_id = k.record_id`,
        [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
      );
      return pairs.map(([type, id]) => rows.filter((row) => row.recordType === type && row.recordId === id));
    });
    recordLoaders.set(ctx, loader);
  }
  return loader;
}

/**
 * What is said of a value no field_write or access-log record names: by default the owning
 * registry's department, time unknown (loaded before records were kept, or seeded). A record that
 * carries its own writer and time (a material's upload, an employment registration's recorder)
 * says so here, with `recorded: true`.
 */
export interface Unrecorded {
  department: string | null;
  changedAt?: string | null;
  suppliedBy?: ValueSupplier;
  recorded?: boolean;
}

/**
 * `Type.provenance(fields:)` for one parent object: the personal fields of `typeName` that the
 * caller may read (all of them when `fields` is omitted; naming one the caller may not read is
 * FORBIDDEN), each with its latest write.
 */
export async function provenanceOf(
  options: {
    registry: RegistryName;
    rules: IRules;
    typeName: string;
    parent: unknown;
    fields: readonly string[] | null | undefined;
    ctx: RegistryContext;
    info: GraphQLResolveInfo;
    /** Fields about the record rather than values in it (provenance itself, asOf). */
    notValues?: readonly string[];
    /**
     * The fields whose provenance can be asked, when the type's own rules do not tag them as
     * personal (a type reached only through a guarded personal field, e.g. EmploymentRecord).
     */
    personalFields?: readonly string[];
    /**
     * Without a write record: the owning registry's department, time unknown, unless said here
     * (for every field, or field by field: a field written only when the record was made).
     */
    unrecorded?: Unrecorded | ((field: string) => Unrecorded | undefined);
  } & (
    | {
        /** Whose access-log write records say where the values came from. */
        subjectId: string;
        recordId?: undefined;
      }
    | {
        /** The record whose field_write records say where the values came from. */
        recordId: string;
        subjectId?: undefined;
      }
  ),
): Promise<FieldProvenance[]> {
  const { registry, typeName, parent, ctx, info } = options;
  const typeRules = (options.rules as Record<string, Record<string, unknown>>)[typeName] ?? {};
  const personal = (options.personalFields ?? Object.keys(typeRules)).filter(
    (name) =>
      name !== 'provenance' &&
      !options.notValues?.includes(name) &&
      typeRules[name] !== undefined &&
      (options.personalFields !== undefined || subjectOfPersonalData(typeRules[name])),
  );
  const asked = options.fields ?? personal.map((name) => `${typeName}.${name}`);
  const names = asked.map((coordinate, i) => {
    const name = coordinate.startsWith(`${typeName}.`) ? coordinate.slice(typeName.length + 1) : '';
    if (!personal.includes(name)) {
      throw badUserInput(
        `fields[${i}]`,
        'personal-field',
        `fields[${i}] ${JSON.stringify(coordinate)} is not a personal field of ${typeName} in the ${registry} registry; ` +
          `use one of ${personal.map((n) => `${typeName}.${n}`).join(', ')}`,
      );
    }
    return name;
  });
  const readable: string[] = [];
  for (const name of names) {
    const rule = typeRules[name] as { resolve(...a: unknown[]): Promise<unknown> };
    // The field's own rule, as if the field itself were read here.
    const fieldInfo = {
      ...info,
      fieldName: name,
      parentType: { ...info.parentType, name: typeName },
      path: { prev: info.path.prev, key: name, typename: typeName },
    };
    const allowed = await rule.resolve(parent, {}, ctx, fieldInfo, { debug: false });
    if (allowed === true) readable.push(name);
    else if (options.fields) {
      throw allowed instanceof Error
        ? allowed
        : forbidden(`${typeName}.provenance: you may not read ${typeName}.${name}, so not where it came from`);
    }
  }
  const writes =
    options.recordId !== undefined
      ? await recordWrites(ctx).load(`${typeName}${RECORD_KEY_SEPARATOR}${options.recordId}`)
      : await latestWrites(ctx).load(options.subjectId);
  const unrecordedOf = (name: string): Required<Unrecorded> => ({
    department: SUBGRAPHS[registry].department,
    changedAt: null,
    suppliedBy: 'AUTHORITY',
    recorded: false,
    ...(typeof options.unrecorded === 'function' ? options.unrecorded(name) : options.unrecorded),
  });
  return readable.map((name) => {
    const coordinate = `${typeName}.${name}`;
    const unrecorded = unrecordedOf(name);
    const latest = writes
      .filter((w) => w.field === coordinate || w.field === `${typeName}.*`)
      .sort((a, b) => (a.at < b.at ? 1 : -1))[0];
    return latest
      ? {
          field: coordinate,
          registry,
          department: latest.actorRole === 'citizen' ? null : latest.actorDept,
          changedAt: latest.at,
          suppliedBy: latest.actorRole === 'citizen' ? 'CITIZEN' : 'AUTHORITY',
          recorded: true,
        }
      : {
          field: coordinate,
          registry,
          department: unrecorded.suppliedBy === 'CITIZEN' ? null : unrecorded.department,
          changedAt: unrecorded.changedAt,
          suppliedBy: unrecorded.suppliedBy,
          recorded: unrecorded.recorded,
        };
  });
}
