import type { OrganizationConnectionResolvers } from '../generated/graphql';
import { OrganizationRepository, type OrganizationFilter } from '../entities/organization.repository';
import type { Organization } from '../entities/organization.entity';

/** A page of organizations, with the filter kept so totalCount is counted only when asked for. */
export interface OrganizationPage {
  edges: { cursor: string; node: Organization }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  filter: OrganizationFilter;
}

export const OrganizationConnection: OrganizationConnectionResolvers = {
  totalCount: (page, _args, { em }) => new OrganizationRepository(em).count(page.filter),
};
