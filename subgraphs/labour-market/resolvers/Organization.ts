import type { OrganizationResolvers } from '../generated/graphql';
import { employerPage, feedPageSize, jobPage, openPostings } from '../feed';

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

  jobs: (organization, { first, after }, ctx) =>
    after
      ? jobPage(ctx.em, { ...openPostings(), employer: organization.creditCode }, 'NEWEST', first, after)
      : employerPage(ctx, organization.creditCode, feedPageSize('first', first)),
};
