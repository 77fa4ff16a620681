import type { OrganizationResolvers } from '../generated/graphql';
import { organizationReadiness } from '../readiness';

/** An Organization here: its key only. */
export interface OrganizationParent {
  creditCode: string;
}

export const Organization: OrganizationResolvers = {
  // This registry keeps no organizations: a reference is its key and nothing else.
  __resolveReference: (reference) =>
    typeof reference.creditCode === 'string' && /^[0-9A-Z]{18}$/.test(reference.creditCode)
      ? { creditCode: reference.creditCode }
      : null,

  certificates: (organization, _args, { loaders }) => loaders.certificatesOfOrganization.load(organization.creditCode),

  readiness: (organization, { service }, ctx) => organizationReadiness(ctx, organization.creditCode, service),
};
