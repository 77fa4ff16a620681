import type { OrganizationResolvers } from '../generated/graphql';

export const Organization: OrganizationResolvers = {
  // Always from the database: a representation's other fields are never trusted.
  __resolveReference: (reference, { loaders }) =>
    /^[0-9A-Z]{18}$/.test(reference.creditCode) ? loaders.organization.load(reference.creditCode) : null,

  legalRepresentative: (organization) => ({ id: organization.legalRepresentativeId }),

  penalties: (organization, _args, { loaders }) => loaders.penalties.load(organization.id),
};
