import { randomUUID } from 'node:crypto';
import { p } from '@mikro-orm/postgresql';

/**
 * The properties every registry entity starts with: a UUID primary key and creation/update times.
 * Spread into each `defineEntity` (a fresh set per entity, since builders are mutable).
 */
export function baseProperties() {
  return {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  };
}
