import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/** The ten kinds of certificate the registry holds (DESIGN.md, domain facts). */
export const CERTIFICATE_TYPE_CODES = [
  'RESIDENT_ID_CARD',
  'HOUSEHOLD_REGISTER',
  'MARRIAGE_CERTIFICATE',
  'BUSINESS_LICENCE',
  'DISABILITY_CERTIFICATE',
  'MINIMUM_ALLOWANCE_CERTIFICATE',
  'EMPLOYMENT_CERTIFICATE',
  'SENIOR_CITIZEN_CARD',
  'DIPLOMA',
  'VOCATIONAL_QUALIFICATION',
] as const;
export type CertificateTypeCode = (typeof CERTIFICATE_TYPE_CODES)[number];

export const HOLDER_KINDS = ['PERSON', 'ORGANIZATION'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

export const VALIDITY_RULES = ['LONG_TERM', 'YEARS', 'BY_AGE', 'STATED'] as const;
export type ValidityRule = (typeof VALIDITY_RULES)[number];

/**
 * A kind of certificate, as the catalogue publishes it: who issues it, who holds it, how long it is
 * valid. Reference data written by the migrations; the code is what the API and other tables use.
 */
export const CertificateTypeSchema = defineEntity({
  name: 'CertificateType',
  tableName: 'certificate_type',
  properties: {
    code: p.enum([...CERTIFICATE_TYPE_CODES]).primary(),
    /** Order in the published list. */
    position: p.smallint(),
    name: p.string().length(50),
    issuingDepartment: p.string().length(40),
    holderKind: p.enum([...HOLDER_KINDS]),
    validityRule: p.enum([...VALIDITY_RULES]),
    validityYears: p.smallint().nullable(),
    validityDescription: p.string().length(200),
    numberFormat: p.string().length(200),
  },
});

export type CertificateType = InferEntity<typeof CertificateTypeSchema>;
