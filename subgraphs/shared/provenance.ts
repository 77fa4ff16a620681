import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { IRules } from 'graphql-shield';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SUBGRAPHS, type RegistryName } from '../catalog';
import type { RegistryContext } from './context';
import { badUserInput, forbidden } from './errors';
import { subjectOfPersonalData } from './rules';
import { rawQuery } from './sql';

/**
 * Where a value comes from (Myinfo's "source" and "lastupdated"), built from the registry's own
 * write records: every granted write is in its access log (action write, the fields it wrote,
 * who wrote it, when), so the latest write naming a field (or `Type.*`) of a person says which
 * department last changed it, when, and whether the citizen supplied it or an authority recorded
 * it. No second copy of the data: a value with no recorded write (loaded before the log, or by a
 * data migration) is attributed to the registry's owning department, with no time.
 *
 * A registry exposes it on its own entity type as `provenance(fields: [String!]): [FieldProvenance!]`
 * (natural-person: Person.provenance). The caller sees a field's provenance exactly when the
 * registry's permission rules let them read that field; one statement per request however many
 * persons (a DataLoader over the access log's subject index).
 */

export type ValueSupplier = 'CITIZEN' | 'AUTHORITY';

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
  subjectId: string;
  field: string;
  at: string;
  actorRole: string | null;
  actorDept: string | null;
}

const loaders = new WeakMap<object, DataLoader<string, LatestWrite[]>>();

/** The latest granted write per field for each person, one statement per batch. */
function latestWrites(ctx: RegistryContext): DataLoader<string, LatestWrite[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    const em: EntityManager = ctx.em;
    loader = new DataLoader(async (ids) => {
      const rows = await rawQuery<LatestWrite>(
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
 * `Type.provenance(fields:)` for one parent object: the personal fields of `typeName` that the
 * caller may read (all of them when `fields` is omitted; naming one the caller may not read is
 * FORBIDDEN), each with its latest write.
 */
export async function provenanceOf(options: {
  registry: RegistryName;
  rules: IRules;
  typeName: string;
  subjectId: string;
  parent: unknown;
  fields: readonly string[] | null | undefined;
  ctx: RegistryContext;
  info: GraphQLResolveInfo;
  /** Fields about the record rather than values in it (provenance itself, asOf). */
  notValues?: readonly string[];
}): Promise<FieldProvenance[]> {
  const { registry, typeName, subjectId, parent, ctx, info } = options;
  const typeRules = (options.rules as Record<string, Record<string, unknown>>)[typeName] ?? {};
  const personal = Object.keys(typeRules).filter(
    (name) => name !== 'provenance' && !options.notValues?.includes(name) && subjectOfPersonalData(typeRules[name]),
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
  const writes = await latestWrites(ctx).load(subjectId);
  const owner = SUBGRAPHS[registry].department;
  return readable.map((name) => {
    const coordinate = `${typeName}.${name}`;
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
      : { field: coordinate, registry, department: owner, changedAt: null, suppliedBy: 'AUTHORITY', recorded: false };
  });
}
