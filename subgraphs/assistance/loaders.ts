import type { EntityManager } from '@mikro-orm/postgresql';
import { outboxByKeys } from '../shared/outbox/outbox';
import { groupedLoader, keyedLoader } from '../shared/loaders';
import { isUuid } from '../shared/validation';
import DataLoader from 'dataloader';
import { ApplicationRepository } from './entities/application.repository';
import { isCardId } from './supervision';

/** The assistance registry's per-request loaders: every cross-entity lookup goes through one. */
export function createLoaders(em: EntityManager) {
  const applications = new ApplicationRepository(em);
  return {
    programme: keyedLoader(
      (codes) => applications.programmesByCodes(codes),
      (p) => p.code as string,
    ),
    application: keyedLoader(
      (ids) => applications.findByIds(ids),
      (a) => a.id,
      isUuid,
    ),
    applicationByReference: keyedLoader(
      (references) => applications.findByReferences(references),
      (a) => a.reference,
    ),
    steps: groupedLoader(
      (ids) => applications.stepsOf(ids),
      (s) => s.application,
      isUuid,
    ),
    objections: groupedLoader(
      (ids) => applications.objectionsOf(ids),
      (o) => o.application,
      isUuid,
    ),
    facts: groupedLoader(
      (ids) => applications.factsOf(ids),
      (f) => f.application,
      isUuid,
    ),
    cards: groupedLoader(
      (ids) => applications.cardsOf(ids),
      (c) => c.application,
      isUuid,
    ),
    card: keyedLoader(
      (ids) => applications.cardsByIds(ids),
      (c) => String(c.id),
      isCardId,
    ),
    /** Outbox instructions by idempotency key (the certificate an approval issues). */
    outbox: new DataLoader(async (keys: readonly string[]) => {
      const rows = await outboxByKeys(em.getKnex(), keys);
      return keys.map((key) => rows.find((r) => r.idempotencyKey === key) ?? null);
    }),
  };
}

export type AssistanceLoaders = ReturnType<typeof createLoaders>;
