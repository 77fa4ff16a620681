import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';

/**
 * Creates something at most once, for mutations that clients may repeat or send concurrently.
 * `find` looks for an earlier creation under the same natural key (ID number, credit code,
 * decision number) and returns it, or throws BAD_USER_INPUT when a different thing holds that key;
 * `create` writes it. Both run in one transaction. When a concurrent request wins the race (the
 * unique constraint fires), the winner's row is looked up and answered instead.
 */
export async function createOnce<T>(
  em: EntityManager,
  steps: { find(em: EntityManager): Promise<T | null>; create(em: EntityManager): Promise<T> },
): Promise<T> {
  try {
    return await em.transactional(async (tx) => (await steps.find(tx)) ?? (await steps.create(tx)));
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      const winner = await steps.find(em.fork());
      if (winner) return winner;
    }
    throw error;
  }
}
