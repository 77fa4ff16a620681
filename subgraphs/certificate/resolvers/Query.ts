import type { QueryResolvers } from '../generated/graphql';
import { badUserInput } from '../../shared/errors';
import * as check from '../../shared/validation';
import { CatalogueRepository } from '../entities/catalogue.repository';
import { typeNumberKey } from '../entities/certificate.repository';
import { textColumn } from '../../shared/columns';
import { MAX_NUMBER_LENGTH } from '../certificate-types';
import { ServiceSchema } from '../entities/service.entity';
import { normaliseVerificationCode } from '../signed-form';
import type { Verification } from './CertificateVerification';

export type { Verification };

export const Query: QueryResolvers = {
  certificateTypes: (_parent, _args, { em }) => new CatalogueRepository(em).allCertificateTypes(),

  certificateType: (_parent, { code }, { loaders }) => loaders.certificateType.load(code),

  materialKinds: (_parent, _args, { em }) => new CatalogueRepository(em).allMaterialKinds(),

  services: (_parent, { department }, { em }) =>
    new CatalogueRepository(em).services(
      department == null ? null : check.text('department', department, textColumn(ServiceSchema, 'department')),
    ),

  service: (_parent, { code }, { loaders }) =>
    loaders.service.load(check.text('code', code, textColumn(ServiceSchema, 'code'))),

  certificate: (_parent, { type, number }, { loaders }) =>
    loaders.certificateByTypeNumber.load(
      typeNumberKey(type, check.text('number', number, { max: MAX_NUMBER_LENGTH }).toUpperCase()),
    ),

  verifyCertificate: async (_parent, { code }, ctx): Promise<Verification | null> => {
    const normalised = normaliseVerificationCode(code);
    if (!normalised) {
      throw badUserInput(
        'code',
        'verification-code',
        'code must be the 16-character verification code printed on the certificate, e.g. 7K2M-Q9XD-4HTR-B1ZC',
      );
    }
    const certificate = await ctx.loaders.certificateByCode.load(normalised);
    if (!certificate) return null;
    // Someone checked this person's certificate: their tracker shows it, like any other read.
    if (certificate.holderPersonId) ctx.access.note([certificate.holderPersonId], 'Query.verifyCertificate', 'granted');
    return { certificate };
  },

  material: (_parent, { id }, { loaders }) => loaders.material.load(check.uuid('id', id)),
};
