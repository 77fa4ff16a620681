import type { EntityManager, EntityName, Knex } from '@mikro-orm/postgresql';

/**
 * Runs a SELECT with real bind parameters (so arrays travel as one `$1` for `= ANY($1)`) and maps
 * the rows to managed entities. MikroORM's own `execute` inlines parameters into the SQL text,
 * which turns an array into a list and defeats the point.
 */
export async function selectEntities<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  sql: string,
  bindings: readonly unknown[],
): Promise<T[]> {
  const result = await em.getKnex().raw<{ rows: Record<string, unknown>[] }>(sql, rawBindings(bindings));
  return result.rows.map((row) => em.map(entity, row as never));
}

/** Knex's binding type does not admit arrays, which node-postgres sends as PostgreSQL arrays. */
export function rawBindings(bindings: readonly unknown[]): readonly Knex.RawBinding[] {
  return bindings as readonly Knex.RawBinding[];
}
