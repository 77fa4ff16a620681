import type {
  CertificateAttributesResolvers,
  CertificateHolderResolvers,
  CertificateResolvers,
  MarriageAttributesResolvers,
} from '../generated/graphql';
import { provenanceOf } from '../../shared/provenance';
import { isUuid } from '../../shared/validation';
import { certificateStatus } from '../certificate-types';
import { formatVerificationCode, signCertificate } from '../signed-form';
import { permissions } from '../permissions';

export const Certificate: CertificateResolvers = {
  // Always from the database: a representation's other fields are never trusted.
  __resolveReference: (reference, { loaders }) =>
    typeof reference.id === 'string' && isUuid(reference.id)
      ? loaders.certificate.load(reference.id.toLowerCase())
      : null,

  type: (certificate, _args, { loaders }) => loaders.certificateType.load(certificate.type),

  holder: (certificate) =>
    certificate.holderKind === 'PERSON'
      ? { id: certificate.holderPersonId! }
      : { creditCode: certificate.holderCreditCode! },

  status: (certificate) => certificateStatus(certificate),

  revocation: (certificate) =>
    certificate.revokedOn ? { revokedOn: certificate.revokedOn, reason: certificate.revocationReason! } : null,

  attributes: (certificate) => certificate.attributes ?? null,

  // Issued, revoked and renewed only by the issuing department: without a write record, its own.
  provenance: (certificate, { fields }, ctx, info) =>
    provenanceOf({
      registry: 'certificate',
      rules: permissions,
      typeName: 'Certificate',
      recordId: certificate.id,
      parent: certificate,
      fields,
      ctx,
      info,
      unrecorded: { department: certificate.issuingDepartment },
    }),

  verificationCode: (certificate) => formatVerificationCode(certificate.verificationCode),

  signedForm: (certificate, _args, { signer }) => signCertificate(certificate, signer),
};

export const CertificateHolder: CertificateHolderResolvers = {
  __resolveType: (holder) => ('id' in holder ? 'Person' : 'Organization'),
};

const ATTRIBUTE_TYPES = {
  MARRIAGE: 'MarriageAttributes',
  DISABILITY: 'DisabilityAttributes',
  MINIMUM_ALLOWANCE: 'MinimumAllowanceAttributes',
  DIPLOMA: 'DiplomaAttributes',
  VOCATIONAL_QUALIFICATION: 'VocationalQualificationAttributes',
} as const;

export const CertificateAttributes: CertificateAttributesResolvers = {
  __resolveType: (attributes) => ATTRIBUTE_TYPES[attributes.kind],
};

export const MarriageAttributes: MarriageAttributesResolvers = {
  spouse: (attributes) => ({ id: attributes.spouseId }),
};
