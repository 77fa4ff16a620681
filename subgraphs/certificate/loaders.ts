import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, keyedLoader } from '../shared/loaders';
import { isUuid } from '../shared/validation';
import { CatalogueRepository } from './entities/catalogue.repository';
import { CertificateRepository, typeNumberKey } from './entities/certificate.repository';
import type { Service } from './entities/service.entity';
import { MaterialRepository } from './entities/material.repository';

/** The certificate registry's per-request loaders: every cross-entity lookup goes through one. */
export function createLoaders(em: EntityManager) {
  const catalogue = new CatalogueRepository(em);
  const certificates = new CertificateRepository(em);
  const materials = new MaterialRepository(em);
  return {
    certificateType: keyedLoader(
      (codes) => catalogue.certificateTypesByCodes(codes),
      (t) => t.code as string,
    ),
    materialKind: keyedLoader(
      (codes) => catalogue.materialKindsByCodes(codes),
      (k) => k.code,
    ),
    /** By code or abbreviation. */
    service: new DataLoader<string, Service | null>(async (keys) => {
      const found = await catalogue.servicesByCodes(keys);
      return keys.map((key) => found.find((s) => s.code === key || s.abbreviation === key) ?? null);
    }),
    serviceById: keyedLoader(
      (ids) => catalogue.servicesByIds(ids),
      (s) => s.id,
      isUuid,
    ),
    requirements: groupedLoader(
      (serviceIds) => catalogue.requirementsOf(serviceIds),
      (r) => r.service,
      isUuid,
    ),
    certificate: keyedLoader(
      (ids) => certificates.findByIds(ids),
      (c) => c.id,
      isUuid,
    ),
    /** By typeNumberKey(type, number). */
    certificateByTypeNumber: keyedLoader(
      (keys) => certificates.findByTypeAndNumbers(keys),
      (c) => typeNumberKey(c.type, c.number),
    ),
    certificateByCode: keyedLoader(
      (codes) => certificates.findByVerificationCodes(codes),
      (c) => c.verificationCode,
    ),
    certificatesOfPerson: groupedLoader(
      (personIds) => certificates.heldByPersons(personIds),
      (c) => c.holderPersonId!,
      isUuid,
    ),
    certificatesOfOrganization: groupedLoader(
      (codes) => certificates.heldByOrganizations(codes),
      (c) => c.holderCreditCode!,
    ),
    material: keyedLoader(
      (ids) => materials.findByIds(ids),
      (m) => m.id,
      isUuid,
    ),
    materialsOfPerson: groupedLoader(
      (ownerIds) => materials.ownedBy(ownerIds),
      (m) => m.ownerId,
      isUuid,
    ),
    materialUses: groupedLoader(
      (ids) => materials.usesOf(ids),
      (u) => u.material,
      isUuid,
    ),
  };
}

export type CertificateLoaders = ReturnType<typeof createLoaders>;
