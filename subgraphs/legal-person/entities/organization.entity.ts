import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';

export const ORGANIZATION_TYPES = [
  'LIMITED_LIABILITY_COMPANY',
  'JOINT_STOCK_COMPANY',
  'SOLE_PROPRIETORSHIP',
  'PARTNERSHIP',
  'INDIVIDUAL_BUSINESS',
  'FARMERS_COOPERATIVE',
  'BRANCH',
] as const;

export const ORGANIZATION_STATUSES = ['ACTIVE', 'DEREGISTERED', 'REVOKED'] as const;

/** An organization in the enterprise register. */
export const OrganizationSchema = defineEntity({
  name: 'Organization',
  tableName: 'organization',
  properties: {
    ...baseProperties(),
    /** Unified social credit code, GB 32100-2015. */
    creditCode: p.string().columnType('char(18)').unique('organization_credit_code_unique'),
    name: p.string().length(100),
    type: p.enum([...ORGANIZATION_TYPES]),
    status: p.enum([...ORGANIZATION_STATUSES]).index('organization_status_idx'),
    /** Person id in the natural-person registry (another database, so no foreign key). */
    legalRepresentativeId: p.uuid().index('organization_legal_representative_idx'),
    registeredCapital: p.decimal('string').precision(17).scale(2),
    establishedOn: p.date(),
    /** GB/T 4754-2017, section letter and up to 4 digits. */
    industryCode: p.string().length(5).index('organization_industry_idx'),
    districtCode: p.string().columnType('char(6)').index('organization_district_idx'),
    address: p.string().length(200),
    businessScope: p.string().length(1000),
    /** Internal to market-regulation. */
    creditRiskClass: p.enum(['A', 'B', 'C', 'D']),
  },
});

export type Organization = InferEntity<typeof OrganizationSchema>;
