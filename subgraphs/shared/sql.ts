import type { EntityManager, EntityName, Knex } from '@mikro-orm/postgresql';

/**
 * Raw SQL with real bind parameters, on the EntityManager's transaction when it has one.
 * MikroORM's own `execute` inlines parameters into the SQL text, which turns an array into a
 * list and defeats `= ANY($1)`; plain `em.getKnex().raw()` would ignore the open transaction.
 */
export async function rawQuery<Row>(em: EntityManager, sql: string, bindings: readonly unknown[] = []): Promise<Row[]> {
  const query = em.getKnex().raw<{ rows: Row[] }>(sql, rawBindings(bindings));
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (transaction) query.transacting(transaction);
  return (await query).rows;
}

/** A SELECT (see rawQuery) whose rows are mapped to managed entities. */
export async function selectEntities<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  sql: string,
  bindings: readonly unknown[],
): Promise<T[]> {
  const rows = await rawQuery<Record<string, unknown>>(em, sql, bindings);
  return rows.map((row) => em.map(entity, row as never));
}

/** Knex's binding type does not admit arrays, which node-postgres sends as PostgreSQL arrays. */
export function rawBindings(bindings: readonly unknown[]): readonly Knex.RawBinding[] {
  return bindings as readonly Knex.RawBinding[];
}
