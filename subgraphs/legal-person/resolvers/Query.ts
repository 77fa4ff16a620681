import type { OrganizationFilter as FilterInput, QueryResolvers } from '../generated/graphql';
import { OrganizationRepository, type OrganizationFilter } from '../entities/organization.repository';
import * as check from '../../shared/validation';
import type { OrganizationPage } from './OrganizationConnection';

export const Query: QueryResolvers = {
  organization: (_parent, { creditCode }, { loaders }) =>
    loaders.organization.load(check.creditCode('creditCode', creditCode).creditCode),

  organizations: async (_parent, { filter, first, after }, { em }): Promise<OrganizationPage> => {
    const clean = cleanFilter(filter ?? {});
    const size = check.pageSize('first', first);
    const afterCode = after ? String(check.decodeCursor('after', after, 1)[0]) : null;
    const rows = await new OrganizationRepository(em).search(clean, size + 1, afterCode);
    const page = rows.slice(0, size);
    const last = page.at(-1);
    return {
      edges: page.map((node) => ({ cursor: check.encodeCursor([node.creditCode]), node })),
      pageInfo: { hasNextPage: rows.length > size, endCursor: last ? check.encodeCursor([last.creditCode]) : null },
      filter: clean,
    };
  },
};

function cleanFilter(filter: FilterInput): OrganizationFilter {
  return {
    nameContains:
      filter.nameContains == null ? undefined : check.text('filter.nameContains', filter.nameContains, { max: 50 }),
    districtCode:
      filter.districtCode == null ? undefined : check.chengduDistrict('filter.districtCode', filter.districtCode),
    industryPrefix:
      filter.industryCode == null
        ? undefined
        : check.industryCode('filter.industryCode', filter.industryCode, { allowPrefix: true }),
    status: filter.status ?? undefined,
  };
}
