import type { OrganizationFilter as FilterInput, QueryResolvers } from '../generated/graphql';
import { OrganizationRepository, type OrganizationFilter } from '../entities/organization.repository';
import * as check from '../../shared/validation';
import type { OrganizationPage } from './OrganizationConnection';

/** A page of organizations ends at a credit code (the order of the list). */
const ORGANIZATION_CURSOR = [check.cursorField.matching(/^[0-9A-HJ-NP-RTUWXY]{18}$/)] as const;

export const Query: QueryResolvers = {
  organization: (_parent, { creditCode }, { loaders }) =>
    loaders.organization.load(check.creditCode('creditCode', creditCode).creditCode),

  organizations: async (_parent, { filter, first, after }, { em }): Promise<OrganizationPage> => {
    const clean = cleanFilter(filter ?? {});
    const size = check.pageSize('first', first);
    const afterCode = after ? check.decodeCursor('after', after, ORGANIZATION_CURSOR)[0] : null;
    const rows = await new OrganizationRepository(em).search(clean, size + 1, afterCode);
    const page = rows.slice(0, size);
    const last = page.at(-1);
    return {
      edges: page.map((node) => ({ cursor: check.encodeCursor(ORGANIZATION_CURSOR, [node.creditCode]), node })),
      pageInfo: {
        hasNextPage: rows.length > size,
        endCursor: last ? check.encodeCursor(ORGANIZATION_CURSOR, [last.creditCode]) : null,
      },
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
