import type { OrganizationResolvers } from '../generated/graphql';
import { provenanceOf } from '../../shared/provenance';
import { permissions } from '../permissions';

export const Organization: OrganizationResolvers = {
  // Always from the database: a representation's other fields are never trusted.
  __resolveReference: (reference, { loaders }) =>
    /^[0-9A-Z]{18}$/.test(reference.creditCode) ? loaders.organization.load(reference.creditCode) : null,

  legalRepresentative: (organization) => ({ id: organization.legalRepresentativeId }),

  penalties: (organization, _args, { loaders }) => loaders.penalties.load(organization.id),

  // Its personal fields (who represents it): registered by market regulation.
  provenance: (organization, { fields }, ctx, info) =>
    provenanceOf({
      registry: 'legal-person',
      rules: permissions,
      typeName: 'Organization',
      recordId: organization.creditCode,
      parent: organization,
      fields,
      ctx,
      info,
    }),
};
