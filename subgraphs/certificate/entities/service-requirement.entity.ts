import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';
import { CertificateTypeSchema } from './certificate-type.entity';
import { MaterialKindSchema } from './material-kind.entity';
import { ServiceSchema } from './service.entity';

export const PROVIDERS = ['APPLICANT', 'HOUSEHOLD', 'EVERY_HOUSEHOLD_MEMBER', 'ORGANIZATION'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** One item a service requires: a certificate of a type or a material of a kind, and who provides it. */
export const ServiceRequirementSchema = defineEntity({
  name: 'ServiceRequirement',
  tableName: 'service_requirement',
  checks: [
    {
      name: 'service_requirement_one_of',
      expression: '(certificate_type_code is null) <> (material_kind_code is null)',
    },
  ],
  uniques: [{ name: 'service_requirement_position_unique', properties: ['service', 'position'] }],
  properties: {
    ...baseProperties(),
    service: () => p.manyToOne(ServiceSchema).mapToPk(),
    /** From 1, in the order the service lists them. */
    position: p.smallint(),
    certificateType: () =>
      p.manyToOne(CertificateTypeSchema).mapToPk().nullable().index('service_requirement_certificate_type_idx'),
    materialKind: () =>
      p.manyToOne(MaterialKindSchema).mapToPk().nullable().index('service_requirement_material_kind_idx'),
    description: p.string().length(300),
    provider: p.enum([...PROVIDERS]),
    originalRequired: p.boolean(),
    maxAgeDays: p.smallint().nullable(),
  },
});

export type ServiceRequirement = InferEntity<typeof ServiceRequirementSchema>;
