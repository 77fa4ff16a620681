import type { OrganizationConnectionResolvers } from '../generated/graphql';
import { OrganizationRepository, type OrganizationFilter } from '../entities/organization.repository';
import type { Organization } from '../entities/organization.entity';

/**
 * A page of organizations, with the filter kept so totalCount is counted only when asked for, and
 * the count when it came with the page (null: count it here).
 */
export interface OrganizationPage {
  edges: { cursor: string; node: Organization }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  filter: OrganizationFilter;
  totalCount: number | null;
}

export const OrganizationConnection: OrganizationConnectionResolvers = {
  totalCount: (page, _args, { em }) => page.totalCount ?? new OrganizationRepository(em).count(page.filter),
};
