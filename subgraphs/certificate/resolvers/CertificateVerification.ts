import type { CertificateVerificationResolvers } from '../generated/graphql';
import type { Certificate } from '../entities/certificate.entity';
import { certificateStatus } from '../certificate-types';
import { maskName } from '../signed-form';

/** What verifyCertificate answers about a certificate found by its code. */
export interface Verification {
  certificate: Certificate;
}

export const CertificateVerification: CertificateVerificationResolvers = {
  type: ({ certificate }, _args, { loaders }) => loaders.certificateType.load(certificate.type).then((t) => t!),
  status: ({ certificate }) => certificateStatus(certificate),
  issuingDepartment: ({ certificate }) => certificate.issuingDepartment,
  issuingAuthority: ({ certificate }) => certificate.issuingAuthority,
  issuedOn: ({ certificate }) => certificate.issuedOn,
  validUntil: ({ certificate }) => certificate.validUntil ?? null,
  // From the document as issued: the name printed on it. An organization's name is public.
  holderName: ({ certificate }) =>
    certificate.holderKind === 'PERSON' ? maskName(certificate.printedName) : certificate.printedName,
};
