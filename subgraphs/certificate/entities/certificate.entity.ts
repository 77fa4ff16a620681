import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';
import { CertificateTypeSchema, HOLDER_KINDS } from './certificate-type.entity';
import type { CertificateAttributes } from '../certificate-types';

/**
 * An electronic certificate. The holder is a reference (person id or credit code) to the registry
 * that owns it, never a copy of its data; `printedName` and `printedIdentifier` are what the
 * document prints about the holder on the day of issue (its content, which the signed form signs),
 * not the holder's current data. Status is derived when read: REVOKED when revokedOn is set,
 * EXPIRED when validUntil has passed, VALID otherwise.
 */
export const CertificateSchema = defineEntity({
  name: 'Certificate',
  tableName: 'certificate',
  checks: [
    {
      name: 'certificate_holder_kind',
      expression:
        "(holder_kind = 'PERSON' and holder_person_id is not null and holder_credit_code is null) or " +
        "(holder_kind = 'ORGANIZATION' and holder_credit_code is not null and holder_person_id is null)",
    },
    { name: 'certificate_revocation', expression: '(revoked_on is null) = (revocation_reason is null)' },
  ],
  uniques: [{ name: 'certificate_type_number_unique', properties: ['type', 'number'] }],
  properties: {
    ...baseProperties(),
    type: () => p.manyToOne(CertificateTypeSchema).mapToPk(),
    number: p.string().length(40),
    holderKind: p.enum([...HOLDER_KINDS]),
    /** Person id in the natural-person registry (another database, so no foreign key). */
    holderPersonId: p.uuid().nullable().index('certificate_holder_person_idx'),
    /** Credit code in the legal-person registry. */
    holderCreditCode: p.string().columnType('char(18)').nullable().index('certificate_holder_credit_code_idx'),
    issuingDepartment: p.string().length(40),
    issuingAuthority: p.string().length(100),
    issuedOn: p.date(),
    /** Null: valid without limit. */
    validUntil: p.date().nullable(),
    revokedOn: p.date().nullable(),
    revocationReason: p.string().length(200).nullable(),
    /** The holder's name as printed on the document when it was issued (or last renewed). */
    printedName: p.string().length(100),
    /** The holder's ID number or credit code as printed on it. */
    printedIdentifier: p.string().length(18),
    /** Type-specific attributes, checked per type before they are written. */
    attributes: p.json<CertificateAttributes>().nullable(),
    /** 16 Crockford base-32 characters (80 bits), stored without separators. */
    verificationCode: p.string().columnType('char(16)').unique('certificate_verification_code_unique'),
  },
});

export type Certificate = InferEntity<typeof CertificateSchema>;
