import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, keyedLoader } from '../shared/loaders';
import { isUuid } from '../shared/validation';
import { OrganizationRepository } from './entities/organization.repository';

/** The legal-person registry's per-request loaders: every cross-entity lookup goes through one. */
export function createLoaders(em: EntityManager) {
  // What loaders read is only read (answers and permission checks): plain objects, not managed entities.
  const organizations = new OrganizationRepository(em, { readOnly: true });
  return {
    organization: keyedLoader(
      (codes) => organizations.findByCreditCodes(codes),
      (o) => o.creditCode,
    ),
    organizationById: keyedLoader(
      (ids) => organizations.findByIds(ids),
      (o) => o.id,
      isUuid,
    ),
    organizationsRepresentedBy: groupedLoader(
      (personIds) => organizations.findByRepresentatives(personIds),
      (o) => o.legalRepresentativeId,
      isUuid,
    ),
    penalties: groupedLoader(
      (ids) => organizations.penaltiesOf(ids),
      (p) => p.organization.id,
      isUuid,
    ),
  };
}

export type LegalPersonLoaders = ReturnType<typeof createLoaders>;
